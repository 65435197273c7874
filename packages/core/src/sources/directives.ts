/**
 * Inline comments that switch rules off in Markdown and HTML, as in ESLint:
 * `<!-- replylint-disable [rule …] -->` … `<!-- replylint-enable [rule …] -->`, and
 * `<!-- replylint-disable-next-line [rule …] -->`. Rules may be separated by spaces or commas;
 * no rule means every rule. A rule id that does not exist is a problem of the file (the CLI
 * rejects the file naming the line), so a typo never silently leaves a rule on.
 */
import { ruleById } from '../config.js';
import type { DisabledRange, SourceProblem } from '../target.js';

const DIRECTIVE = /^\s*replylint-(disable-next-line|disable|enable)(?=\s|$)([^]*)$/u;
const ALL = '*';

export interface DirectiveComment {
  /** The comment's text between `<!--` and `-->`. */
  value: string;
  /** The comment's span in the source. */
  start: number;
  end: number;
}

/**
 * The rule ids a directive names ([] for every rule). Unknown ones become problems and are left
 * out; undefined when it named rules and none is known, so it switches nothing.
 */
function ruleIdsOf(list: string, comment: DirectiveComment, kind: string, problems: SourceProblem[]): string[] | undefined {
  // A description may follow "--", as in ESLint: <!-- replylint-disable weak-closing -- legal wording -->
  const ids = list.split(/\s--\s|\s--$/u)[0]!.split(/[\s,]+/u).filter((id) => id !== '');
  for (const id of ids.filter((id) => !ruleById.has(id))) problems.push({ start: comment.start, end: comment.end, message: `replylint-${kind} names an unknown rule "${id}"` });
  const known = ids.filter((id) => ruleById.has(id));
  return ids.length > 0 && known.length === 0 ? undefined : known;
}

/** The line after the one `offset` is on, as a source range (empty at the end of the file). */
function nextLine(source: string, offset: number): { start: number; end: number } {
  const lineEnd = source.slice(offset).search(/\r\n|\r|\n/u);
  if (lineEnd < 0) return { start: source.length, end: source.length };
  const start = offset + lineEnd + (source.startsWith('\r\n', offset + lineEnd) ? 2 : 1);
  const after = source.slice(start).search(/\r\n|\r|\n/u);
  return { start, end: after < 0 ? source.length : start + after };
}

/** The ranges the directive comments of a file switch rules off over, in source offsets, and the directives' mistakes. */
export function disabledRanges(comments: readonly DirectiveComment[], source: string): { disabled: DisabledRange[]; problems: SourceProblem[] } {
  const ranges: DisabledRange[] = [];
  const problems: SourceProblem[] = [];
  /** Open `disable` ranges by rule id (ALL for every rule), with where they start. */
  const open = new Map<string, number>();
  const close = (key: string, at: number): void => {
    const start = open.get(key);
    if (start === undefined) return;
    open.delete(key);
    ranges.push(key === ALL ? { start, end: at } : { start, end: at, ruleIds: [key] });
  };

  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.value);
    if (!match) continue;
    const kind = match[1]!;
    const ids = ruleIdsOf(match[2]!, comment, kind, problems);
    if (!ids) continue;
    if (kind === 'disable-next-line') {
      ranges.push({ ...nextLine(source, comment.end), ...(ids.length > 0 ? { ruleIds: ids } : {}) });
    } else if (kind === 'disable') {
      for (const key of ids.length > 0 ? ids : [ALL]) if (!open.has(key)) open.set(key, comment.end);
    } else if (ids.length === 0) {
      for (const key of [...open.keys()]) close(key, comment.start);
    } else {
      // Enabling some rules inside a disable-all: the others stay off from here on.
      if (open.has(ALL)) {
        close(ALL, comment.start);
        for (const id of ruleById.keys()) if (!ids.includes(id) && !open.has(id)) open.set(id, comment.start);
      }
      for (const id of ids) close(id, comment.start);
    }
  }
  for (const key of [...open.keys()]) close(key, source.length);
  return { disabled: ranges, problems };
}
