/** A source file that cannot be turned into replies to lint: the message names the problem (the caller names the file). */
export class SourceError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'SourceError';
  }
}

/** The 1-based line `offset` is on (LF, CR and CRLF each end a line). */
export function lineOf(source: string, offset: number): number {
  const before = source.slice(0, offset);
  return before.split(/\r\n|\r|\n/u).length;
}
