/**
 * malformed-placeholder beyond its documented examples: every check, the platform inferred from
 * the placeholders, and rewrites that repair what they report.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../../test/helpers.js';
import type { DocumentInfo, Platform } from '../src/index.js';
import { inferPlatform, findPlaceholders, logicBlocks } from '../src/placeholders.js';

const template = (platform?: Platform): DocumentInfo => (platform ? { kind: 'template', platform } : { kind: 'template' });
const lintTemplate = (text: string, platform?: Platform) => lintWithRule(text, 'malformed-placeholder', undefined, template(platform));
const found = async (text: string, platform?: Platform): Promise<Array<[string, string | undefined]>> =>
  (await lintTemplate(text, platform)).map((message) => [message.actual!, message.expected?.[0]]);

describe('delimiters', () => {
  it.each([
    ['Ticket {{ticket.id} is open.', '{{ticket.id}', '{{ticket.id}}'],
    ['Ticket {ticket.id}} is open.', '{ticket.id}}', '{{ticket.id}}'],
    ['Ticket {{ticket.id %} is open.', '{{ticket.id %}', '{{ticket.id}}'],
    ['Ticket ticket.id}} is open.', 'ticket.id}}', '{{ticket.id}}'],
    ['Ticket {{ticket.id is open.', '{{ticket.id is open.', undefined],
    ['Hi {%customer.firstName,fallback=there%,', '{%customer.firstName,fallback=there%,', undefined],
    ['Ticket %{ticket.number is open.', '%{ticket.number is open.', undefined],
    ['Ticket {{ }} is open.', '{{ }}', undefined],
    ['Ticket {{{ticket.id}}} is open.', '{{{ticket.id}}}', '{{ticket.id}}'],
    ['Ticket {{ticket.id}}} is open.', '{{ticket.id}}}', '{{ticket.id}}'],
    ['Hi *|FNAME|*, ticket {{ticket.id}} is open.', '*|FNAME|*', undefined],
    ['Hi ${first_name}, ticket {{ticket.id}} is open.', '${first_name}', undefined],
  ])('%s', async (text, actual, expected) => {
    expect(await found(text)).toEqual([[actual, expected]]);
  });

  it('reads single braces as broken only where the placeholders use double ones', async () => {
    expect(await found('Hi {{Customer Name}}, ticket {ticket.id} is open.')).toEqual([['{ticket.id}', '{{ticket.id}}']]);
    expect(await found('Ticket {ticket.id} is open.')).toEqual([]);
    expect(await found('Ticket {ticket.id} is open.', 'zendesk')).toEqual([['{ticket.id}', '{{ticket.id}}']]);
  });

  it('reads other tools\' merge tags as broken only beside help-desk placeholders or for a known platform', async () => {
    expect(await found('Hi *|FNAME|*, it costs ${price}.')).toEqual([]);
    expect((await found('Hi <<First Name>>,', 'front')).map(([actual]) => actual)).toEqual(['<<First Name>>']);
  });

  it('leaves code spans alone: a template about theme code quotes broken syntax on purpose', async () => {
    expect(await found('Write `{{ product.title }` as `{{ product.title }}` in {{ticket.id}}.')).toEqual([]);
  });

  it('is silent on drafts (unfilled-placeholder reports those)', async () => {
    expect(await lintWithRule('Ticket {{ticket.id} is open.', 'malformed-placeholder')).toEqual([]);
  });

  it('leaves well-formed placeholders of every syntax alone', async () => {
    const text = 'Hi {{ticket.requester.first_name | default: "there"}}, {%customer.firstName%} %{ticket.number} #{ticket.number} [[Agent]] [Customer Name] our website [{{Website Name}}] costs 100%{x}';
    expect(await found(text)).toEqual([]);
  });
});

describe('logic blocks', () => {
  it('pairs nested blocks and names what is missing', () => {
    const tags = findPlaceholders("{% if a %}{% for c in b %}{% endfor %}{% else %}{% endif %}{% endunless %}{% case x %}{% when 'y' %}");
    const { blocks, problems } = logicBlocks(tags);
    expect(blocks.map(({ open, close }) => [open.raw, close.raw])).toEqual([
      ['{% for c in b %}', '{% endfor %}'],
      ['{% if a %}', '{% endif %}'],
    ]);
    expect(problems.map(({ tag, problem, expected }) => [tag.raw, problem, expected])).toEqual([
      ['{% endunless %}', 'unopened', 'unless'],
      ['{% case x %}', 'unclosed', 'endcase'],
    ]);
  });

  it('reports an if that tests nothing, and an else outside any block', async () => {
    expect((await found('{% if %}Hi{% endif %} {% else %}')).map(([actual]) => actual)).toEqual(['{% if %}', '{% else %}']);
  });

  it('repairs {% end if %}, and the other dialect\'s else-if where the platform is known', async () => {
    expect(await found("{% if ticket.via == 'web' %}x{% end if %}")).toEqual([['{% end if %}', '{% endif %}']]);
    expect(await found("{% if ticket.via == 'web' %}x{% elif ticket.via == 'mail' %}y{% endif %}", 'zendesk')).toEqual([
      ["{% elif ticket.via == 'mail' %}", "{% elsif ticket.via == 'mail' %}"],
    ]);
    expect(await found("{% if ticket.channel == 'email' %}x{% elsif ticket.channel == 'chat' %}y{% endif %}", 'gorgias')).toEqual([
      ["{% elsif ticket.channel == 'chat' %}", "{% elif ticket.channel == 'chat' %}"],
    ]);
    expect(await found("{% if a %}x{% elif b %}y{% endif %}")).toEqual([]);
  });

  it('does not read Liquid inside {% raw %}', async () => {
    expect(await found('{% raw %}{% if x %}{% endraw %}')).toEqual([]);
  });
});

describe('the platform', () => {
  it.each([
    [['{{ticket.requester.first_name}}', '{{current_user.first_name}}'], 'zendesk'],
    [['{{ticket.customer.firstname}}', '{{current_user.firstname}}'], 'gorgias'],
    [['{{ticket.requester.firstname}}', '{{ticket.agent.name}}'], 'freshdesk'],
    [['{{recipient.first_name}}', '{{user.name}}'], 'front'],
    [['{%customer.firstName,fallback=there%}'], 'helpscout'],
    [['{{first_name|fallback:"there"}}'], 'intercom'],
    [['%{ticket.name.first}'], 'osticket'],
    [['#{ticket.customer.firstname}'], 'zammad'],
    [['{{ticket.id}}'], undefined],
    [['{{Customer Name}}'], undefined],
  ])('%j is %s', (placeholders, platform) => {
    expect(inferPlatform(findPlaceholders(placeholders.join(' ')))).toBe(platform);
  });

  it('suggests the field a typo meant, at any depth and in logic tags', async () => {
    expect(await found('Hi {{ticket.requestor.name}}', 'zendesk')).toEqual([['{{ticket.requestor.name}}', '{{ticket.requester.name}}']]);
    expect(await found('By {{curent_user.first_name}}', 'zendesk')).toEqual([['{{curent_user.first_name}}', '{{current_user.first_name}}']]);
    expect(await found('By {{current_user.First_name}}', 'zendesk')).toEqual([['{{current_user.First_name}}', '{{current_user.first_name}}']]);
    expect(await found("{% if ticket.stauts == 'open' %}x{% endif %}", 'zendesk')).toEqual([["{% if ticket.stauts == 'open' %}", "{% if ticket.status == 'open' %}"]]);
    expect(await found('Hallo #{ticket.custmer.firstname}', 'zammad')).toEqual([['#{ticket.custmer.firstname}', '#{ticket.customer.firstname}']]);
  });

  it('without a platform, suggests a fix only when every help desk that knows the namespace agrees', async () => {
    expect(await found('Hi {{ticket.requestor.name}}')).toEqual([['{{ticket.requestor.name}}', '{{ticket.requester.name}}']]);
    for (const text of ['{{tickets.count}}', '{{ticket.messages[0].bodytext}}', '{{order.nuber}}']) expect(await found(text)).toEqual([]);
  });

  it('reports a HubSpot missing-token mark saved into a template', async () => {
    expect((await found('Hi [[MISSING TOKEN - FIRSTNAME]],')).map(([actual]) => actual)).toEqual(['[[MISSING TOKEN - FIRSTNAME]]']);
  });

  it('leaves custom fields and names close to nothing alone', async () => {
    const text = 'Order {{ticket.ticket_field_3600}} for {{dc.greeting}}, {{ticket.requester.custom_fields.tier}}, {{ticket.warranty_code}}';
    expect(await found(text, 'zendesk')).toEqual([]);
    expect(await found('Until {%customer.trialEndDate%}', 'helpscout')).toEqual([]);
    // Two letters apart is a typo only in a long name: "source" is not a misspelt "score".
    expect(await found('Via {{ticket.source}}', 'zendesk')).toEqual([]);
    expect(await found('Opened by #{ticket.created_by.firstname}', 'zammad')).toEqual([]);
  });

  it('asks for a fallback where a missing name is rendered as nothing, with the rewrite in the platform\'s syntax', async () => {
    expect(await found('Hi {{ticket.requester.first_name}},', 'zendesk')).toEqual([['{{ticket.requester.first_name}}', '{{ticket.requester.first_name | default: "there"}}']]);
    expect(await found('Hi {{ticket.customer.firstname}},', 'gorgias')).toEqual([
      ['{{ticket.customer.firstname}}', '{% if ticket.customer.firstname %}{{ticket.customer.firstname}}{% else %}there{% endif %}'],
    ]);
    // Platforms not known to render a missing value as nothing, or a name with a fallback.
    expect(await found('Hi {{ticket.requester.firstname}},', 'freshdesk')).toEqual([]);
    expect(await found('Hi {{recipient.first_name}},', 'front')).toEqual([]);
    expect(await found('Hi {{ticket.requester.first_name | default: "there"}},', 'zendesk')).toEqual([]);
  });

  it('reports another platform\'s syntax only when the platform was given', async () => {
    expect((await found('Ticket %{ticket.number} is open.', 'zendesk')).map(([actual]) => actual)).toEqual(['%{ticket.number}']);
    expect(await found('Ticket %{ticket.number} and {{ticket.id}} are open.')).toEqual([]);
  });
});

describe('rewrites', () => {
  // A field path from the Zendesk tree, broken in one of the ways the rule repairs.
  const field = fc.constantFrom('ticket.id', 'ticket.requester.name', 'current_user.first_name', 'ticket.title', 'satisfaction.rating_url');
  const broken = fc.tuple(field, fc.constantFrom('single-close', 'single-open', 'typo')).map(([path, kind]) => {
    if (kind === 'single-close') return `{{${path}}`;
    if (kind === 'single-open') return `{${path}}}`;
    const segments = path.split('.');
    const last = segments.pop()!;
    return `{{${[...segments, `${last.slice(0, 1)}${last.slice(2, 3)}${last.slice(1, 2)}${last.slice(3)}`].join('.')}}}`;
  });
  const prose = fc.constantFrom('Your ticket ', 'Hi there,\n\n', 'Ticket\r\n', '🙂 Ticket\t', '');

  it('replace exactly the reported text, and repairing until nothing changes leaves nothing to report', async () => {
    await fc.assert(
      fc.asyncProperty(prose, broken, prose, async (before, placeholder, after) => {
        let text = `${before}${placeholder} ${after}is open.`;
        // A repaired name may then ask for its fallback: a second round fixes that.
        for (let round = 0; round < 3; round++) {
          const messages = await lintTemplate(text, 'zendesk');
          for (const message of messages) expect(text.slice(message.startOffset, message.endOffset)).toBe(message.actual);
          const fixes = messages.filter((message) => message.fix).sort((a, b) => b.startOffset - a.startOffset);
          if (fixes.length === 0) break;
          for (const { fix } of fixes) text = text.slice(0, fix!.range[0]) + fix!.text + text.slice(fix!.range[1]);
        }
        expect(await lintTemplate(text, 'zendesk')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
