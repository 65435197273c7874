/**
 * The rule API. A rule is one module: `meta` (what it checks and why) and `create`, which
 * receives a context and returns visitors, as in ESLint. `sentence` visitors see each body
 * sentence; `reply` visitors see the whole email model (structure, endings, signatures).
 */
import type { EmailModel } from './email.js';
import type { Nlp } from './nlp.js';
import type { AnalyzedParagraph, Sentence } from './text.js';

export type RuleCategory = 'tone' | 'substance' | 'ownership' | 'commitment' | 'structure';
/** `info` is for style advice: shown, never counted as a warning, never failing a build. */
export type RuleSeverity = 'info' | 'warn' | 'error';

export interface RuleMeta {
  /** Stable identifier: other tools and people depend on it. */
  id: string;
  /** One line: what the rule reports. */
  description: string;
  category: RuleCategory;
  severity: RuleSeverity;
  /** Whether its reports carry rewrites that can replace the flagged text as they are. */
  fixable: boolean;
  /** The principle it enforces, as titled in the project's principles digest. */
  principle: string;
  /** In `replylint:recommended`: only rules that reach precision ≥ 0.95 on the corpus. */
  recommended: boolean;
}

export interface RelatedSpan {
  start: number;
  end: number;
  message: string;
}

export interface Report {
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
  message: string;
  /** Rewrites for the flagged text, best first. */
  expected?: string[];
  /** Why this matters, in a sentence. */
  note?: string;
  related?: RelatedSpan[];
}

/** Help desks whose placeholder syntax and export formats replylint knows. */
export type Platform = 'zendesk' | 'helpscout' | 'freshdesk' | 'intercom' | 'gorgias' | 'front' | 'hubspot' | 'osticket' | 'zammad';

/** What is being linted: a draft about to be sent, or a template that a help desk fills in. */
export interface DocumentInfo {
  kind: 'draft' | 'template';
  /** The help desk the text is written for, when known (from an export's shape or configuration). */
  platform?: Platform;
}

/** The reply as rules see it: the structural model plus analysed body paragraphs. */
export interface Reply {
  text: string;
  model: EmailModel;
  paragraphs: AnalyzedParagraph[];
  document: DocumentInfo;
}

export interface RuleContext<Options> {
  reply: Reply;
  options: Options;
  report(report: Report): void;
  /** compromise, imported on first use: call it only on the few sentences that need it. */
  nlp(): Promise<Nlp>;
}

export interface RuleVisitors {
  sentence?(sentence: Sentence, paragraph: AnalyzedParagraph): void;
  reply?(): void | Promise<void>;
}

export interface RuleOptionsSpec<Options> {
  defaults: Options;
  /** The options `replylint:strict` sets, when the rule has a stricter reading than its default. */
  strict?: Options;
  /** Validate user options; throw an Error whose message names the offending key. */
  parse(raw: unknown): Options;
}

export interface RuleModule<Options = undefined> {
  meta: RuleMeta;
  options?: RuleOptionsSpec<Options>;
  create(context: RuleContext<Options>): RuleVisitors;
}

// eslint-style erasure so rules with different option types share one registry.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleModule<any>;

export const DOCS_BASE = 'https://github.com/replylint/replylint/blob/main/rules/';

export function ruleUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function defineRule<Options = undefined>(rule: RuleModule<Options>): RuleModule<Options> {
  return rule;
}
