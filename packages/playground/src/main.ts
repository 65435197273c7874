/**
 * The playground page: a draft editor, checked by @replylint/core in this tab as the reader
 * types, and a side panel with the score, the findings and the rule switches.
 */
import type { ViewUpdate } from '@codemirror/view';
import { lint, loadNlp, presets, rules, type LintMessage, type LintResult } from '@replylint/core';
import { EXAMPLE_REPLY } from './example.js';
import { applyBestRewrites } from './fixes.js';
import { createDraftEditor, FIX_EVENT, replaceRange, selectRange, showDiagnostics } from './editor.js';
import { renderFindings, renderRuleSwitches, renderScore, renderTactics } from './panel.js';
import { configFor, isRuleOn, loadSettings, saveSettings, withPreset, withRule, type KeyValueStore } from './settings.js';
import './style.css';

/** Typing pauses this long before a check; pastes and fixes are checked at once. */
const TYPING_DELAY_MS = 150;

function element<Type extends HTMLElement>(selector: string): Type {
  const found = document.querySelector<Type>(selector);
  if (!found) throw new Error(`the page is missing ${selector}`);
  return found;
}

function browserStorage(): KeyValueStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Re-render a container without losing the keyboard focus on one of its controls. */
function keepingFocus(container: HTMLElement, render: () => void): void {
  const focusedId = container.contains(document.activeElement) ? document.activeElement?.id : undefined;
  render();
  if (focusedId) document.getElementById(focusedId)?.focus();
}

const store = browserStorage();
let settings = loadSettings(store);
let config = configFor(settings);

/** The findings on screen; undefined while the draft is empty. */
let shown: LintMessage[] | undefined;
let shownTactics: LintResult['tactics'];
let pendingCheck: ReturnType<typeof setTimeout> | undefined;

const scoreBox = element<HTMLElement>('#score');
const tacticsBox = element<HTMLElement>('#tactics');
const findingsBox = element<HTMLElement>('#findings');
const rulesBox = element<HTMLElement>('#rules');
const status = element<HTMLElement>('#status');

const editor = createDraftEditor({ parent: element('#editor'), onUpdate: scheduleCheckAfter });

function scheduleCheckAfter(update: ViewUpdate): void {
  if (!update.docChanged) return;
  const immediate = update.transactions.some((transaction) => transaction.isUserEvent('input.paste') || transaction.isUserEvent('input.drop') || transaction.isUserEvent(FIX_EVENT) || transaction.isUserEvent('undo') || transaction.isUserEvent('redo'));
  scheduleCheck(immediate ? 0 : TYPING_DELAY_MS);
}

function scheduleCheck(delay: number): void {
  clearTimeout(pendingCheck);
  pendingCheck = setTimeout(() => void check(), delay);
}

async function check(): Promise<void> {
  const doc = editor.state.doc;
  const checkedWith = config;
  const text = doc.toString();
  const result = text.trim() === '' ? undefined : await lint(text, { config: checkedWith, tactics: true });
  // A newer edit or setting supersedes this check; its own check is on the way.
  if (editor.state.doc !== doc || config !== checkedWith) return;
  const messages = result?.messages;
  shown = messages;
  shownTactics = result?.tactics;
  showDiagnostics(editor, messages ?? []);
  render();
}

function render(): void {
  const messages = shown;
  renderScore(scoreBox, messages);
  renderTactics(tacticsBox, shownTactics, (start, end) => selectRange(editor, start, end));
  keepingFocus(findingsBox, () =>
    renderFindings(findingsBox, messages, rules, {
      jumpTo: (message) => selectRange(editor, message.startOffset, message.endOffset),
      applyRewrite,
    }),
  );
  const statuses = rules.map((rule) => {
    const on = isRuleOn(settings, rule.meta.id);
    return { rule, on, findings: messages && on ? messages.filter((message) => message.ruleId === rule.meta.id).length : undefined };
  });
  keepingFocus(rulesBox, () =>
    renderRuleSwitches(rulesBox, Object.keys(presets), settings.preset, statuses, {
      toggleRule: (id, on) => updateSettings(withRule(settings, id, on)),
      choosePreset: (name) => updateSettings(withPreset(name)),
    }),
  );
}

function applyRewrite(message: LintMessage, rewrite: string): void {
  // The panel may trail the draft by one keystroke: only rewrite text that is still there.
  if (editor.state.sliceDoc(message.startOffset, message.endOffset) !== message.actual) return;
  replaceRange(editor, message.startOffset, message.endOffset, rewrite);
}

function updateSettings(next: typeof settings): void {
  settings = next;
  config = configFor(settings);
  saveSettings(store, settings);
  scheduleCheck(0);
}

function announce(text: string): void {
  status.textContent = text;
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API refused (permissions, older browser): the selection route still works.
    const area = document.body.appendChild(document.createElement('textarea'));
    area.value = text;
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

element('#copy-fixed').addEventListener('click', async () => {
  const text = editor.state.doc.toString();
  const { messages } = await lint(text, { config });
  const fixed = applyBestRewrites(text, messages);
  await copyText(fixed.text);
  announce(fixed.applied === 0 ? 'Copied the reply (no rewrites to apply).' : `Copied the reply with ${fixed.applied} ${fixed.applied === 1 ? 'rewrite' : 'rewrites'} applied.`);
});

element('#load-example').addEventListener('click', () => {
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: EXAMPLE_REPLY }, userEvent: 'input.paste' });
  editor.focus();
});

element('#clear').addEventListener('click', () => {
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: '' }, userEvent: 'delete' });
  editor.focus();
});

render();
editor.focus();
// Rules that need part-of-speech tagging import compromise on first use: load it while the
// reader is still reading, so the first such check is quick and the page works offline.
(window.requestIdleCallback ?? setTimeout)(() => void loadNlp());
