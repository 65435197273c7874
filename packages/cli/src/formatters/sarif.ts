/**
 * SARIF 2.1.0, the format of GitHub code scanning, Azure DevOps and other static-analysis
 * viewers: one run with the rules' metadata, one result per finding with its rewrites as
 * fixes, one artifact per linted file carrying its quality score, and unreadable files as
 * tool execution notifications.
 */
import { sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules, ruleUrl, type AnyRule, type RuleSeverity } from '@replylint/core';
import { SOURCE_RANGE, wasLinted, type FileResult, type ResultMessage } from '../results.js';
import { whyParagraph } from '../rule-docs.js';
import { repositoryPath } from './paths.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/replylint/replylint';
/** Artifact URIs are relative to this base: the folder replylint ran in, i.e. the checkout in CI. */
const SOURCE_ROOT = '%SRCROOT%';

export interface SarifContext {
  cwd: string;
  version: string;
  /** Each rule's Markdown documentation, where it is available. */
  docs: ReadonlyMap<string, string>;
}

type Level = 'error' | 'warning' | 'note';
const LEVELS: Record<RuleSeverity, Level> = { error: 'error', warn: 'warning', info: 'note' };
const RESULT_LEVELS: Record<ResultMessage['severity'], Level> = { 2: 'error', 1: 'warning', 0: 'note' };

interface ArtifactLocation {
  uri: string;
  uriBaseId: string;
  index?: number;
}

/** A relative URI reference: each path segment percent-encoded. */
function artifactUri(filePath: string, cwd: string): string {
  return repositoryPath(filePath, cwd).split('/').map(encodeURIComponent).join('/');
}

function ruleDescriptor({ meta }: AnyRule, docs: string | undefined) {
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: (docs && whyParagraph(docs)) || `${meta.description}.` },
    helpUri: ruleUrl(meta.id),
    ...(docs ? { help: { text: docs, markdown: docs } } : {}),
    defaultConfiguration: { level: LEVELS[meta.severity] },
    properties: { category: meta.category, principle: meta.principle },
  };
}

function region(message: ResultMessage) {
  const range = message[SOURCE_RANGE]!;
  return {
    startLine: message.line,
    startColumn: message.column,
    endLine: message.endLine ?? message.line,
    endColumn: message.endColumn ?? message.column,
    charOffset: range.start,
    charLength: range.end - range.start,
    ...(message.actual ? { snippet: { text: message.actual } } : {}),
  };
}

function sarifResult(message: ResultMessage, artifactLocation: ArtifactLocation, ruleIndex: ReadonlyMap<string, number>) {
  return {
    ruleId: message.ruleId!,
    ruleIndex: ruleIndex.get(message.ruleId!)!,
    level: RESULT_LEVELS[message.severity],
    message: { text: message.message },
    locations: [
      {
        physicalLocation: { artifactLocation, region: region(message) },
        // The reply within the file: a MIME part, a template of an export.
        ...(message.target === undefined ? {} : { logicalLocations: [{ name: message.target, kind: 'resource' }] }),
      },
    ],
    ...(message.suggestions
      ? {
          // SARIF fixes are alternatives, like the rewrites: a viewer offers one of them.
          fixes: message.suggestions.map(({ desc, fix }) => ({
            description: { text: desc },
            artifactChanges: [
              {
                artifactLocation,
                replacements: [{ deletedRegion: { charOffset: fix.range[0], charLength: fix.range[1] - fix.range[0] }, insertedContent: { text: fix.text } }],
              },
            ],
          })),
        }
      : {}),
  };
}

export function formatSarif(results: readonly FileResult[], context: SarifContext): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const linted = results.filter(wasLinted);
  const failed = results.filter((result) => !wasLinted(result));
  const partial = linted.flatMap((result) => result.messages.filter((message) => message.ruleId === null).map((message) => ({ result, message })));
  const locate = (filePath: string): ArtifactLocation => ({ uri: artifactUri(filePath, context.cwd), uriBaseId: SOURCE_ROOT });

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'replylint',
            version: context.version,
            informationUri: INFORMATION_URI,
            rules: rules.map((rule) => ruleDescriptor(rule, context.docs.get(rule.meta.id))),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(context.cwd.endsWith(sep) ? context.cwd : context.cwd + sep).href } },
        artifacts: linted.map((result) => ({ location: locate(result.filePath), properties: { score: result.score, ...(result.tactics ? { tactics: result.tactics } : {}) } })),
        results: linted.flatMap((result, index) =>
          result.messages.filter((message) => message.ruleId !== null).map((message) => sarifResult(message, { ...locate(result.filePath), index }, ruleIndex)),
        ),
        invocations: [
          {
            executionSuccessful: failed.length === 0 && partial.length === 0,
            toolExecutionNotifications: [
              ...failed.flatMap((result) =>
                result.messages.map((message) => ({
                  level: 'error',
                  message: { text: message.message },
                  locations: [{ physicalLocation: { artifactLocation: locate(result.filePath) } }],
                })),
              ),
              // Problems with part of a linted file (a bad line of a JSON Lines archive), at their place.
              ...partial.map(({ result, message }) => ({
                level: 'error',
                message: { text: message.message },
                locations: [{ physicalLocation: { artifactLocation: locate(result.filePath), region: { startLine: message.line, startColumn: message.column } } }],
              })),
            ],
          },
        ],
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
