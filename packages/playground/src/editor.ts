/**
 * The draft editor: CodeMirror 6 with replylint's findings as @codemirror/lint diagnostics,
 * so every highlight covers exactly the range the core reported and offers its rewrites.
 */
import { history, historyKeymap } from '@codemirror/commands';
import { lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorSelection, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder, type ViewUpdate } from '@codemirror/view';
import type { LintMessage } from '@replylint/core';

/** Marks a transaction as a one-click fix, so the page re-checks at once. */
export const FIX_EVENT = 'input.replylint-fix';

export function replaceRange(view: EditorView, from: number, to: number, insert: string): void {
  view.dispatch({
    changes: { from, to, insert },
    selection: EditorSelection.range(from, from + insert.length),
    scrollIntoView: true,
    userEvent: FIX_EVENT,
  });
  view.focus();
}

export function selectRange(view: EditorView, from: number, to: number): void {
  view.dispatch({ selection: EditorSelection.range(from, to), scrollIntoView: true });
  view.focus();
}

/** The rewrites worded as the buttons and menu entries that apply them. */
export function rewriteLabel(rewrite: string): string {
  return rewrite === '' ? 'Remove it' : `Replace with “${rewrite}”`;
}

function renderTooltip(message: LintMessage): Node {
  const container = document.createElement('div');
  container.className = 'rl-tooltip';
  const reason = container.appendChild(document.createElement('div'));
  reason.textContent = message.reason;
  if (message.note) {
    const note = container.appendChild(document.createElement('div'));
    note.className = 'rl-tooltip-note';
    note.textContent = message.note;
  }
  return container;
}

export function toDiagnostics(messages: readonly LintMessage[]): Diagnostic[] {
  return messages.map((message) => ({
    from: message.startOffset,
    to: message.endOffset,
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    source: message.ruleId,
    message: message.reason,
    renderMessage: () => renderTooltip(message),
    actions: (message.expected ?? []).map((rewrite) => ({
      name: rewriteLabel(rewrite),
      apply: (view: EditorView, from: number, to: number) => replaceRange(view, from, to, rewrite),
    })),
  }));
}

export function showDiagnostics(view: EditorView, messages: readonly LintMessage[]): void {
  view.dispatch(setDiagnostics(view.state, toDiagnostics(messages)));
}

/** Colours come from the page's CSS variables, so one theme serves light and dark mode. */
const theme = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--surface)', height: '100%' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--font-text)', lineHeight: '1.6', overflow: 'auto' },
  '.cm-content': { padding: '1rem 1.1rem', caretColor: 'var(--text)' },
  '.cm-line': { padding: '0' },
  '.cm-placeholder': { color: 'var(--muted)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--selection)' },
  '.cm-lintRange-warning': { backgroundColor: 'var(--warning-bg)' },
  '.cm-lintRange-error': { backgroundColor: 'var(--error-bg)' },
  '.cm-lintRange-info': { backgroundColor: 'var(--info-bg)' },
  '.cm-lintRange-active': { backgroundColor: 'var(--active-bg)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface-raised)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '6px', maxWidth: 'min(28rem, 90vw)' },
  '.cm-diagnostic': { fontFamily: 'var(--font-ui)', fontSize: '0.9rem', padding: '0.45rem 0.6rem 0.45rem 0.7rem' },
  '.cm-diagnostic-warning': { borderLeft: '4px solid var(--warning)' },
  '.cm-diagnostic-error': { borderLeft: '4px solid var(--error)' },
  '.cm-diagnostic-info': { borderLeft: '4px solid var(--info)' },
  '.cm-diagnosticAction': { backgroundColor: 'var(--accent)', color: 'var(--on-accent)', borderRadius: '4px', margin: '0.4rem 0.4rem 0 0', padding: '0.2rem 0.5rem' },
  '.cm-diagnosticSource': { fontSize: '0.75rem', color: 'var(--muted)', opacity: '1', marginTop: '0.3rem' },
  '.cm-panels': { backgroundColor: 'var(--surface-raised)', color: 'var(--text)', borderColor: 'var(--border)' },
  '.cm-panel.cm-panel-lint ul': { maxHeight: '12rem' },
  // The selected finding: the system Highlight colours would hide the muted note.
  '.cm-panel.cm-panel-lint ul [aria-selected], .cm-panel.cm-panel-lint ul:focus [aria-selected]': { backgroundColor: 'var(--selection)', color: 'var(--text)' },
});

export interface DraftEditorOptions {
  parent: HTMLElement;
  onUpdate(update: ViewUpdate): void;
}

export function createDraftEditor({ parent, onUpdate }: DraftEditorOptions): EditorView {
  const extensions: Extension[] = [
    history(),
    // No Tab binding: Tab leaves the editor, so keyboard users are never trapped in it.
    keymap.of([...lintKeymap, ...historyKeymap]),
    EditorView.lineWrapping,
    placeholder('Paste or type a support reply…'),
    EditorView.contentAttributes.of({ 'data-testid': 'draft-editor', 'aria-label': 'Reply draft', spellcheck: 'true' }),
    theme,
    EditorView.updateListener.of(onUpdate),
  ];
  return new EditorView({ parent, extensions });
}
