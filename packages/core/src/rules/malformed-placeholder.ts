/**
 * Templates whose placeholders the help desk cannot fill: broken delimiters, logic blocks that
 * never close, field names the platform does not know, and a customer's name that the platform
 * fills with nothing when it is missing. Runs on templates only (a draft is checked by
 * unfilled-placeholder instead). The platform comes from the document (export shape, --platform)
 * or, when the placeholders tell unambiguously, from their syntax and fields.
 */
import {
  checkField,
  codeSpans,
  consensusTypo,
  fieldPath,
  findDelimiterProblems,
  findMergeTags,
  inferPlatform,
  logicBlocks,
  logicTag,
  PLATFORMS,
  replaceSegment,
  type DelimiterProblem,
  type Placeholder,
  type PlatformSyntax,
} from '../placeholders.js';
import { defineRule, type Report } from '../rule.js';

const FALLBACK = 'there';

const DELIMITER_MESSAGES: Record<DelimiterProblem['problem'], (raw: string) => string> = {
  'single-close': (raw) => `"${raw}" closes with one brace: the help desk leaves it as written and the customer sees it`,
  'single-open': (raw) => `"${raw}" opens with one brace: the help desk leaves it as written and the customer sees it`,
  'mixed-close': (raw) => `"${raw}" opens and closes with different delimiters: the help desk cannot read it`,
  unclosed: (raw) => `"${raw}" is never closed: the help desk cannot read it`,
  unopened: (raw) => `"${raw}" closes a placeholder that was never opened`,
  'extra-brace': (raw) => `"${raw}" has a brace too many: the customer sees it around the value`,
  'single-braces': (raw) => `"${raw}" has single braces: placeholders need two, or the customer sees it as written`,
};
const NOTE = 'A template is sent to every customer it fits: a placeholder the help desk cannot fill reaches all of them as code or as a gap.';

const SYNTAX_SHAPE: Record<Placeholder['syntax'], string> = {
  mustache: '{{…}}',
  'liquid-tag': '{%…%}',
  percent: '%{…}',
  hash: '#{…}',
  'double-bracket': '[[…]]',
  bracket: '[…]',
};

/** The words around the placeholder with the placeholder left out: what the customer reads when it is empty. */
function renderedEmpty(text: string, placeholder: Placeholder): string {
  const lineStart = Math.max(text.lastIndexOf('\n', placeholder.start - 1), text.lastIndexOf('\r', placeholder.start - 1)) + 1;
  const before = text.slice(Math.max(lineStart, placeholder.start - 20), placeholder.start).trimStart();
  const after = /^[^\r\n{}%#]{0,20}/u.exec(text.slice(placeholder.end))![0].trimEnd();
  return `${before}${after}`;
}

export default defineRule({
  meta: {
    id: 'malformed-placeholder',
    description: 'Template placeholder the help desk cannot fill: broken delimiters, unclosed blocks, unknown fields, a name without a fallback',
    category: 'structure',
    severity: 'error',
    fixable: true,
    principle: '7. Personal, not generic',
    recommended: true,
  },
  create(context) {
    return {
      reply() {
        const { text, model, document } = context.reply;
        if (document.kind !== 'template') return;
        const placeholders = model.placeholders;
        const explicit = document.platform !== undefined;
        const platformId = document.platform ?? inferPlatform(placeholders);
        const platform: PlatformSyntax | undefined = platformId && PLATFORMS[platformId];
        // Code spans are examples; reports overlap no code span and no earlier report.
        const reported = codeSpans(text);
        const report = (start: number, end: number, message: string, expected?: string): void => {
          if (reported.some(([from, to]) => start < to && end > from)) return;
          reported.push([start, end]);
          const entry: Report = { start, end, message, note: NOTE };
          if (expected !== undefined) entry.expected = [expected];
          context.report(entry);
        };

        // Another tool's merge tags, where a help desk's placeholders are in use.
        if (platform || placeholders.some((placeholder) => placeholder.syntax !== 'bracket')) {
          for (const tag of findMergeTags(text)) {
            const who = platform ? `${platform.label} does not fill it` : 'help desks do not fill it';
            report(tag.start, tag.end, `"${tag.raw}" is ${tag.kind}: ${who}, so the customer sees it as written`);
          }
        }

        const mustacheFields = platform ? platform.syntax === 'mustache' : placeholders.some((placeholder) => placeholder.syntax === 'mustache');
        for (const problem of findDelimiterProblems(text, placeholders, mustacheFields)) {
          report(problem.start, problem.end, DELIMITER_MESSAGES[problem.problem](text.slice(problem.start, problem.end)), problem.expected);
        }

        const logic = !platform || platform.logicTags ? logicBlocks(placeholders, platform?.dialect) : { blocks: [], problems: [] };
        for (const { tag, problem, expected } of logic.problems) {
          if (problem === 'unclosed') report(tag.start, tag.end, `"${tag.raw}" is never closed: add {% ${expected} %} where the block ends`);
          else if (problem === 'unopened') report(tag.start, tag.end, `"${tag.raw}" has no {% ${expected} %} to belong to`);
          else if (problem === 'misspelt') report(tag.start, tag.end, `"${tag.raw}" is not a tag ${platform?.label ?? 'the help desk'} knows: write ${expected}`, tag.raw.replace(/\bend\s+\w+|\b(?:elif|elsif)\b/u, expected));
          else report(tag.start, tag.end, `"${tag.raw}" tests nothing: say what it depends on`);
        }
        // "requestor" in `{{ticket.requestor.name}}`: the rewrite swaps that one name inside the placeholder.
        const reportTypo = (placeholder: Placeholder, expression: string, typo: { segment: number; suggestion: string }, whose: string): void => {
          const offset = placeholder.raw.indexOf(expression);
          const corrected = replaceSegment(expression, typo.segment, typo.suggestion);
          const misspelt = expression.split('.')[typo.segment]!.replace(/\[-?\d+\]$/u, '');
          const expected = placeholder.raw.slice(0, offset) + corrected + placeholder.raw.slice(offset + expression.length);
          report(placeholder.start, placeholder.end, `"${misspelt}" is not ${whose}: did you mean ${corrected}?`, expected);
        };
        const guarded = (placeholder: Placeholder): boolean =>
          logic.blocks.some(({ open, close }) => open.start < placeholder.start && close.end > placeholder.end && logicTag(open)!.expression.includes(placeholder.name));

        for (const placeholder of placeholders) {
          if (placeholder.syntax === 'double-bracket' && /^MISSING TOKEN\b/u.test(placeholder.name)) {
            report(placeholder.start, placeholder.end, `"${placeholder.raw}" is what HubSpot writes for a token with no value: this template was saved from a sent email`);
            continue;
          }
          if (placeholder.syntax === 'bracket' || placeholder.syntax === 'double-bracket') continue;
          if (placeholder.name === '') {
            report(placeholder.start, placeholder.end, `"${placeholder.raw}" is empty: it names no field`);
            continue;
          }
          if (!platform) {
            const path = fieldPath(placeholder.name);
            const typo = path && consensusTypo(path, placeholder.syntax);
            if (typo) reportTypo(placeholder, placeholder.name, typo, 'a field help desks know');
            continue;
          }
          const tag = logicTag(placeholder);
          if (placeholder.syntax !== platform.syntax && !(tag && platform.logicTags)) {
            if (explicit) report(placeholder.start, placeholder.end, `${platform.label} does not fill ${SYNTAX_SHAPE[placeholder.syntax]} placeholders: the customer sees "${placeholder.raw}" as written`);
            continue;
          }
          // Field paths: the placeholder's own, or those a logic tag tests.
          const expressions = tag ? [...tag.expression.matchAll(/(?<![\w."'])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+/gu)].map((match) => match[0]) : [placeholder.name];
          let typo = false;
          for (const expression of expressions) {
            const path = fieldPath(expression);
            const check = path && checkField(path, platform);
            if (!check || check.known || !check.typo) continue;
            typo = true;
            reportTypo(placeholder, expression, check.typo, `a ${platform.label} field`);
          }
          if (typo || tag || !platform.withFallback || placeholder.role !== 'customer-name' || placeholder.fallback !== undefined || guarded(placeholder)) continue;
          report(
            placeholder.start,
            placeholder.end,
            `${platform.label} fills ${placeholder.name} with nothing when it is missing: the customer reads "${renderedEmpty(text, placeholder)}". Give it a fallback`,
            platform.withFallback(placeholder.raw, placeholder.name, FALLBACK),
          );
        }
      },
    };
  },
});
