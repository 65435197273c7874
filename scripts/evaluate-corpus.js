/**
 * The corpus evaluation behind `pnpm eval` (scripts/eval.js) and test/corpus.test.ts: lint
 * every reply in corpus/replies/ and match the predicted (ruleId, line) findings against the
 * expected ones in NAME.json beside NAME.txt. The caller passes the `lint` function, so the
 * script can measure the built core and the test the TypeScript sources.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('../corpus/replies/', import.meta.url));

/** Offsets where each line starts; LF, CRLF and lone CR all end a line. */
function lineStarts(text) {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
    if (code === 10 || code === 13) starts.push(index + 1);
  }
  return starts;
}

/** 1-based line of an offset. */
function lineOf(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

function lineText(text, starts, line) {
  return text.slice(starts[line - 1], line < starts.length ? starts[line] : text.length).replace(/\r?\n$|\r$/u, '');
}

/**
 * Read every NAME.txt with its NAME.json. Problems (a missing or malformed .json, an unknown
 * rule, a line that does not exist or is blank) are collected, not thrown, so that the test
 * can list them all at once.
 */
export async function loadCorpus({ dir = CORPUS_DIR, ruleIds } = {}) {
  const names = (await readdir(dir)).sort();
  const known = ruleIds ? new Set(ruleIds) : undefined;
  const replies = [];
  const problems = [];
  for (const name of names.filter((file) => file.endsWith('.json'))) {
    if (!names.includes(name.replace(/\.json$/u, '.txt'))) problems.push(`${name}: no ${name.replace(/\.json$/u, '.txt')} beside it`);
  }
  for (const file of names.filter((name) => name.endsWith('.txt'))) {
    const labelFile = file.replace(/\.txt$/u, '.json');
    if (!names.includes(labelFile)) {
      problems.push(`${file}: no ${labelFile} beside it`);
      continue;
    }
    const text = await readFile(join(dir, file), 'utf8');
    let labels;
    try {
      labels = JSON.parse(await readFile(join(dir, labelFile), 'utf8'));
    } catch (error) {
      problems.push(`${labelFile}: ${error.message}`);
      continue;
    }
    if (typeof labels?.description !== 'string' || labels.description.trim() === '' || !Array.isArray(labels.findings)) {
      problems.push(`${labelFile}: expected { "description": "…", "findings": [{ "ruleId", "line" }] }`);
      continue;
    }
    const starts = lineStarts(text);
    const expected = [];
    for (const finding of labels.findings) {
      const where = `${labelFile}: ${JSON.stringify(finding)}`;
      if (typeof finding?.ruleId !== 'string' || !Number.isInteger(finding.line)) problems.push(`${where}: a finding is { "ruleId": string, "line": integer }`);
      else if (known && !known.has(finding.ruleId)) problems.push(`${where}: unknown rule "${finding.ruleId}"`);
      else if (finding.line < 1 || finding.line > starts.length) problems.push(`${where}: ${file} has ${starts.length} lines`);
      else if (lineText(text, starts, finding.line).trim() === '') problems.push(`${where}: line ${finding.line} of ${file} is blank`);
      else expected.push({ ruleId: finding.ruleId, line: finding.line });
    }
    if (labels.document !== undefined && !['draft', 'template'].includes(labels.document?.kind)) problems.push(`${labelFile}: "document" is { "kind": "draft" | "template", "platform"?: string }`);
    replies.push({ file, text, description: labels.description, expected, starts, document: labels.document ?? { kind: 'draft' } });
  }
  return { replies, problems };
}

const ratio = (part, whole) => (whole === 0 ? null : part / whole);

function figures(ruleId, tp, fp, fn) {
  return { ruleId, tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

/**
 * Lint every reply with the default configuration and score it. A prediction is a true
 * positive when an expected finding has the same rule and line; each expected finding
 * matches at most one prediction. Types: evaluate-corpus.d.ts.
 */
export async function evaluateCorpus({ lint, ruleIds, dir = CORPUS_DIR }) {
  const { replies, problems } = await loadCorpus({ dir, ruleIds });
  const counts = new Map(ruleIds.map((ruleId) => [ruleId, { tp: 0, fp: 0, fn: 0 }]));
  const falsePositives = [];
  const falseNegatives = [];

  for (const reply of replies) {
    const { messages } = await lint(reply.text, { path: reply.file, document: reply.document });
    const unmatched = new Map();
    for (const { ruleId, line } of reply.expected) {
      const key = `${ruleId}:${line}`;
      unmatched.set(key, (unmatched.get(key) ?? 0) + 1);
    }

    for (const message of messages) {
      const line = lineOf(reply.starts, message.startOffset);
      const key = `${message.ruleId}:${line}`;
      if (!counts.has(message.ruleId)) counts.set(message.ruleId, { tp: 0, fp: 0, fn: 0 });
      const count = counts.get(message.ruleId);
      if ((unmatched.get(key) ?? 0) > 0) {
        unmatched.set(key, unmatched.get(key) - 1);
        count.tp++;
      } else {
        count.fp++;
        falsePositives.push({ file: reply.file, line, ruleId: message.ruleId, message: message.reason, actual: message.actual ?? '' });
      }
    }
    for (const { ruleId, line } of reply.expected) {
      const key = `${ruleId}:${line}`;
      if ((unmatched.get(key) ?? 0) === 0) continue;
      unmatched.set(key, unmatched.get(key) - 1);
      counts.get(ruleId).fn++;
      falseNegatives.push({ file: reply.file, line, ruleId, message: `expected here: ${lineText(reply.text, reply.starts, line).trim()}`, description: reply.description });
    }
  }

  const rules = [...counts].map(([ruleId, { tp, fp, fn }]) => figures(ruleId, tp, fp, fn));
  const sum = (key) => rules.reduce((total, rule) => total + rule[key], 0);
  return {
    replies: replies.length,
    clean: replies.filter((reply) => reply.expected.length === 0).length,
    rules,
    total: figures('all', sum('tp'), sum('fp'), sum('fn')),
    falsePositives,
    falseNegatives,
    problems,
  };
}

const percent = (value) => (value === null ? '—' : value.toFixed(3));

/** The per-rule table; rules in `marked` get a star. */
export function formatTable(result, marked = new Set()) {
  const header = ['rule', 'TP', 'FP', 'FN', 'precision', 'recall'];
  const rows = [...result.rules, result.total].map((rule) => [`${rule.ruleId}${marked.has(rule.ruleId) ? ' *' : ''}`, String(rule.tp), String(rule.fp), String(rule.fn), percent(rule.precision), percent(rule.recall)]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(0, -1).map(line), line(rows.at(-1))].join('\n');
}

/** Every false positive and false negative, as `file:line  rule  message`, optionally for one rule. */
export function formatMisses(result, ruleId) {
  const select = (entries) => entries.filter((entry) => ruleId === undefined || entry.ruleId === ruleId);
  const row = (entry) => `  ${entry.file}:${entry.line}  ${entry.ruleId}  ${entry.message}${entry.actual && !entry.message.includes(entry.actual) ? ` — "${entry.actual}"` : ''}`;
  const falsePositives = select(result.falsePositives);
  const falseNegatives = select(result.falseNegatives);
  const sections = [];
  if (falsePositives.length > 0) sections.push(`False positives (reported, not expected): ${falsePositives.length}`, ...falsePositives.map(row));
  if (falseNegatives.length > 0) sections.push(`False negatives (expected, not reported): ${falseNegatives.length}`, ...falseNegatives.map(row));
  return sections.join('\n');
}
