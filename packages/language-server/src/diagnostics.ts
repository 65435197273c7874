/**
 * Core messages as LSP diagnostics. Both count in UTF-16 code units, so an offset maps to a
 * position through the document's line table and nothing else.
 */
import type { LintMessage, SourceProblem } from '@replylint/core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';

export const SOURCE = 'replylint';

export function rangeOf(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toDiagnostic(message: LintMessage, document: TextDocument): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(document, message.startOffset, message.endOffset),
    severity: message.fatal === true ? DiagnosticSeverity.Error : message.fatal === false ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    code: message.ruleId,
    source: SOURCE,
    message: message.reason,
  };
  if (message.url) diagnostic.codeDescription = { href: message.url };
  if (message.related && message.related.length > 0) {
    diagnostic.relatedInformation = message.related.map((span) => ({
      location: { uri: document.uri, range: rangeOf(document, span.start, span.end) },
      message: span.message,
    }));
  }
  return diagnostic;
}

/** A mistake in the document (an inline comment naming an unknown rule), shown where it is. */
export function problemDiagnostic(problem: SourceProblem, document: TextDocument): Diagnostic {
  return { range: rangeOf(document, problem.start, problem.end), severity: DiagnosticSeverity.Error, source: SOURCE, message: problem.message };
}
