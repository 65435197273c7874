/**
 * Source formats: how a file becomes the replies to lint in it. A small registry keyed by
 * format name, dispatched by file extension or forced (`--input-format`); further formats
 * (help-desk exports) register themselves with `registerSourceFormat`.
 */
import { MappedText } from '../mapped-text.js';
import type { Platform } from '../rule.js';
import type { LintTarget, SourceProblem } from '../target.js';
import { SourceError } from './errors.js';
import { EXPORT_FORMATS } from './exports/formats.js';

export { SourceError } from './errors.js';
export { nestTarget } from './nest.js';

/** Where the replies are in a template library no format knows by shape (config `templates`, --template-field). */
export interface FieldMapping {
  /** The path to each reply: `replies[].body`, `library.*.text`, a CSV column, a JSON Lines field. */
  field?: string;
  /** The path to each template's title or id, from the item holding the reply. */
  name?: string;
  platform?: Platform;
}

export interface ExtractContext extends FieldMapping {
  path?: string;
  /**
   * Receives problems with the file or a part of it (invalid JSON, a bad line of a JSON Lines
   * archive) while the rest is still extracted; without it, the first is thrown as a SourceError.
   */
  onProblem?(problem: SourceProblem): void;
}

export interface SourceFormat {
  /** The name `--input-format` takes. */
  name: string;
  /** File extensions (lower case, with the dot) this format is chosen for. */
  extensions: readonly string[];
  /** Whether folders are searched for these extensions (not for .json or .yaml: most such files are no replies). */
  searchFolders?: boolean;
  /** Split a file into the replies to lint, all at once or one by one; throw a SourceError naming the problem for bad input. */
  extract(source: string, context: ExtractContext): LintTarget[] | Promise<LintTarget[]> | AsyncIterable<LintTarget>;
}

const formats = new Map<string, SourceFormat>();

export function registerSourceFormat(format: SourceFormat): void {
  formats.set(format.name, format);
}

/** Every registered format, in registration order (text first). */
export function sourceFormats(): SourceFormat[] {
  return [...formats.values()];
}

/** A plain-text draft: its own source, rewritten as it is. */
export function textTarget(text: string): LintTarget {
  return { content: MappedText.identity(text), document: { kind: 'draft' }, encode: (replacement) => replacement };
}

registerSourceFormat({ name: 'text', extensions: ['.txt'], extract: (source) => [textTarget(source)] });
// Parsers load on first use: a run over .txt drafts never parses them.
registerSourceFormat({ name: 'markdown', extensions: ['.md', '.markdown'], extract: async (source) => (await import('./markdown.js')).extractMarkdown(source) });
registerSourceFormat({ name: 'html', extensions: ['.html', '.htm'], extract: async (source) => (await import('./html.js')).extractHtml(source) });
registerSourceFormat({ name: 'eml', extensions: ['.eml'], extract: async (source) => (await import('./eml.js')).extractEml(source) });
for (const { name, extensions } of EXPORT_FORMATS) {
  registerSourceFormat({ name, extensions, searchFolders: false, extract: (source, context) => exportTargets(source, { ...context, format: name }) });
}

async function* exportTargets(source: string, context: ExtractContext & { format: (typeof EXPORT_FORMATS)[number]['name'] }): AsyncGenerator<LintTarget> {
  const { extractExport, lineColumn } = await import('./exports/index.js');
  for await (const item of extractExport(source, context)) {
    if ('target' in item) yield item.target;
    else if (context.onProblem) context.onProblem(item.problem);
    else throw new SourceError(`line ${lineColumn(source, item.problem.start).line}: ${item.problem.message}`);
  }
}

const extensionOf = (path: string): string => /\.[^./\\]+$/u.exec(path)?.[0].toLowerCase() ?? '';

/** The format for a path by its extension; text for stdin and unknown extensions. */
export function formatForPath(path: string | undefined): SourceFormat {
  const extension = path === undefined ? '' : extensionOf(path);
  return sourceFormats().find((format) => format.extensions.includes(extension)) ?? formats.get('text')!;
}

export interface ExtractOptions extends ExtractContext {
  /** Chooses the format by extension (text when absent or unknown). */
  path?: string;
  /** A format name that overrides the extension. */
  format?: string;
}

/**
 * The replies to lint in a source file, one by one: a large archive is never held as targets
 * all at once. A format whose file holds HTML or Markdown inside strings extracts those with
 * `extractTargets(string, { format: 'html' })` and maps them onto the file with `nestTarget`.
 * Throws a SourceError for an unknown format or bad input.
 */
export async function* streamTargets(source: string, options: ExtractOptions = {}): AsyncGenerator<LintTarget> {
  let format: SourceFormat | undefined;
  if (options.format !== undefined) {
    format = formats.get(options.format);
    if (!format) throw new SourceError(`unknown input format "${options.format}" (expected ${[...formats.keys()].join(', ')})`);
  } else {
    format = formatForPath(options.path);
  }
  const { format: _chosen, ...context } = options;
  const targets = format.extract(source, context);
  if (Symbol.asyncIterator in targets) yield* targets;
  else yield* await targets;
}

/** The replies to lint in a source file, all at once (see `streamTargets`). */
export async function extractTargets(source: string, options: ExtractOptions = {}): Promise<LintTarget[]> {
  const targets: LintTarget[] = [];
  for await (const target of streamTargets(source, options)) targets.push(target);
  return targets;
}
