/**
 * The pipeline every surface calls: text → email model → rules → messages.
 */
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { location, type Location } from 'vfile-location';
import { resolveConfig, type ResolvedConfig } from './config.js';
import { parseEmail, type EmailModel } from './email.js';
import { loadNlp } from './nlp.js';
import { ruleUrl, type DocumentInfo, type RelatedSpan, type Report, type Reply } from './rule.js';
import { tacticsCoverage, TACTICS_STEPS, type TacticsStep } from './tactics.js';
import { analyzeParagraph } from './text.js';

export interface LintMessage extends VFileMessage {
  ruleId: string;
  source: 'replylint';
  /** Offsets of the flagged text in the original input, end exclusive. */
  startOffset: number;
  endOffset: number;
  related?: RelatedSpan[];
  /**
   * The automatic fix, ESLint-shaped: replace [range[0], range[1]) of the input with `text`.
   * Present when the rule is fixable and proposed a rewrite.
   */
  fix?: { range: [number, number]; text: string };
  /**
   * Each rewrite in `expected` as an edit of the input, ESLint-shaped. Absent when there is no
   * rewrite, or when the flagged text cannot be rewritten in its source (it spans markup).
   */
  suggestions?: Array<{ desc: string; fix: { range: [number, number]; text: string } }>;
  /** The reply within its file the message is about (a MIME part, a template's name); see `lintTarget`. */
  target?: string;
}

/** Where a reply takes a TACTICS step, in the input (or the source file, for a target). */
export interface TacticsEvidence {
  start: number;
  end: number;
  line: number;
  column: number;
}

export interface LintResult {
  file: VFile;
  messages: LintMessage[];
  model: EmailModel;
  /** Which TACTICS steps the reply takes, and where; present when `tactics: true` was asked for. */
  tactics?: Record<TacticsStep, TacticsEvidence | null>;
}

export interface LintOptions {
  /** Resolved configuration; the recommended preset when absent. */
  config?: ResolvedConfig;
  /** Shown in messages and reports; never read from disk here. */
  path?: string;
  /** A draft (the default) or a template, and the help desk it is written for. */
  document?: DocumentInfo;
  /** Also work out the reply's TACTICS coverage (`LintResult.tactics`). */
  tactics?: boolean;
}

let defaultConfig: ResolvedConfig | undefined;

/**
 * Where messages land: in the linted text itself (`lint`), or in the source file a target was
 * extracted from (`lintTarget`). Offsets come in as offsets of the linted text.
 * @internal
 */
export interface Placement {
  /** The file messages are attached to; its value is the text line/column are counted in. */
  file: VFile;
  /** The file's line index, when one is shared by the many targets of one file. */
  place?: Location;
  toSource(start: number, end: number): { start: number; end: number };
  /** The source text that replaces text[start, end) with `replacement`; undefined when it cannot be written back. */
  rewrite(start: number, end: number, replacement: string): string | undefined;
  /** Whether a message of this rule at this source offset is reported (inline disable comments). */
  keeps(ruleId: string, sourceStart: number): boolean;
  target?: string;
}

const describeRewrite = (rewrite: string, actual: string): string => (rewrite === '' ? `Remove "${actual}"` : `Replace with "${rewrite}"`);

/**
 * A vfile message is an Error, and V8 captures a stack trace for each one, which costs more
 * than the rest of the message; vfile then blanks the stack anyway.
 */
function withoutStackTrace<T>(create: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return create();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Build the reply that rules see: the email model plus analysed body paragraphs. */
export function analyzeReply(text: string, document: DocumentInfo = { kind: 'draft' }): Reply {
  const model = parseEmail(text);
  const paragraphs = model.body.map((region) => analyzeParagraph(text, region.start, region.end, model.placeholders));
  return { text, model, paragraphs, document };
}

export async function lint(text: string, options: LintOptions = {}): Promise<LintResult> {
  const file = new VFile(options.path === undefined ? { value: text } : { value: text, path: options.path });
  return lintPlaced(text, options, {
    file,
    toSource: (start, end) => ({ start, end }),
    rewrite: (_start, _end, replacement) => replacement,
    keeps: () => true,
  });
}

/** @internal The pipeline, with messages placed by `placement`. */
export async function lintPlaced(text: string, options: LintOptions, placement: Placement): Promise<LintResult> {
  const config = options.config ?? (defaultConfig ??= resolveConfig());
  const { file } = placement;
  const reply = analyzeReply(text, options.document);
  const place = placement.place ?? location(file);
  const insideQuote = (start: number, end: number): boolean => reply.model.quoted.some((quote) => start < quote.end && end > quote.start);
  const messages: LintMessage[] = [];

  for (const { rule, severity, options: ruleOptions } of config.rules) {
    const reports: Report[] = [];
    const visitors = rule.create({ reply, options: ruleOptions, report: (report) => reports.push(report), nlp: loadNlp });
    if (visitors.sentence) {
      for (const paragraph of reply.paragraphs) {
        for (const sentence of paragraph.sentences) visitors.sentence(sentence, paragraph);
      }
    }
    await visitors.reply?.();

    for (const report of reports) {
      if (!(report.start >= 0 && report.start <= report.end && report.end <= text.length)) {
        throw new RangeError(`rule ${rule.meta.id} reported an invalid range ${report.start}-${report.end}`);
      }
      // Quoted history is the customer's words: a safety net under every rule.
      if (insideQuote(report.start, report.end)) continue;
      const { start, end } = placement.toSource(report.start, report.end);
      if (!placement.keeps(rule.meta.id, start)) continue;
      const message = withoutStackTrace(
        () =>
          file.message(report.message, {
            place: { start: place.toPoint(start)!, end: place.toPoint(end)! },
            ruleId: rule.meta.id,
            source: 'replylint',
          }) as LintMessage,
      );
      // vfile's convention: fatal is true for errors, false for warnings, undefined for info.
      message.fatal = severity === 'info' ? undefined : severity === 'error';
      message.actual = text.slice(report.start, report.end);
      message.expected = report.expected ?? [];
      message.url = ruleUrl(rule.meta.id);
      message.startOffset = start;
      message.endOffset = end;
      if (report.note) message.note = report.note;
      if (report.related) {
        message.related = report.related.map((span) => ({ ...placement.toSource(span.start, span.end), message: span.message }));
      }
      const edits = message.expected.map((rewrite) => placement.rewrite(report.start, report.end, rewrite));
      if (edits.length > 0 && edits.every((edit) => edit !== undefined)) {
        message.suggestions = edits.map((edit, index) => ({ desc: describeRewrite(message.expected![index]!, message.actual!), fix: { range: [start, end], text: edit! } }));
        if (rule.meta.fixable) message.fix = message.suggestions[0]!.fix;
      }
      if (placement.target !== undefined) message.target = placement.target;
      messages.push(message);
    }
  }
  messages.sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId));
  file.messages = messages;
  const result: LintResult = { file, messages, model: reply.model };
  if (options.tactics) {
    const coverage = await tacticsCoverage(reply);
    const evidence = (step: TacticsStep): TacticsEvidence | null => {
      const range = coverage[step];
      if (!range) return null;
      const { start, end } = placement.toSource(range.start, range.end);
      const point = place.toPoint(start)!;
      return { start, end, line: point.line, column: point.column };
    };
    result.tactics = Object.fromEntries(TACTICS_STEPS.map((step) => [step, evidence(step)])) as Record<TacticsStep, TacticsEvidence | null>;
  }
  return result;
}
