import type { LintMessage, SourceProblem } from '@replylint/core';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** A document with the messages of its text at `version`. */
export interface LintedDocument {
  document: TextDocument;
  version: number;
  messages: LintMessage[];
  /** Mistakes in the document itself (an inline comment naming an unknown rule). */
  problems: SourceProblem[];
}

/** Messages touching [start, end]; a cursor at either edge of a flagged range counts. */
export function messagesAt(linted: LintedDocument, start: number, end: number = start): LintMessage[] {
  return linted.messages.filter((message) => message.startOffset <= end && start <= message.endOffset);
}

/** A rewrite that can replace the flagged text as it is (the rule says its rewrites are drop-in, and the source can take it). */
export function isAutoFixable(message: LintMessage): message is LintMessage & Required<Pick<LintMessage, 'fix' | 'suggestions'>> {
  return message.fix !== undefined && message.suggestions !== undefined;
}
