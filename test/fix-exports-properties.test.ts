/**
 * Property tests for fixing replies inside JSON and YAML libraries, through the pipeline the
 * CLI's --fix runs (extract the replies, lint each, apply the fixes in file coordinates, again
 * until nothing changes): the file still parses, nothing but the replies changed, each reply is
 * fixed exactly as the same text on its own would be, and fixing again changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractTargets, fixUntilStable, lintTarget, MappedText, resolveConfig, type LintMessage } from '../packages/core/src/index.js';
import { loadYaml } from '../packages/core/src/sources/exports/yaml.js';

const yaml = await loadYaml();
// The fixable rules, so every library has fixes to make; the rest would only slow the runs.
const config = resolveConfig({ extends: [], rules: { 'rude-phrasing': 'warn', 'canned-response': 'warn', 'impersonal-greeting': 'warn', shouting: 'warn', 'malformed-placeholder': 'error' } });
const mapping = { field: 'replies[].body', name: 'title', platform: 'zendesk' } as const;

const GREETINGS = ['Hi {{ticket.requester.first_name}},', 'Dear customer,', 'Hello Ana,', 'Hi "Marcus",'];
const SENTENCES = [
  'As I said on the phone, the refund takes five days.',
  'Please calm down.',
  'There is nothing more I can do.',
  'Per my last email, the parcel left on Monday.',
  'We apologize for any inconvenience this may have caused.',
  'Your order #{{ticket.id}} is on its way — tracking "ZX-19".',
  'Use the code "WELCOME10" at the café ☕ 😀.',
  'The file is in C:\\Users\\ana\\refund.pdf.',
  "It's been refunded: £6.95, 10% off.",
  'THIS IS NOT ACCEPTABLE.',
  'Tabs\tand colons: here # not a comment.',
];
const SIGNATURES = ['Best,\nKai Andersen', 'Thanks,\n{{current_user.first_name}}', 'Regards,\nSupport'];

const reply = fc
  .tuple(fc.constantFrom(...GREETINGS), fc.array(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), fc.constantFrom(...SIGNATURES), fc.constantFrom('', '\n'))
  .map(([greeting, paragraphs, signature, end]) => [greeting, ...paragraphs.map((sentences) => sentences.join(' ')), signature].join('\n\n') + end);
const library = fc.array(fc.record({ title: fc.constantFrom('Refund', 'Can\'t log in', 'Say "hi"', 'Café'), body: reply, tags: fc.constantFrom(['billing'], []) }), { minLength: 1, maxLength: 3 });

/** Every reply of the library file linted, messages in file coordinates (what the CLI hands the fix loop). */
const lintLibrary = (path: string) => async (source: string): Promise<LintMessage[]> => {
  const messages: LintMessage[] = [];
  for (const target of await extractTargets(source, { path, ...mapping })) messages.push(...(await lintTarget(target, { source, config })).messages);
  return messages;
};

/** The reply fixed as a text of its own, read as the library's replies are (a Zendesk template). */
async function fixedOnItsOwn(body: string): Promise<string> {
  const target = { content: MappedText.identity(body), document: { kind: 'template', platform: 'zendesk' } as const, encode: (text: string) => text };
  return (await fixUntilStable(body, async (source) => (await lintTarget({ ...target, content: MappedText.identity(source) }, { source, config })).messages)).output;
}

async function checkFixedLibrary(path: string, source: string, parse: (text: string) => { replies: Array<{ title: string; body: string; tags: string[] }> }): Promise<boolean> {
  const fixed = await fixUntilStable(source, lintLibrary(path));
  const [before, after] = [parse(source), parse(fixed.output)];
  expect(after.replies.map(({ title, tags }) => ({ title, tags }))).toEqual(before.replies.map(({ title, tags }) => ({ title, tags })));
  for (const [index, { body }] of before.replies.entries()) expect(after.replies[index]!.body).toBe(await fixedOnItsOwn(body));
  expect((await fixUntilStable(fixed.output, lintLibrary(path))).changed, 'fixing again changes nothing').toBe(false);
  return fixed.changed;
}

describe('fixing replies in template libraries', () => {
  it('JSON: still valid, only replies changed, each fixed as on its own, idempotent', async () => {
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(library, fc.constantFrom(0, 2, '\t'), async (replies, indent) => {
        if (await checkFixedLibrary('library.json', JSON.stringify({ replies }, null, indent), JSON.parse)) changed++;
      }),
      { numRuns: 60 },
    );
    expect(changed).toBeGreaterThan(30);
  });

  it('YAML (double-quoted, single-quoted and literal scalars): still valid, only replies changed, each fixed as on its own, idempotent', async () => {
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(library, fc.constantFrom('QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL'), async (replies, style) => {
        const document = new yaml.Document({ replies });
        yaml.visit(document, { Scalar: (key, node) => void (key === 'value' && typeof node.value === 'string' && node.value.includes(' ') ? (node.type = style as never) : undefined) });
        const source = `# replies\n${document.toString({ lineWidth: 0 })}`;
        if (await checkFixedLibrary('library.yaml', source, (text) => yaml.parse(text))) changed++;
      }),
      { numRuns: 60 },
    );
    expect(changed).toBeGreaterThan(30);
  });
});
