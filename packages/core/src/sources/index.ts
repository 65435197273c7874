/**
 * Source formats: how a file becomes the replies to lint in it. A small registry keyed by
 * format name, dispatched by file extension or forced (`--input-format`); further formats
 * (help-desk exports) register themselves with `registerSourceFormat`.
 */
import { MappedText } from '../mapped-text.js';
import type { LintTarget } from '../target.js';
import { SourceError } from './errors.js';

export { SourceError } from './errors.js';
export { nestTarget } from './nest.js';

export interface SourceFormat {
  /** The name `--input-format` takes. */
  name: string;
  /** File extensions (lower case, with the dot) this format is chosen for. */
  extensions: readonly string[];
  /** Split a file into the replies to lint; throw a SourceError naming the problem for bad input. */
  extract(source: string, context: { path?: string }): LintTarget[] | Promise<LintTarget[]>;
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

const extensionOf = (path: string): string => /\.[^./\\]+$/u.exec(path)?.[0].toLowerCase() ?? '';

/** The format for a path by its extension; text for stdin and unknown extensions. */
export function formatForPath(path: string | undefined): SourceFormat {
  const extension = path === undefined ? '' : extensionOf(path);
  return sourceFormats().find((format) => format.extensions.includes(extension)) ?? formats.get('text')!;
}

export interface ExtractOptions {
  /** Chooses the format by extension (text when absent or unknown). */
  path?: string;
  /** A format name that overrides the extension. */
  format?: string;
}

/**
 * The replies to lint in a source file. A format whose file holds HTML or Markdown inside
 * strings extracts those with `extractTargets(string, { format: 'html' })` and maps them
 * onto the file with `nestTarget`. Throws a SourceError for an unknown format or bad input.
 */
export async function extractTargets(source: string, options: ExtractOptions = {}): Promise<LintTarget[]> {
  let format: SourceFormat | undefined;
  if (options.format !== undefined) {
    format = formats.get(options.format);
    if (!format) throw new SourceError(`unknown input format "${options.format}" (expected ${[...formats.keys()].join(', ')})`);
  } else {
    format = formatForPath(options.path);
  }
  return format.extract(source, options.path === undefined ? {} : { path: options.path });
}
