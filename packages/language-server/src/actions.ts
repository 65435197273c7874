/**
 * Code actions: a quick fix per suggested rewrite, disabling a rule for the document or the
 * workspace, and `source.fixAll.replylint`.
 */
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { selectFixes } from '@replylint/core';
import { rangeOf, toDiagnostic } from './diagnostics.js';
import { isAutoFixable, messagesAt, type LintedDocument } from './linted.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.replylint`;

export const Commands = {
  fixAll: 'replylint.fixAll',
  disableRule: 'replylint.disableRule',
} as const;

export type DisableScope = 'document' | 'workspace';

export interface DisableRuleArguments {
  ruleId: string;
  scope: DisableScope;
  uri: string;
}

export interface EditOptions {
  /** The client applies versioned document edits (and so refuses them on a changed document). */
  documentChanges: boolean;
}

export function workspaceEdit(linted: LintedDocument, edits: TextEdit[], options: EditOptions): WorkspaceEdit {
  const { uri } = linted.document;
  return options.documentChanges ? { documentChanges: [TextDocumentEdit.create({ uri, version: linted.version }, edits)] } : { changes: { [uri]: edits } };
}

/** One edit per message with an automatic fix; of overlapping fixes the core keeps the first. */
export function fixAllEdits(linted: LintedDocument): TextEdit[] {
  return selectFixes(linted.messages, (message) => message.fix).map(({ fix }) => ({ range: rangeOf(linted.document, fix!.range[0], fix!.range[1]), newText: fix!.text }));
}

/** Whether a client asking for `only` these kinds wants actions of `kind`. */
function wanted(kind: string, only: string[] | undefined): boolean {
  return only === undefined || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

export function codeActions(linted: LintedDocument, params: CodeActionParams, options: EditOptions): CodeAction[] {
  const { document } = linted;
  const only = params.context?.only;
  const actions: CodeAction[] = [];
  const start = document.offsetAt(params.range.start);
  const end = document.offsetAt(params.range.end);
  const here = messagesAt(linted, start, end);

  if (wanted(CodeActionKind.QuickFix, only)) {
    for (const message of here.filter(isAutoFixable)) {
      const diagnostic = toDiagnostic(message, document);
      message.suggestions.forEach(({ fix }, index) => {
        actions.push({
          title: `Replace with "${message.expected![index]}"`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: index === 0,
          edit: workspaceEdit(linted, [{ range: rangeOf(document, fix.range[0], fix.range[1]), newText: fix.text }], options),
        });
      });
    }
    for (const ruleId of new Set(here.map((message) => message.ruleId))) {
      const diagnostics = here.filter((message) => message.ruleId === ruleId).map((message) => toDiagnostic(message, document));
      for (const scope of ['document', 'workspace'] as const) {
        const argument: DisableRuleArguments = { ruleId, scope, uri: document.uri };
        const title = `Disable ${ruleId} for this ${scope}`;
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics, command: { title, command: Commands.disableRule, arguments: [argument] } });
      }
    }
  }

  // Explicit requests (fix on save, the command) get the source action; the light bulb on an
  // auto-fixable problem gets the same edit as a quick fix when there is more than one to fix.
  const fixable = linted.messages.filter(isAutoFixable);
  const fixAllKind = only !== undefined ? (wanted(FIX_ALL_KIND, only) ? FIX_ALL_KIND : undefined) : here.some(isAutoFixable) && fixable.length > 1 ? CodeActionKind.QuickFix : undefined;
  if (fixAllKind !== undefined && fixable.length > 0) {
    actions.push({ title: 'Fix all auto-fixable problems', kind: fixAllKind, edit: workspaceEdit(linted, fixAllEdits(linted), options) });
  }
  return actions;
}
