/**
 * Human output: one block per file, one line per problem, the suggested rewrite beneath;
 * for more than one file, a summary line of the library ("142 templates, 37 with warnings,
 * median score 88"). Files that could not be linted are named on stderr, not here.
 */
import { wasLinted, type FileResult, type FileSummary } from '../results.js';

export interface Colors {
  underline(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  blue(text: string): string;
  bold(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001B[${open}m${text}\u001B[${close}m`;

export const colors: Colors = { underline: ansi(4, 24), dim: ansi(2, 22), red: ansi(31, 39), yellow: ansi(33, 39), green: ansi(32, 39), blue: ansi(34, 39), bold: ansi(1, 22) };
const identity = (text: string): string => text;
export const noColors: Colors = { underline: identity, dim: identity, red: identity, yellow: identity, green: identity, blue: identity, bold: identity };

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Counts templates by their worst finding — each reply of an export or archive, each other
 * file as one — and the median score over them; files that could not be linted apart.
 */
export function librarySummary(results: readonly FileSummary[]): string {
  const linted = results.filter(wasLinted);
  const templates = linted.flatMap((result) => result.replies ?? [{ errorCount: result.errorCount, warningCount: result.warningCount, score: result.score! }]);
  const withErrors = templates.filter((template) => template.errorCount > 0).length;
  const withWarnings = templates.filter((template) => template.errorCount === 0 && template.warningCount > 0).length;
  const parts = [plural(templates.length, 'template')];
  if (withErrors > 0) parts.push(`${withErrors} with errors`);
  parts.push(`${withWarnings} with warnings`);
  if (templates.length > 0) parts.push(`median score ${median(templates.map((template) => template.score))}`);
  if (linted.length < results.length) parts.push(`${results.length - linted.length} not linted`);
  return parts.join(', ');
}

/** One file's block: its path and one line per problem (nothing for a clean file). */
export function stylishFile(result: FileResult, paint: Colors): string {
  if (result.messages.length === 0 || !wasLinted(result)) return '';
  let output = `\n${paint.underline(result.filePath)}\n`;
  const width = Math.max(...result.messages.map((message) => `${message.line}:${message.column}`.length));
  for (const message of result.messages) {
    const position = `${message.line}:${message.column}`.padEnd(width);
    const level = message.severity === 2 ? paint.red('error  ') : message.severity === 1 ? paint.yellow('warning') : paint.blue('info   ');
    const where = message.target === undefined ? '' : `  ${paint.dim(`(${message.target})`)}`;
    output += `  ${paint.dim(position)}  ${level}  ${message.message}  ${paint.dim(message.ruleId ?? '')}${where}\n`;
    const rewrite = message.expected?.[0];
    if (rewrite !== undefined) output += `  ${' '.repeat(width)}  ${' '.repeat(7)}  ${paint.green(`→ ${rewrite === '' ? '(remove)' : rewrite}`)}\n`;
  }
  return output;
}

/** The totals and, for a library (more than one file, or an export of several templates), its summary. */
export function stylishEnd(results: readonly FileSummary[], paint: Colors): string {
  const linted = results.filter(wasLinted);
  const count = (key: 'errorCount' | 'warningCount' | 'infoCount'): number => linted.reduce((sum, result) => sum + result[key], 0);
  const [errors, warnings, infos] = [count('errorCount'), count('warningCount'), count('infoCount')];
  let output = '';
  const total = errors + warnings + infos;
  if (total > 0) {
    const problems = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos > 0 ? `, ${plural(infos, 'info')}` : ''})`;
    output += `\n${paint.bold(errors > 0 ? paint.red(problems) : warnings > 0 ? paint.yellow(problems) : paint.blue(problems))}\n`;
  }
  const isLibrary = results.length > 1 || (results[0]?.replies?.length ?? 0) > 1;
  return isLibrary ? `${output}${librarySummary(results)}\n` : output;
}

export function formatStylish(results: readonly FileResult[], paint: Colors): string {
  return results.map((result) => stylishFile(result, paint)).join('') + stylishEnd(results, paint);
}
