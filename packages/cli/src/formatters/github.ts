/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's
 * diff and the run's summary. Paths are relative to the folder replylint ran in (the checkout).
 */
import type { FileResult, ResultMessage } from '../results.js';
import { repositoryPath } from './paths.js';

/** A command's message: %, CR and LF would end or corrupt the command. */
const escapeData = (text: string): string => text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
/** A property value: also : and , which separate properties. */
const escapeProperty = (text: string): string => escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');

function command(level: 'error' | 'warning' | 'notice', properties: Record<string, string | number>, message: string): string {
  const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${level} ${list.join(',')}::${escapeData(message)}\n`;
}

function position(message: ResultMessage): Record<string, number> {
  const endLine = message.endLine ?? message.line;
  // GitHub accepts columns only on an annotation that starts and ends on the same line.
  return endLine === message.line
    ? { line: message.line, endLine, col: message.column, endColumn: message.endColumn ?? message.column }
    : { line: message.line, endLine };
}

function annotationText(message: ResultMessage): string {
  const rewrite = message.expected?.[0];
  return rewrite === undefined ? message.message : `${message.message}\nSuggested rewrite: ${rewrite === '' ? '(remove it)' : rewrite}`;
}

export function formatGithub(results: readonly FileResult[], cwd: string): string {
  let output = '';
  for (const result of results) {
    const file = repositoryPath(result.filePath, cwd);
    for (const message of result.messages) {
      output += message.fatal
        ? command('error', { file, title: 'replylint' }, message.message)
        : command(message.severity === 2 ? 'error' : message.severity === 1 ? 'warning' : 'notice', { file, ...position(message), title: message.target === undefined ? (message.ruleId ?? 'replylint') : `${message.ruleId} (${message.target})` }, annotationText(message));
    }
  }
  return output;
}
