/** Types for evaluate-corpus.js, so that the TypeScript tests can import it. */
import type { DocumentInfo } from '../packages/core/src/index.js';
export declare const CORPUS_DIR: string;

export interface ExpectedFinding {
  ruleId: string;
  line: number;
}

export interface CorpusReply {
  file: string;
  text: string;
  description: string;
  expected: ExpectedFinding[];
  starts: number[];
  /** From the label file's optional "document"; a draft by default. */
  document: DocumentInfo;
}

export interface RuleFigures {
  ruleId: string;
  tp: number;
  fp: number;
  fn: number;
  /** null when the rule reported nothing. */
  precision: number | null;
  /** null when the corpus expects nothing of the rule. */
  recall: number | null;
}

export interface Miss {
  file: string;
  line: number;
  ruleId: string;
  message: string;
  actual?: string;
  description?: string;
}

export interface Evaluation {
  replies: number;
  clean: number;
  rules: RuleFigures[];
  total: RuleFigures;
  falsePositives: Miss[];
  falseNegatives: Miss[];
  problems: string[];
}

export interface LintFunction {
  (text: string, options: { path: string; document: CorpusReply['document'] }): Promise<{ messages: ReadonlyArray<{ ruleId: string; startOffset: number; reason: string; actual?: string | null | undefined }> }>;
}

export declare function loadCorpus(options?: { dir?: string; ruleIds?: readonly string[] }): Promise<{ replies: CorpusReply[]; problems: string[] }>;
export declare function evaluateCorpus(options: { lint: LintFunction; ruleIds: readonly string[]; dir?: string }): Promise<Evaluation>;
export declare function formatTable(result: Evaluation, marked?: ReadonlySet<string>): string;
export declare function formatMisses(result: Evaluation, ruleId?: string): string;
