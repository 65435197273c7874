/**
 * Automatic fixes (ESLint's `{ range, text }`, in the coordinates of the source that was
 * linted): choosing the fixes that can be applied together, applying them, and re-linting
 * until nothing changes. The CLI's --fix, the editor's "Fix all" and the playground's
 * "Copy fixed reply" all choose fixes here.
 */

export interface Fix {
  /** Replace source[range[0], range[1]) (UTF-16 offsets, end exclusive) with `text`. */
  range: readonly [number, number];
  text: string;
}

const byRange = (a: Fix, b: Fix): number => a.range[0] - b.range[0] || a.range[1] - b.range[1];

/**
 * Whether `next`, which sorts at or after `previous`, cannot be applied with it: they rewrite
 * shared text, `next` inserts inside `previous`, or both insert at the same point (whose text
 * would come first is not for us to guess). Fixes that merely touch can both apply.
 */
function overlaps(previous: Fix, next: Fix): boolean {
  const [start, end] = previous.range;
  return next.range[0] < end || (start === end && next.range[0] === start && next.range[1] === start);
}

/**
 * The items whose fixes can be applied together, in source order: sorted by range, an item
 * whose fix overlaps one already chosen is left out (the first wins; a later pass of
 * `fixUntilStable` picks it up if it still applies). Items without a fix are left out.
 */
export function selectFixes<T>(items: readonly T[], fixOf: (item: T) => Fix | undefined): T[] {
  const withFix = items.flatMap((item) => {
    const fix = fixOf(item);
    return fix === undefined ? [] : [{ item, fix }];
  });
  // Array.prototype.sort is stable: for equal ranges the earlier item wins.
  withFix.sort((a, b) => byRange(a.fix, b.fix));
  const chosen: T[] = [];
  let last: Fix | undefined;
  for (const { item, fix } of withFix) {
    if (last !== undefined && overlaps(last, fix)) continue;
    chosen.push(item);
    last = fix;
  }
  return chosen;
}

export interface AppliedFixes {
  output: string;
  /** The fixes that were applied, in source order (overlapping ones are not). */
  applied: Fix[];
}

/**
 * Apply the fixes that do not overlap (see `selectFixes`) to `source`. Everything outside
 * the fixed ranges is kept as it is, byte for byte: line breaks, BOM, trailing newline.
 */
export function applyFixes(source: string, fixes: readonly Fix[]): AppliedFixes {
  for (const { range } of fixes) {
    if (!(range[0] >= 0 && range[0] <= range[1] && range[1] <= source.length)) {
      throw new RangeError(`fix range ${range[0]}-${range[1]} is outside the source (length ${source.length})`);
    }
  }
  const applied = selectFixes(fixes, (fix) => fix);
  const pieces: string[] = [];
  let copiedUpTo = 0;
  for (const { range, text } of applied) {
    pieces.push(source.slice(copiedUpTo, range[0]), text);
    copiedUpTo = range[1];
  }
  pieces.push(source.slice(copiedUpTo));
  return { output: pieces.join(''), applied };
}

/** A lint message that may carry a fix in the source's coordinates (`lint`'s messages, or a target's mapped onto its file). */
export interface FixableMessage {
  fix?: Fix | undefined;
}

export interface FixOptions<Message> {
  /** Which fixes to apply, as ESLint's `fix` predicate (every fix by default); `--quiet` fixes errors only. */
  shouldFix?: (message: Message) => boolean;
  /** At most this many rounds of fixing (10, as ESLint). */
  maxPasses?: number;
}

export interface FixResult<Message> {
  /** The fixed source; the very string given when nothing changed. */
  output: string;
  /** Whether `output` differs from the source. */
  changed: boolean;
  /** The messages of `output`: the problems that remain after fixing. */
  messages: Message[];
  /** How many fixes were applied over every pass. */
  fixCount: number;
  passes: number;
}

export const MAX_FIX_PASSES = 10;

/**
 * ESLint's fix loop: lint, apply the fixes that do not overlap, lint the result again, until
 * no fix changes the text or `maxPasses` rounds have run. One fix can make room for another
 * (an overlapping fix skipped in one pass applies in the next), and the messages returned are
 * always those of the output. `lintSource` is any source → messages pipeline whose fixes are
 * in source coordinates: `lint` for plain text, or a file's targets mapped onto the file.
 */
export async function fixUntilStable<Message extends FixableMessage>(
  source: string,
  lintSource: (source: string) => Promise<readonly Message[]> | readonly Message[],
  options: FixOptions<Message> = {},
): Promise<FixResult<Message>> {
  const { shouldFix = () => true, maxPasses = MAX_FIX_PASSES } = options;
  let output = source;
  let messages = [...(await lintSource(output))];
  let fixCount = 0;
  let passes = 0;
  while (passes < maxPasses) {
    const current = output;
    // A fix whose text is already there changes nothing: left out, it cannot shadow a real one.
    const fixes = messages.flatMap((message) => {
      const { fix } = message;
      return fix !== undefined && shouldFix(message) && current.slice(fix.range[0], fix.range[1]) !== fix.text ? [fix] : [];
    });
    if (fixes.length === 0) break;
    const { output: next, applied } = applyFixes(current, fixes);
    passes++;
    fixCount += applied.length;
    output = next;
    messages = [...(await lintSource(output))];
  }
  return { output, changed: output !== source, messages, fixCount, passes };
}
