import type { FileResult } from '../results.js';

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(results)}\n`;
}
