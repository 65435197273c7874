/** Lint results in ESLint's shape, the lingua franca of CI annotations and editor tooling. */
import { qualityScore, TACTICS_STEPS, type LintMessage, type LintResult, type TacticsStep } from '@replylint/core';

/**
 * Where a message's text lies in the original input (UTF-16 offsets, end exclusive), for
 * formats that locate by offset (SARIF). A symbol key, so the JSON output keeps ESLint's shape.
 */
export const SOURCE_RANGE = Symbol('source range');

export interface Suggestion {
  desc: string;
  fix: { range: [number, number]; text: string };
}

export interface ResultMessage {
  ruleId: string | null;
  /** ESLint's 1 (warning) and 2 (error); 0 is replylint's info (style advice). */
  severity: 0 | 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: true;
  /** replylint extensions, named as in unified's vfile messages. */
  actual?: string;
  expected?: string[];
  note?: string;
  url?: string;
  /** The automatic fix that --fix applies (ESLint's shape), when the rule is fixable. */
  fix?: { range: [number, number]; text: string };
  suggestions?: Suggestion[];
  /** The reply within the file (a MIME part, a template's name), for files holding more than the reply itself. */
  target?: string;
  [SOURCE_RANGE]?: { start: number; end: number };
}

export interface FileResult {
  filePath: string;
  messages: ResultMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The reply's 0–100 quality score over the reported findings; null when it could not be linted. */
  score: number | null;
  /** With --fix or --fix-dry-run, the fixed source (BOM included), when fixing changed it. */
  output?: string;
  /** In JSON and SARIF reports: each reply's TACTICS coverage, in the file's order. */
  tactics?: ReplyTactics[];
  /** For a file that holds several replies (an export, an archive): each one's counts and score. */
  replies?: ReplySummary[];
}

export interface ReplySummary {
  /** The template's name; replies without one are counted apart from the named ones. */
  target?: string;
  errorCount: number;
  warningCount: number;
  score: number;
}

const scoreOf = (messages: readonly ResultMessage[]): number => qualityScore(messages.map((message) => ({ fatal: message.severity === 0 ? undefined : message.severity === 2 })));

/** Counts and score of each reply of a file, from the messages that name it. */
export function replySummaries(names: ReadonlyArray<string | undefined>, messages: readonly ResultMessage[]): ReplySummary[] {
  return names.map((target) => {
    const own = messages.filter((message) => message.ruleId !== null && message.target === target);
    return { ...(target === undefined ? {} : { target }), errorCount: own.filter((message) => message.severity === 2).length, warningCount: own.filter((message) => message.severity === 1).length, score: scoreOf(own) };
  });
}

/** Which TACTICS steps one reply takes, and where (line and column in the file). */
export interface ReplyTactics {
  /** The template's name or MIME part, for files that hold more than one reply. */
  target?: string;
  covered: TacticsStep[];
  missing: TacticsStep[];
  steps: Record<TacticsStep, { line: number; column: number } | null>;
}

export function replyTactics(tactics: NonNullable<LintResult['tactics']>, target: string | undefined): ReplyTactics {
  const steps = Object.fromEntries(TACTICS_STEPS.map((step) => [step, tactics[step] && { line: tactics[step]!.line, column: tactics[step]!.column }])) as ReplyTactics['steps'];
  return {
    ...(target === undefined ? {} : { target }),
    covered: TACTICS_STEPS.filter((step) => tactics[step] !== null),
    missing: TACTICS_STEPS.filter((step) => tactics[step] === null),
    steps,
  };
}

export function toResultMessage(message: LintMessage): ResultMessage {
  const result: ResultMessage = {
    ruleId: message.ruleId,
    severity: message.fatal === true ? 2 : message.fatal === false ? 1 : 0,
    message: message.reason,
    line: message.line ?? 1,
    column: message.column ?? 1,
    endLine: message.place && 'end' in message.place ? message.place.end.line : (message.line ?? 1),
    endColumn: message.place && 'end' in message.place ? message.place.end.column : (message.column ?? 1),
    actual: message.actual ?? '',
    expected: message.expected ?? [],
    url: message.url ?? '',
    [SOURCE_RANGE]: { start: message.startOffset, end: message.endOffset },
  };
  if (message.note) result.note = message.note;
  if (message.fix) result.fix = message.fix;
  if (message.suggestions) result.suggestions = message.suggestions;
  if (message.target !== undefined) result.target = message.target;
  return result;
}

export function fileResult(filePath: string, messages: ResultMessage[]): FileResult {
  const errors = messages.filter((message) => message.severity === 2);
  const warnings = messages.filter((message) => message.severity === 1);
  return {
    filePath,
    messages,
    errorCount: errors.length,
    warningCount: warnings.length,
    infoCount: messages.filter((message) => message.severity === 0).length,
    fatalErrorCount: messages.filter((message) => message.fatal).length,
    fixableErrorCount: errors.filter((message) => message.fix).length,
    fixableWarningCount: warnings.filter((message) => message.fix).length,
    score: scoreOf(messages),
  };
}

/** What a report's summary and the exit code need of a file's result: all but its findings. */
export type FileSummary = Omit<FileResult, 'messages' | 'tactics' | 'output'>;

export function summaryOf(result: FileResult): FileSummary {
  const { messages: _messages, tactics: _tactics, output: _output, ...summary } = result;
  return summary;
}

/** A file's result as a streamed report needs it, rendered on the thread that linted the file: its counts and its part of the report. */
export interface RenderedResult {
  summary: FileSummary;
  rendered: string;
}

export function isRendered<Whole extends object>(result: Whole | RenderedResult): result is RenderedResult {
  return 'rendered' in result;
}

/** Whether the file was linted, rather than failed to be read or configured. */
export function wasLinted(result: FileSummary): boolean {
  return result.fatalErrorCount === 0;
}

/**
 * A problem with a file (invalid JSON) or a part of it (a bad line of a JSON Lines archive),
 * placed like a parse error; fatal when nothing in the file could be linted.
 */
export function problemMessage(problem: { line: number; column: number; message: string }, fatal: boolean): ResultMessage {
  return { ruleId: null, severity: 2, ...(fatal ? { fatal: true as const } : {}), message: problem.message, line: problem.line, column: problem.column };
}

/** A file that could not be linted at all (missing, binary, bad config): one fatal message. */
export function failedFileResult(filePath: string, problem: string): FileResult {
  return { ...fileResult(filePath, [{ ruleId: null, severity: 2, fatal: true, message: problem, line: 0, column: 0 }]), score: null };
}
