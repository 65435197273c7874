import type { MappedText } from '../mapped-text.js';
import type { LintTarget } from '../target.js';

/**
 * A target extracted from a string that itself lies inside a file — the HTML part of an .eml,
 * an HTML body inside a JSON export — mapped through to the file. Rewrites are encoded for
 * both (HTML escaping, then the string's own escaping); none when either cannot encode.
 */
export function nestTarget(inner: LintTarget, outer: MappedText, outerEncode?: (text: string, start: number, end: number) => string | undefined): LintTarget {
  const { encode, disabled, problems, ...rest } = inner;
  const place = <Range extends { start: number; end: number }>(range: Range): Range => ({ ...range, ...outer.toSource(range.start, range.end) });
  return {
    ...rest,
    content: inner.content.within(outer),
    ...(disabled ? { disabled: disabled.map(place) } : {}),
    ...(problems ? { problems: problems.map(place) } : {}),
    ...(encode && outerEncode
      ? {
          encode: (text: string, start: number, end: number) => {
            const escaped = encode(text, start, end);
            // The inner range, in the outer string's units.
            const range = inner.content.toSource(start, end);
            return escaped === undefined ? undefined : outerEncode(escaped, range.start, range.end);
          },
        }
      : {}),
  };
}
