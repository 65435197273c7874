/** A source file that cannot be turned into replies to lint: the message names the problem (the caller names the file). */
export class SourceError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = 'SourceError';
  }
}
