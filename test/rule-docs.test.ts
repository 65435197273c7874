/**
 * Every rule's documentation is also its test table: each "Flags" example must be reported
 * (with exactly the quoted text when a `Flagged:` line follows it) and each "Passes"
 * example must not. Examples are linted as drafts; a `Document: template` line after the
 * block (optionally with the help desk: `Document: template, zendesk`) lints it as a template.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules, type DocumentInfo, type Platform } from '../packages/core/src/index.js';
import { lintWithRule } from './helpers.js';

const rulesDir = fileURLToPath(new URL('../rules/', import.meta.url));

interface Example {
  text: string;
  flagged: string[];
  document?: DocumentInfo;
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const rest = markdown.slice(start + heading.length + 5);
  const next = rest.search(/\n## /u);
  return next < 0 ? rest : rest.slice(0, next);
}

function examples(body: string): Example[] {
  const found: Example[] = [];
  const pattern = /```text\n([\s\S]*?)\n```\n((?:(?:Flagged|Document): .*\n)*)/gu;
  for (const match of body.matchAll(pattern)) {
    const flaggedLine = /^Flagged: (.*)$/mu.exec(match[2]!)?.[1];
    const flagged = flaggedLine ? [...flaggedLine.matchAll(/"((?:[^"\\]|\\.)*)"/gu)].map((m) => m[1]!) : [];
    const documentLine = /^Document: (draft|template)(?:, (\w+))?$/mu.exec(match[2]!);
    const example: Example = { text: match[1]!, flagged };
    if (documentLine) example.document = documentLine[2] ? { kind: documentLine[1] as DocumentInfo['kind'], platform: documentLine[2] as Platform } : { kind: documentLine[1] as DocumentInfo['kind'] };
    found.push(example);
  }
  return found;
}

for (const rule of rules) {
  const { id } = rule.meta;
  const path = `${rulesDir}${id}.md`;
  const markdown = existsSync(path) ? readFileSync(path, 'utf8') : '';

  describe(`rules/${id}.md`, () => {
    it('exists', () => expect(existsSync(path)).toBe(true));

    it('states the rule metadata and principle', () => {
      expect(markdown.startsWith(`# ${id}\n`)).toBe(true);
      expect(markdown).toContain(rule.meta.principle);
      expect(markdown).toContain(`| ${rule.meta.category} | ${rule.meta.severity} |`);
    });

    const flags = examples(section(markdown, 'Flags'));
    const passes = examples(section(markdown, 'Passes'));

    it('has at least three examples of each kind', () => {
      expect(flags.length).toBeGreaterThanOrEqual(3);
      expect(passes.length).toBeGreaterThanOrEqual(3);
    });

    for (const example of flags) {
      it(`flags: ${example.text.split('\n').join(' ⏎ ').slice(0, 80)}`, async () => {
        const messages = await lintWithRule(example.text, id, undefined, example.document);
        expect(messages.length).toBeGreaterThan(0);
        if (example.flagged.length > 0) expect(messages.map((m) => m.actual)).toEqual(example.flagged);
      });
    }
    for (const example of passes) {
      it(`passes: ${example.text.split('\n').join(' ⏎ ').slice(0, 80)}`, async () => {
        const messages = await lintWithRule(example.text, id, undefined, example.document);
        expect(messages.map((m) => `${m.actual}: ${m.reason}`)).toEqual([]);
      });
    }
  });
}
