/**
 * The export formats' names and extensions, kept apart from the parsers so that the format
 * registry can list them without loading any of them.
 */
export const EXPORT_FORMATS = [
  { name: 'zendesk', extensions: [] },
  { name: 'helpscout', extensions: [] },
  { name: 'freshdesk', extensions: [] },
  { name: 'intercom', extensions: [] },
  { name: 'gorgias', extensions: [] },
  { name: 'json', extensions: ['.json'] },
  { name: 'yaml', extensions: ['.yaml', '.yml'] },
  { name: 'csv', extensions: ['.csv'] },
  { name: 'jsonl', extensions: ['.jsonl', '.ndjson'] },
] as const satisfies ReadonlyArray<{ name: string; extensions: readonly string[] }>;

export type ExportFormat = (typeof EXPORT_FORMATS)[number]['name'];
export type SyntaxFormat = 'json' | 'yaml' | 'csv' | 'jsonl';
export type ExportPlatform = Exclude<ExportFormat, SyntaxFormat>;

/** The syntax a file's name says it is written in, if it is an export format. */
export function exportSyntaxOf(path: string): SyntaxFormat | undefined {
  const extension = /\.[a-z]+$/iu.exec(path)?.[0].toLowerCase();
  return EXPORT_FORMATS.find((format): format is Extract<(typeof EXPORT_FORMATS)[number], { name: SyntaxFormat }> => (format.extensions as readonly string[]).includes(extension ?? ''))?.name;
}
