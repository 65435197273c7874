/** Human output: one block per file, one line per problem, the suggested rewrite beneath. */
import type { FileResult } from '../results.js';

export interface Colors {
  underline(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  bold(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001B[${open}m${text}\u001B[${close}m`;

export const colors: Colors = { underline: ansi(4, 24), dim: ansi(2, 22), red: ansi(31, 39), yellow: ansi(33, 39), green: ansi(32, 39), bold: ansi(1, 22) };
const identity = (text: string): string => text;
export const noColors: Colors = { underline: identity, dim: identity, red: identity, yellow: identity, green: identity, bold: identity };

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function formatStylish(results: readonly FileResult[], paint: Colors): string {
  let output = '';
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    output += `\n${paint.underline(result.filePath)}\n`;
    const width = Math.max(...result.messages.map((message) => `${message.line}:${message.column}`.length));
    for (const message of result.messages) {
      const position = `${message.line}:${message.column}`.padEnd(width);
      const level = message.severity === 2 ? paint.red('error  ') : paint.yellow('warning');
      output += `  ${paint.dim(position)}  ${level}  ${message.message}  ${paint.dim(message.ruleId ?? '')}\n`;
      const rewrite = message.expected?.[0];
      if (rewrite !== undefined) output += `  ${' '.repeat(width)}  ${' '.repeat(7)}  ${paint.green(`→ ${rewrite === '' ? '(remove)' : rewrite}`)}\n`;
    }
  }
  const total = errors + warnings;
  if (total === 0) return output;
  const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  return `${output}\n${paint.bold(errors > 0 ? paint.red(summary) : paint.yellow(summary))}\n`;
}
