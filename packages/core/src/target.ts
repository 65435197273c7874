/**
 * A reply to lint inside a source file: a whole .txt draft, a Markdown or HTML page, the text
 * part of an .eml, one macro of a help-desk export. Extractors turn files into targets; the
 * same pipeline lints every target and maps its messages back onto the source.
 */
import type { MappedText, SourceRange } from './mapped-text.js';
import type { DocumentInfo } from './rule.js';

/** An inline `replylint-disable` comment's reach: these rules (every rule when absent) are off over a source range. */
export interface DisabledRange extends SourceRange {
  ruleIds?: string[];
}

/** A mistake in the source found while extracting, such as an inline comment naming an unknown rule. */
export interface SourceProblem extends SourceRange {
  message: string;
}

export interface LintTarget {
  /** The reply as the customer reads it, mapped onto the source. */
  content: MappedText;
  document: DocumentInfo;
  /** Names the reply within its file: a template's title or id, or the MIME part ("text/html part"). */
  name?: string;
  /**
   * Escapes a rewrite of content[start, end) for where the text lives (a JSON string, HTML, a CSV
   * field); absent when rewrites cannot be written back, undefined for a rewrite that would not
   * read back as itself (a YAML block emptied of its last line would lose its final line break).
   */
  encode?(replacement: string, start: number, end: number): string | undefined;
  disabled?: DisabledRange[];
  /** Mistakes in the source (offsets in the source): the CLI rejects the file, an editor shows them in place. */
  problems?: SourceProblem[];
}
