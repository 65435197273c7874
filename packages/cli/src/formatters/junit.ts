/**
 * JUnit XML, which GitLab, Jenkins, Azure Pipelines and most CI systems render as test
 * reports: one testsuite per file; one failing testcase per warning or error (named by rule
 * and position, so reruns line up; info findings are advice and fail nothing); one passing
 * testcase for a clean file; an errored testcase for a file that could not be linted. The
 * file's quality score is a suite property.
 */
import type { FileResult, ResultMessage } from '../results.js';
import { repositoryPath } from './paths.js';

/** Characters XML 1.0 cannot hold even escaped: C0 controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

const escapeText = (text: string): string => text.replace(NOT_XML, '\uFFFD').replace(/[&<>]/gu, (character) => ENTITIES[character]!);
/** Attribute values also escape quotes and whitespace, which parsers would otherwise normalise to spaces. */
const escapeAttribute = (text: string): string => text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/gu, (character) => ENTITIES[character]!);

function element(name: string, attributes: Record<string, string | number>, children?: string): string {
  const list = Object.entries(attributes).map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`).join('');
  return children === undefined ? `<${name}${list}/>` : `<${name}${list}>${children}</${name}>`;
}

function details(file: string, message: ResultMessage): string {
  const rewrite = message.expected?.[0];
  const lines = [`${file}:${message.line}:${message.column}: ${message.message} (${message.ruleId})`];
  if (rewrite !== undefined) lines.push(`Suggested rewrite: ${rewrite === '' ? '(remove it)' : rewrite}`);
  if (message.note) lines.push(message.note);
  return escapeText(lines.join('\n'));
}

function testcases(result: FileResult, file: string): string[] {
  const testcase = (name: string, outcome?: string) => `    ${element('testcase', { classname: file, name, file, time: 0 }, outcome && `\n      ${outcome}\n    `)}`;
  if (result.fatalErrorCount > 0) return result.messages.map((message) => testcase('replylint', element('error', { message: message.message }, escapeText(message.message))));
  // Info findings are style advice: they do not fail a test.
  const failures = result.messages.filter((message) => message.severity > 0);
  if (failures.length === 0) return [testcase('replylint')];
  return failures.map((message) =>
    message.ruleId === null
      ? // A problem with part of the file (a bad line of a JSON Lines archive): an error, not a finding.
        testcase(`replylint at ${message.line}:${message.column}`, element('error', { message: message.message }, escapeText(`${file}:${message.line}:${message.column}: ${message.message}`)))
      : testcase(`${message.ruleId} at ${message.line}:${message.column}${message.target === undefined ? '' : ` in ${message.target}`}`, element('failure', { type: message.severity === 2 ? 'error' : 'warning', message: message.message }, details(file, message))),
  );
}

export function formatJunit(results: readonly FileResult[], cwd: string): string {
  const totals = { name: 'replylint', tests: 0, failures: 0, errors: 0, time: 0 };
  const suites = results.map((result) => {
    const file = repositoryPath(result.filePath, cwd);
    const cases = testcases(result, file);
    const problems = result.fatalErrorCount > 0 ? 0 : result.messages.filter((message) => message.ruleId === null).length;
    const counts = { tests: cases.length, failures: result.fatalErrorCount > 0 ? 0 : result.errorCount + result.warningCount - problems, errors: result.fatalErrorCount + problems };
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.errors += counts.errors;
    const properties = result.score === null ? '' : `\n    <properties>\n      ${element('property', { name: 'score', value: result.score })}\n    </properties>`;
    return `  ${element('testsuite', { name: file, ...counts, skipped: 0, time: 0 }, `${properties}\n${cases.join('\n')}\n  `)}`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('testsuites', totals, `\n${suites.join('\n')}\n`)}\n`;
}
