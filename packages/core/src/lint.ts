/**
 * The pipeline every surface calls: text → email model → rules → messages.
 */
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { location } from 'vfile-location';
import { resolveConfig, type ResolvedConfig } from './config.js';
import { parseEmail, type EmailModel } from './email.js';
import { loadNlp } from './nlp.js';
import { ruleUrl, type DocumentInfo, type RelatedSpan, type Report, type Reply } from './rule.js';
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
}

export interface LintResult {
  file: VFile;
  messages: LintMessage[];
  model: EmailModel;
}

export interface LintOptions {
  /** Resolved configuration; the recommended preset when absent. */
  config?: ResolvedConfig;
  /** Shown in messages and reports; never read from disk here. */
  path?: string;
  /** A draft (the default) or a template, and the help desk it is written for. */
  document?: DocumentInfo;
}

let defaultConfig: ResolvedConfig | undefined;

/** Build the reply that rules see: the email model plus analysed body paragraphs. */
export function analyzeReply(text: string, document: DocumentInfo = { kind: 'draft' }): Reply {
  const model = parseEmail(text);
  const paragraphs = model.body.map((region) => analyzeParagraph(text, region.start, region.end, model.placeholders));
  return { text, model, paragraphs, document };
}

export async function lint(text: string, options: LintOptions = {}): Promise<LintResult> {
  const config = options.config ?? (defaultConfig ??= resolveConfig());
  const file = new VFile(options.path === undefined ? { value: text } : { value: text, path: options.path });
  const reply = analyzeReply(text, options.document);
  const place = location(file);
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
      const message = file.message(report.message, {
        place: { start: place.toPoint(report.start)!, end: place.toPoint(report.end)! },
        ruleId: rule.meta.id,
        source: 'replylint',
      }) as LintMessage;
      // vfile's convention: fatal is true for errors, false for warnings, undefined for info.
      message.fatal = severity === 'info' ? undefined : severity === 'error';
      message.actual = text.slice(report.start, report.end);
      message.expected = report.expected ?? [];
      message.url = ruleUrl(rule.meta.id);
      message.startOffset = report.start;
      message.endOffset = report.end;
      if (report.note) message.note = report.note;
      if (report.related) message.related = report.related;
      if (rule.meta.fixable && report.expected?.[0] !== undefined) message.fix = { range: [report.start, report.end], text: report.expected[0] };
      messages.push(message);
    }
  }
  messages.sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId));
  file.messages = messages;
  return { file, messages, model: reply.model };
}
