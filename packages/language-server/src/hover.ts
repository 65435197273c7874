/** Hover on a flagged range: what is wrong, why, the better phrasing and the documentation. */
import { ruleById, type LintMessage } from '@replylint/core';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { rangeOf } from './diagnostics.js';
import { messagesAt, type LintedDocument } from './linted.js';

/** Text from the reply shown inside a Markdown line: keep it literal. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/gu, '\\$&');
}

function explain(message: LintMessage): string {
  const rule = ruleById.get(message.ruleId);
  const lines = [`**${escapeMarkdown(message.reason)}** (replylint: \`${message.ruleId}\`)`];
  if (message.note) lines.push(`Why: ${escapeMarkdown(message.note)}`);
  if (rule) lines.push(`Principle: ${escapeMarkdown(rule.meta.principle)}`);
  const rewrites = message.expected ?? [];
  if (rewrites.length > 0) lines.push(`Better: ${rewrites.map((rewrite) => `"${escapeMarkdown(rewrite)}"`).join(' or ')}`);
  if (message.url) lines.push(`[${message.ruleId} documentation](${message.url})`);
  return lines.join('\n\n');
}

export function hoverAt(linted: LintedDocument, offset: number): Hover | null {
  const here = messagesAt(linted, offset);
  if (here.length === 0) return null;
  const start = Math.min(...here.map((message) => message.startOffset));
  const end = Math.max(...here.map((message) => message.endOffset));
  return {
    contents: { kind: MarkupKind.Markdown, value: here.map(explain).join('\n\n---\n\n') },
    range: rangeOf(linted.document, start, end),
  };
}
