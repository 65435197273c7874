/**
 * The side panel: score, findings grouped by rule (what is wrong, why, the better wording,
 * one click to apply it) and the rule switches. Rendered from scratch after every check:
 * a reply has a handful of findings, so there is nothing worth diffing.
 */
import { qualityScore, TACTICS_STEPS, type AnyRule, type LintMessage, type LintResult, type TacticsStep } from '@replylint/core';
import { h } from './dom.js';
import { rewriteLabel } from './editor.js';

export interface PanelHandlers {
  jumpTo(message: LintMessage): void;
  applyRewrite(message: LintMessage, rewrite: string): void;
}

export interface RuleSwitchHandlers {
  toggleRule(id: string, on: boolean): void;
  choosePreset(name: string): void;
}

const QUOTE_LIMIT = 90;

function quoted(text: string): string {
  const oneLine = text.replace(/\s+/gu, ' ').trim();
  return oneLine.length > QUOTE_LIMIT ? `“${oneLine.slice(0, QUOTE_LIMIT - 1)}…”` : `“${oneLine}”`;
}

function verdict(score: number): string {
  if (score >= 90) return 'Ready to send';
  if (score >= 70) return 'Needs a little polish';
  return 'Needs work before sending';
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The score block; `messages` is undefined while the draft is empty. It is a live region,
 * so it is only rebuilt when what it says changes: screen readers announce every rebuild.
 */
export function renderScore(container: HTMLElement, messages: readonly LintMessage[] | undefined): void {
  const score = messages && qualityScore(messages);
  const errors = messages?.filter((message) => message.fatal).length ?? 0;
  const summary = `${score}/${messages?.length}/${errors}`;
  if (container.dataset.summary === summary) return;
  container.dataset.summary = summary;
  if (messages === undefined || score === undefined) {
    container.dataset.level = 'empty';
    container.replaceChildren(
      h('div', { class: 'score-line' }, h('span', { class: 'score-value', 'data-testid': 'score', 'data-score': '' }, '–'), h('span', { class: 'score-of' }, '/ 100')),
      h('p', { class: 'score-verdict' }, 'Paste a reply to score it'),
    );
    return;
  }
  container.dataset.level = score >= 90 ? 'good' : score >= 70 ? 'fair' : 'poor';
  container.replaceChildren(
    h('div', { class: 'score-line' }, h('span', { class: 'score-value', 'data-testid': 'score', 'data-score': score }, String(score)), h('span', { class: 'score-of' }, '/ 100')),
    h('div', { class: 'score-bar', 'aria-hidden': 'true' }, h('span', { style: `width: ${score}%` })),
    h('p', { class: 'score-verdict' }, verdict(score)),
    h('p', { class: 'score-counts' }, messages.length === 0 ? 'No findings' : `${plural(messages.length, 'finding')}${errors ? ` (${plural(errors, 'error')})` : ''}`),
  );
}

const TACTICS_LABELS: Record<TacticsStep, string> = {
  thank: 'Thank the customer',
  apologise: 'Apologise',
  collect: 'Collect information',
  takeAction: 'Take action',
  ownership: "I'll put this right (named owner)",
  checkHappy: 'Check the customer is happy',
  summarise: 'Summarise',
};

/**
 * The TACTICS checklist: which steps of the complaint method the draft takes. A covered step
 * jumps to its sentence. Not a score: a simple answer needs only some of the steps.
 */
export function renderTactics(container: HTMLElement, tactics: LintResult['tactics'], jumpTo: (start: number, end: number) => void): void {
  if (!tactics) {
    container.replaceChildren(h('p', { class: 'tactics-empty' }, 'Paste a reply to see which steps it takes'));
    return;
  }
  const items = TACTICS_STEPS.map((step) => {
    const evidence = tactics[step];
    const label = TACTICS_LABELS[step];
    if (!evidence) return h('li', { class: 'tactics-step', 'data-step': step, 'data-covered': 'false' }, h('span', { class: 'tactics-mark', 'aria-hidden': 'true' }, '–'), `${label}: not yet`);
    const button = h('button', { type: 'button', class: 'tactics-jump', title: 'Show in the draft' }, label);
    button.addEventListener('click', () => jumpTo(evidence.start, evidence.end));
    return h('li', { class: 'tactics-step', 'data-step': step, 'data-covered': 'true' }, h('span', { class: 'tactics-mark', 'aria-hidden': 'true' }, '✓'), button);
  });
  container.replaceChildren(h('ul', { class: 'tactics', 'data-testid': 'tactics' }, ...items));
}

function renderFinding(message: LintMessage, showNote: boolean, handlers: PanelHandlers): HTMLElement {
  const rewrites = message.expected ?? [];
  const jump = h('button', { type: 'button', class: 'finding-quote', title: 'Show in the draft' }, message.actual ? quoted(message.actual) : 'Show in the draft');
  jump.addEventListener('click', () => handlers.jumpTo(message));
  const fixes = rewrites.map((rewrite) => {
    const button = h('button', { type: 'button', class: 'finding-fix', 'data-action': 'fix', 'data-rewrite': rewrite, 'aria-label': `${rewriteLabel(rewrite)} (instead of ${quoted(message.actual ?? '')})` }, rewriteLabel(rewrite));
    button.addEventListener('click', () => handlers.applyRewrite(message, rewrite));
    return button;
  });
  return h(
    'li',
    { class: `finding finding-${message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'}`, 'data-rule-id': message.ruleId, 'data-start': message.startOffset, 'data-end': message.endOffset },
    jump,
    h('p', { class: 'finding-reason' }, message.reason),
    showNote && message.note && h('p', { class: 'finding-note' }, message.note),
    fixes.length > 0 && h('div', { class: 'finding-fixes' }, ...fixes),
  );
}

/** Findings grouped by rule, rules in documentation order, findings in text order. */
export function renderFindings(container: HTMLElement, messages: readonly LintMessage[] | undefined, rules: readonly AnyRule[], handlers: PanelHandlers): void {
  if (messages === undefined) {
    container.replaceChildren(h('p', { class: 'empty' }, 'Findings appear here as you type. The reply is checked in this browser tab and never sent anywhere.'));
    return;
  }
  if (messages.length === 0) {
    container.replaceChildren(h('p', { class: 'empty empty-clean' }, 'Nothing to fix with the rules switched on.'));
    return;
  }
  const groups = rules
    .map((rule) => ({ rule, findings: messages.filter((message) => message.ruleId === rule.meta.id) }))
    .filter((group) => group.findings.length > 0)
    .map(({ rule, findings }) => {
      const { id, description, principle } = rule.meta;
      return h(
        'section',
        { class: 'rule-group', 'aria-labelledby': `group-${id}` },
        h('h3', { id: `group-${id}` }, h('code', {}, id), h('span', { class: 'count', 'aria-label': plural(findings.length, 'finding') }, String(findings.length))),
        h('p', { class: 'rule-description' }, description, ' ', h('span', { class: 'principle' }, `Principle ${principle}.`)),
        h('ul', { class: 'findings' }, ...findings.map((message, index) => renderFinding(message, index === 0 || message.note !== findings[index - 1]!.note, handlers))),
      );
    });
  container.replaceChildren(...groups);
}

export interface RuleStatus {
  rule: AnyRule;
  on: boolean;
  /** Findings of this rule in the current draft; undefined while the draft is empty. */
  findings: number | undefined;
}

function statusText({ on, findings }: RuleStatus): string {
  if (!on) return 'off';
  if (findings === undefined) return '';
  return findings === 0 ? 'passes' : plural(findings, 'finding');
}

export function renderRuleSwitches(container: HTMLElement, presetNames: readonly string[], preset: string, statuses: readonly RuleStatus[], handlers: RuleSwitchHandlers): void {
  const select = h('select', { id: 'preset', 'data-testid': 'preset' }, ...presetNames.map((name) => h('option', { value: name, selected: name === preset }, name.replace(/^replylint:/u, ''))));
  select.addEventListener('change', () => handlers.choosePreset(select.value));
  const items = statuses.map((status) => {
    const { id, description } = status.rule.meta;
    const toggle = h('input', { type: 'checkbox', id: `rule-${id}`, 'data-rule-toggle': id, checked: status.on, 'aria-describedby': `rule-${id}-description` });
    toggle.addEventListener('change', () => handlers.toggleRule(id, toggle.checked));
    const state = !status.on ? 'off' : status.findings === undefined ? 'idle' : status.findings === 0 ? 'pass' : 'fail';
    return h(
      'li',
      { class: 'rule-switch', 'data-state': state },
      toggle,
      h('label', { for: `rule-${id}` }, h('code', {}, id)),
      h('span', { class: 'rule-status' }, statusText(status)),
      h('p', { id: `rule-${id}-description`, class: 'rule-description' }, description),
    );
  });
  container.replaceChildren(h('div', { class: 'preset' }, h('label', { for: 'preset' }, 'Preset'), select), h('ul', { class: 'rule-switches' }, ...items));
}
