/**
 * Help-desk placeholders ({{…}}, {%…%}, %{…}, #{…}, [[…]], [Slot Name]) are opaque tokens:
 * rules never read the words inside them, but can ask what a placeholder stands for, which
 * help desk's syntax it is written in, and whether that help desk knows the field.
 */
import type { Platform } from './rule.js';

export type PlaceholderSyntax = 'mustache' | 'liquid-tag' | 'percent' | 'hash' | 'double-bracket' | 'bracket';

/** Who or what a placeholder is filled with, as far as its name tells. */
export type PlaceholderRole = 'agent-name' | 'customer-name' | 'date' | 'other';

export interface Placeholder {
  start: number;
  end: number;
  /** The source text, delimiters included. */
  raw: string;
  /** The expression inside the delimiters, trimmed; fallbacks and filters removed. */
  name: string;
  syntax: PlaceholderSyntax;
  role: PlaceholderRole;
  /** Text the platform shows when the value is missing (`|fallback:"there"`, `,fallback=there`). */
  fallback?: string;
}

// One alternation so that overlapping syntaxes ({% %} inside {{ }}) resolve left to right.
const PLACEHOLDER_PATTERN =
  /\{\{[^{}\n]{1,200}\}\}|\{%[^\n]{1,200}?%\}|%\{[^{}\n]{1,200}\}|#\{[^{}\n]{1,200}\}|\[\[[^[\]\n]{1,200}\]\]|\[[^[\]\n]{2,60}\](?!\()/gu;

// A bracket slot is a placeholder only when it reads like a field name, not like "[sic]" or "[1]".
const BRACKET_SLOT = /^\[(?:[A-Z][\w'’.-]*|your|the|customer|agent|insert|order|ticket|name|date)(?:[ _-]+[\w'’.-]+){0,5}\]$/iu;
const BRACKET_NOT_SLOT = /^\[(?:sic|\d+|x|\s*|edit(?:ed)?|redacted|link|attachment|image)\]$/iu;

// Zendesk current_user / ticket.assignee, Freshdesk ticket.agent, Help Scout and Front user, osTicket staff.
// Gorgias ticket.assignee_user, Zammad ticket.owner.
const AGENT_NAMESPACE = /^(?:ticket\.)?(?:current_user|user|agent|assignee(?:_user)?|owner|sender|staff|teammate|me)\b/iu;
const AGENT_SLOT = /^(?:insert[ _-]+)?(?:(?:your|agent(?:'?s)?|rep(?:resentative)?(?:'?s)?|sender(?:'?s)?|my)[ _-]*(?:(?:full|first|last)[ _-]*)?name(?:[ _-]+here)?|(?:your[ _-]+|agent[ _-]+)?signature)$/iu;
// osTicket names the customer %{ticket.name.first} and %{recipient.name}.
const CUSTOMER_HINT =
  /(?:requester|customer|recipient|contact|client|end_user|visitor|lead)[._ -]*(?:\w+[._ -]*)?(?:first[_ ]?name|firstname|name|fullname|full_name)|^(?:first[_ ]?name|firstname|name|customer[ _]name|client[ _]name)$|^(?:ticket|recipient)\.name(?:\.(?:first|last|full|short))?$/iu;
const DATE_HINT = /\b(?:date|time|day|days|deadline|eta|timeframe|time[ _]?frame|hours?|due|delivery|schedule|business[ _]days?)\b/iu;

function innerExpression(raw: string, syntax: PlaceholderSyntax): string {
  switch (syntax) {
    case 'mustache':
      return raw.slice(2, -2);
    case 'liquid-tag':
      return raw.slice(2, -2);
    case 'percent':
    case 'hash':
      return raw.slice(2, -1);
    case 'double-bracket':
      return raw.slice(2, -2);
    case 'bracket':
      return raw.slice(1, -1);
  }
}

function syntaxOf(raw: string): PlaceholderSyntax {
  if (raw.startsWith('{{')) return 'mustache';
  if (raw.startsWith('{%')) return 'liquid-tag';
  if (raw.startsWith('%{')) return 'percent';
  if (raw.startsWith('#{')) return 'hash';
  if (raw.startsWith('[[')) return 'double-bracket';
  return 'bracket';
}

function splitFallback(expression: string): { name: string; fallback?: string } {
  const intercom = /^(.*?)\|\s*fallback\s*:\s*["'“”]?([^"'“”]*)["'“”]?\s*$/u.exec(expression);
  if (intercom) return { name: intercom[1]!.trim(), fallback: intercom[2]! };
  const helpScout = /^(.*?),\s*fallback\s*=\s*(.*)$/u.exec(expression);
  if (helpScout) return { name: helpScout[1]!.trim(), fallback: helpScout[2]!.trim() };
  // Liquid `| default: "there"`, Jinja (Gorgias, HubSpot) `|default("there")`.
  const withDefault = /^(.*?)\|\s*default\s*(?::\s*|\(\s*)["']([^"']*)["']/u.exec(expression);
  if (withDefault) return { name: withDefault[1]!.split('|')[0]!.trim(), fallback: withDefault[2]! };
  return { name: expression.split('|')[0]!.trim() };
}

/** What a placeholder named `name` stands for, as far as its name tells. */
export function roleOf(name: string, syntax: PlaceholderSyntax = 'mustache'): PlaceholderRole {
  if (syntax === 'liquid-tag' && /^(?:if|unless|else|elsif|endif|endunless|for|endfor|case|when|endcase|assign|capture|endcapture|comment|endcomment|raw|endraw)\b/u.test(name)) {
    return 'other';
  }
  if (AGENT_NAMESPACE.test(name) && /name|signature/iu.test(name)) return 'agent-name';
  if (AGENT_SLOT.test(name)) return 'agent-name';
  if (CUSTOMER_HINT.test(name)) return 'customer-name';
  if (DATE_HINT.test(name.replace(/[._]/gu, ' '))) return 'date';
  return 'other';
}

export function findPlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  const pattern = new RegExp(PLACEHOLDER_PATTERN);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const raw = match[0];
    const syntax = syntaxOf(raw);
    if (syntax === 'bracket' && (BRACKET_NOT_SLOT.test(raw) || !BRACKET_SLOT.test(raw))) {
      // Text in brackets may still hold a placeholder: "our website [{{Website Name}}]".
      pattern.lastIndex = match.index + 1;
      continue;
    }
    const { name, fallback } = splitFallback(innerExpression(raw, syntax).trim());
    const start = match.index;
    const placeholder: Placeholder = { start, end: start + raw.length, raw, name, syntax, role: roleOf(name, syntax) };
    if (fallback !== undefined) placeholder.fallback = fallback;
    found.push(placeholder);
  }
  return found;
}

/**
 * The text with every placeholder replaced by a same-length run of "x", so that the
 * tokenizer sees one opaque word and every offset still points into the original text.
 */
export function maskPlaceholders(text: string, placeholders: readonly Placeholder[]): string {
  if (placeholders.length === 0) return text;
  let masked = '';
  let cursor = 0;
  for (const placeholder of placeholders) {
    masked += text.slice(cursor, placeholder.start) + 'x'.repeat(placeholder.end - placeholder.start);
    cursor = placeholder.end;
  }
  return masked + text.slice(cursor);
}

// ---------------------------------------------------------------------------------------------
// Help desks: their placeholder syntax, the fields they fill, and how they render a missing value.

/** A help desk's fields as a tree: `true` is a leaf, `ANY_FIELD` accepts any child (custom fields). */
type FieldTree = { readonly [segment: string]: FieldTree | true };
const ANY_FIELD: FieldTree = { '*': true };

export interface PlatformSyntax {
  /** Shown in messages: "Zendesk". */
  label: string;
  /** The syntax its templates write placeholders in; logic tags ({% if %}) come with Liquid and Jinja. */
  syntax: PlaceholderSyntax;
  /** Whether the platform has {% if %}…{% endif %} blocks. */
  logicTags: boolean;
  /** The template language of those blocks: Liquid writes `elsif`, Jinja `elif`. */
  dialect?: 'liquid' | 'jinja';
  /** Known fields, for typo checks; absent where fields are mostly custom (Intercom attributes). */
  fields?: FieldTree;
  /** Field-name prefixes that are always custom: Zendesk `ticket_field_123`, Freshdesk `cf_…`. */
  customPrefixes?: readonly string[];
  /**
   * The platform fills a missing value with nothing, so "Hi {{name}}," reaches the customer as
   * "Hi ,": the placeholder's form with a fallback, given its expression and the fallback text.
   */
  withFallback?(raw: string, name: string, fallback: string): string;
}

// Zendesk's user object, used for the requester, assignee, submitter and current_user.
const ZENDESK_ORGANIZATION: FieldTree = { name: true, id: true, details: true, notes: true, tags: true, external_id: true, domain_names: true, custom_fields: ANY_FIELD };
const ZENDESK_USER: FieldTree = {
  name: true, first_name: true, last_name: true, email: true, phone: true, language: true, locale: true, details: true, notes: true,
  id: true, external_id: true, organization: ZENDESK_ORGANIZATION, tags: true, time_zone: true, role: true, signature: true, custom_fields: ANY_FIELD,
};
const ZENDESK_FIELDS: FieldTree = {
  ticket: {
    id: true, title: true, description: true, url: true, link: true, url_with_protocol: true, encoded_id: true, external_id: true, status: true,
    priority: true, ticket_type: true, via: true, tags: true, account: true, score: true, in_business_hours: true, ticket_form: true,
    created_at: true, updated_at: true, created_at_with_timestamp: true, updated_at_with_timestamp: true, created_at_with_time: true,
    updated_at_with_time: true, due_date: true, due_date_with_timestamp: true, cc_names: true, ccs: ANY_FIELD, current_holiday_name: true,
    verbatim_description: true, latest_comment: ANY_FIELD, latest_public_comment: ANY_FIELD, latest_comment_formatted: true,
    latest_public_comment_formatted: true, comments: ANY_FIELD, public_comments: ANY_FIELD, comments_formatted: true,
    public_comments_formatted: true, brand: { name: true, id: true }, group: { name: true, id: true }, organization: ZENDESK_ORGANIZATION,
    requester: ZENDESK_USER, assignee: ZENDESK_USER, submitter: ZENDESK_USER,
  },
  current_user: ZENDESK_USER,
  satisfaction: { rating_url: true, current_rating: true, current_comment: true, positive_rating_url: true, negative_rating_url: true, rating_section: true },
  dc: ANY_FIELD,
};
const GORGIAS_USER: FieldTree = { id: true, email: true, firstname: true, lastname: true, name: true, bio: true };
const GORGIAS_FIELDS: FieldTree = {
  ticket: {
    id: true, subject: true, channel: true, tags: true, created_datetime: true, opened_datetime: true, updated_datetime: true, last_message_datetime: true,
    customer: { ...GORGIAS_USER, integrations: ANY_FIELD, data: ANY_FIELD, meta: ANY_FIELD },
    assignee_user: GORGIAS_USER, receiver: { email: true, name: true }, sender: { email: true, name: true }, account: { domain: true },
    messages: ANY_FIELD, first_message: ANY_FIELD, last_message: ANY_FIELD,
  },
  current_user: GORGIAS_USER,
};
const FRESHDESK_PERSON: FieldTree = { name: true, firstname: true, lastname: true, email: true, phone: true, mobile: true, signature: true, company_name: true, address: true };
const FRESHDESK_FIELDS: FieldTree = {
  ticket: {
    id: true, subject: true, description: true, description_text: true, url: true, public_url: true, portal_url: true, portal_name: true, status: true,
    priority: true, source: true, ticket_type: true, tags: true, due_by_time: true, due_by_hrs: true, fr_due_by_time: true, fr_due_by_hrs: true,
    latest_public_comment: true, latest_private_comment: true, satisfaction_survey: true, surveymonkey_survey: true, billable_hours: true,
    total_time_spent: true, group: { name: true }, agent: FRESHDESK_PERSON,
    requester: FRESHDESK_PERSON, company: { name: true, description: true, domains: true },
  },
  helpdesk_name: true,
};
const HELPSCOUT_PERSON: FieldTree = { firstName: true, lastName: true, fullName: true, email: true, company: true, phone: true, jobTitle: true };
const FRONT_PERSON: FieldTree = { name: true, first_name: true, last_name: true, email: true, id: true };
const OSTICKET_NAME: FieldTree = { first: true, last: true, full: true, short: true, shortformal: true, formal: true, original: true, initials: true };
const OSTICKET_STAFF: FieldTree = { name: OSTICKET_NAME, email: true, signature: true, phone: true, dept: ANY_FIELD };
const ZAMMAD_USER: FieldTree = { firstname: true, lastname: true, fullname: true, email: true, phone: true, mobile: true, login: true, organization: ANY_FIELD, id: true };

export const PLATFORMS: Readonly<Record<Platform, PlatformSyntax>> = {
  zendesk: {
    label: 'Zendesk',
    syntax: 'mustache',
    logicTags: true,
    dialect: 'liquid',
    fields: ZENDESK_FIELDS,
    customPrefixes: ['ticket_field_', 'ticket_field_option_title_'],
    // Liquid's default filter also replaces an empty string.
    withFallback: (raw, _name, fallback) => `${raw.slice(0, -2).trimEnd()} | default: "${fallback}"}}`,
  },
  gorgias: {
    label: 'Gorgias',
    syntax: 'mustache',
    logicTags: true,
    dialect: 'jinja',
    fields: GORGIAS_FIELDS,
    // Gorgias templates are Jinja: an empty string is false in {% if %}.
    withFallback: (raw, name, fallback) => `{% if ${name} %}${raw}{% else %}${fallback}{% endif %}`,
  },
  freshdesk: { label: 'Freshdesk', syntax: 'mustache', logicTags: true, dialect: 'liquid', fields: FRESHDESK_FIELDS, customPrefixes: ['cf_'] },
  helpscout: {
    label: 'Help Scout',
    syntax: 'liquid-tag',
    logicTags: false,
    fields: { customer: { ...HELPSCOUT_PERSON, '*': true }, user: HELPSCOUT_PERSON, mailbox: { email: true, name: true }, conversation: ANY_FIELD },
  },
  intercom: { label: 'Intercom', syntax: 'mustache', logicTags: false },
  front: {
    label: 'Front',
    syntax: 'mustache',
    logicTags: false,
    fields: {
      recipient: { ...FRONT_PERSON, handle: true, twitter: true, phone: true, link: true, custom: ANY_FIELD },
      user: FRONT_PERSON,
      conversation: { id: true, public_id: true, ticket_id: true },
      message: { id: true, public_id: true },
      account: ANY_FIELD,
      survey: true,
    },
  },
  hubspot: { label: 'HubSpot', syntax: 'mustache', logicTags: true, dialect: 'jinja' },
  osticket: {
    label: 'osTicket',
    syntax: 'percent',
    logicTags: false,
    fields: {
      ticket: {
        number: true, subject: true, name: OSTICKET_NAME, email: true, phone: true, status: true, priority: true, source: true, create_date: true,
        due_date: true, close_date: true, client_link: true, staff_link: true, auth_token: true, thread: ANY_FIELD, topic: ANY_FIELD,
        dept: ANY_FIELD, team: ANY_FIELD, staff: OSTICKET_STAFF, recipients: true,
      },
      recipient: { name: OSTICKET_NAME, email: true, ticket_link: true },
      staff: OSTICKET_STAFF,
      company: ANY_FIELD,
      signature: true, url: true, message: ANY_FIELD, response: ANY_FIELD, note: ANY_FIELD, assignee: ANY_FIELD, assigner: ANY_FIELD, poster: ANY_FIELD,
    },
  },
  zammad: {
    label: 'Zammad',
    syntax: 'hash',
    logicTags: false,
    fields: {
      ticket: {
        id: true, number: true, title: true, created_at: true, updated_at: true, pending_time: true, state: ANY_FIELD, priority: ANY_FIELD,
        group: ANY_FIELD, organization: ANY_FIELD, owner: ZAMMAD_USER, customer: ZAMMAD_USER, created_by: ZAMMAD_USER, updated_by: ZAMMAD_USER,
        tags: true, escalation_at: true, first_response_at: true, close_at: true, last_contact_at: true,
      },
      user: ZAMMAD_USER,
      article: ANY_FIELD,
      config: ANY_FIELD,
      notification: ANY_FIELD,
    },
  },
};

/** The dotted path of a placeholder's expression (`ticket.messages[0].body_text` → ticket, messages, body_text). */
export function fieldPath(expression: string): string[] | undefined {
  if (!/^[A-Za-z_][\w]*(?:\[-?\d+\])?(?:\.[A-Za-z_]\w*(?:\[-?\d+\])?)*$/u.test(expression)) return undefined;
  return expression.split('.').map((segment) => segment.replace(/\[-?\d+\]$/u, ''));
}

/** The expression with one segment of its field path replaced, indices kept: `ticket.requestor` → `ticket.requester`. */
export function replaceSegment(expression: string, segment: number, replacement: string): string {
  return expression
    .split('.')
    .map((part, index) => (index === segment ? part.replace(/^[A-Za-z_]\w*/u, replacement) : part))
    .join('.');
}

/** What a platform makes of a field path: known, unknown (custom, perhaps), or close to a field it knows. */
export type FieldCheck = { known: true } | { known: false; typo?: { segment: number; suggestion: string } };

const MAX_TYPO_DISTANCE = 2;

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), capped. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
    }
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** The known sibling a misspelt segment most likely meant: one clear nearest field, or none. */
function nearestField(segment: string, siblings: readonly string[]): string | undefined {
  // Short names differ from each other by a letter or two (via, url; source, score): one edit there.
  const cap = segment.length >= 8 ? MAX_TYPO_DISTANCE : 1;
  let best: string | undefined;
  let bestDistance = cap + 1;
  let tie = false;
  for (const sibling of siblings) {
    if (sibling === '*') continue;
    // Case is a typo too: placeholders are case-sensitive.
    const distance = sibling.toLowerCase() === segment.toLowerCase() ? 1 : editDistance(segment.toLowerCase(), sibling.toLowerCase(), cap);
    if (distance < bestDistance) [best, bestDistance, tie] = [sibling, distance, false];
    else if (distance === bestDistance) tie = true;
  }
  return best !== undefined && !tie && segment.length >= 3 ? best : undefined;
}

export function checkField(path: readonly string[], platform: PlatformSyntax): FieldCheck {
  let node: FieldTree | true | undefined = platform.fields;
  if (!node) return { known: false };
  for (const [index, segment] of path.entries()) {
    if (node === true) return { known: false };
    if ('*' in node) return { known: true };
    const child: FieldTree | true | undefined = Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (child !== undefined) {
      node = child;
      continue;
    }
    if (platform.customPrefixes?.some((prefix) => segment.startsWith(prefix))) return { known: true };
    const suggestion = nearestField(segment, Object.keys(node));
    return suggestion ? { known: false, typo: { segment: index, suggestion } } : { known: false };
  }
  return { known: true };
}

const PLATFORM_IDS = Object.keys(PLATFORMS) as Platform[];

/**
 * Without a known platform: the field a typo meant, when every help desk whose templates use
 * this syntax and know the path's first name ("ticket") suggests the same correction. The
 * first name itself is never corrected this way (`tickets.count` may be another tool's field).
 */
export function consensusTypo(path: readonly string[], syntax: PlaceholderSyntax): { segment: number; suggestion: string } | undefined {
  let agreed: { segment: number; suggestion: string } | undefined;
  for (const platform of PLATFORM_IDS.map((id) => PLATFORMS[id])) {
    if (platform.syntax !== syntax || !platform.fields || !Object.hasOwn(platform.fields, path[0]!)) continue;
    const check = checkField(path, platform);
    if (check.known) return undefined;
    if (!check.typo) continue;
    if (agreed && (agreed.segment !== check.typo.segment || agreed.suggestion !== check.typo.suggestion)) return undefined;
    agreed = check.typo;
  }
  return agreed;
}

/**
 * The help desk a template is written for, when its placeholders tell unambiguously: every
 * placeholder whose field some platform knows must be known to the same one platform
 * (`{{ticket.requester.first_name}}` with `{{current_user.first_name}}` is Zendesk; `%{…}` is
 * osTicket, `#{…}` Zammad, `{%customer.firstName%}` Help Scout, `|fallback:` Intercom).
 */
export function inferPlatform(placeholders: readonly Placeholder[]): Platform | undefined {
  let candidates: Set<Platform> | undefined;
  const narrow = (platforms: readonly Platform[]): void => {
    candidates = new Set(platforms.filter((platform) => candidates === undefined || candidates.has(platform)));
  };
  for (const placeholder of placeholders) {
    if (placeholder.syntax === 'bracket') continue;
    if (placeholder.syntax === 'double-bracket') {
      if (/^MISSING TOKEN\b/u.test(placeholder.name)) narrow(['hubspot']);
      continue;
    }
    if (placeholder.syntax === 'mustache' && /\|\s*fallback\s*:/u.test(placeholder.raw)) {
      narrow(['intercom']);
      continue;
    }
    const path = fieldPath(placeholder.name);
    if (!path) continue;
    const knowing = PLATFORM_IDS.filter((platform) => PLATFORMS[platform].syntax === placeholder.syntax && checkField(path, PLATFORMS[platform]).known);
    if (knowing.length > 0) narrow(knowing);
  }
  const found: Set<Platform> | undefined = candidates;
  return found?.size === 1 ? [...found][0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Liquid and Jinja logic: {% if %} … {% endif %}

const BLOCK_OPENERS = new Set(['if', 'unless', 'for', 'case', 'capture', 'comment', 'raw', 'tablerow']);
const BLOCK_MIDDLES: Readonly<Record<string, readonly string[]>> = { else: ['if', 'unless', 'for', 'case'], elsif: ['if', 'unless'], elif: ['if'], when: ['case'] };
const NEEDS_EXPRESSION = new Set(['if', 'unless', 'elsif', 'elif', 'for', 'case', 'when']);

/** A logic tag: `{% if ticket.via == "web" %}` is keyword "if", expression `ticket.via == "web"`. */
export function logicTag(placeholder: Placeholder): { keyword: string; expression: string; misspelt?: boolean } | undefined {
  if (placeholder.syntax !== 'liquid-tag') return undefined;
  const match = /^-?\s*([a-z]+)\b\s*([\s\S]*?)\s*-?$/u.exec(placeholder.name);
  if (!match) return undefined;
  // "{% end if %}" is a misspelt "{% endif %}": read it as the closer it was meant to be.
  if (match[1] === 'end' && BLOCK_OPENERS.has(match[2]!)) return { keyword: `end${match[2]}`, expression: '', misspelt: true };
  const keyword = match[1]!;
  const known = BLOCK_OPENERS.has(keyword) || keyword in BLOCK_MIDDLES || keyword.startsWith('end') || keyword === 'assign' || keyword === 'set';
  return known ? { keyword, expression: match[2]! } : undefined;
}

export interface LogicBlock {
  open: Placeholder;
  close: Placeholder;
}

export interface LogicProblem {
  tag: Placeholder;
  problem: 'unclosed' | 'unopened' | 'no-expression' | 'misspelt';
  /** The keyword the tag needed: "endif" for an unclosed if, "if" for a stray endif, "elsif" for Liquid's elif. */
  expected: string;
}

/** Pair logic tags into blocks and list those that open and never close, or close what never opened. */
// The other dialect's spelling of "else if".
const OTHER_ELSE_IF: Readonly<Record<'liquid' | 'jinja', [string, string]>> = { liquid: ['elif', 'elsif'], jinja: ['elsif', 'elif'] };

export function logicBlocks(placeholders: readonly Placeholder[], dialect?: 'liquid' | 'jinja'): { blocks: LogicBlock[]; problems: LogicProblem[] } {
  const blocks: LogicBlock[] = [];
  const problems: LogicProblem[] = [];
  const open: Array<{ keyword: string; tag: Placeholder }> = [];
  for (const placeholder of placeholders) {
    const tag = logicTag(placeholder);
    if (!tag) continue;
    const { keyword, expression } = tag;
    const inLiteral = open.length > 0 && (open[open.length - 1]!.keyword === 'raw' || open[open.length - 1]!.keyword === 'comment');
    if (inLiteral && keyword !== `end${open[open.length - 1]!.keyword}`) continue;
    if (NEEDS_EXPRESSION.has(keyword) && expression === '') problems.push({ tag: placeholder, problem: 'no-expression', expected: keyword });
    if (tag.misspelt) problems.push({ tag: placeholder, problem: 'misspelt', expected: keyword });
    if (dialect && keyword === OTHER_ELSE_IF[dialect][0]) problems.push({ tag: placeholder, problem: 'misspelt', expected: OTHER_ELSE_IF[dialect][1] });
    if (BLOCK_OPENERS.has(keyword)) {
      open.push({ keyword, tag: placeholder });
    } else if (keyword in BLOCK_MIDDLES) {
      const top = open[open.length - 1];
      if (!top || !BLOCK_MIDDLES[keyword]!.includes(top.keyword)) problems.push({ tag: placeholder, problem: 'unopened', expected: BLOCK_MIDDLES[keyword]![0]! });
    } else if (keyword.startsWith('end')) {
      const opener = keyword.slice(3);
      const index = open.map((entry) => entry.keyword).lastIndexOf(opener);
      if (index < 0) {
        problems.push({ tag: placeholder, problem: 'unopened', expected: opener });
        continue;
      }
      for (const unclosed of open.splice(index + 1)) problems.push({ tag: unclosed.tag, problem: 'unclosed', expected: `end${unclosed.keyword}` });
      blocks.push({ open: open.pop()!.tag, close: placeholder });
    }
  }
  for (const unclosed of open) problems.push({ tag: unclosed.tag, problem: 'unclosed', expected: `end${unclosed.keyword}` });
  problems.sort((a, b) => a.tag.start - b.tag.start);
  return { blocks, problems };
}

// ---------------------------------------------------------------------------------------------
// Broken delimiters: what the placeholder pattern above could not read as a placeholder.

export interface DelimiterProblem {
  start: number;
  end: number;
  problem: 'single-close' | 'single-open' | 'mixed-close' | 'unclosed' | 'unopened' | 'single-braces' | 'extra-brace';
  /** The placeholder as it was meant, when that is clear. */
  expected?: string;
}

// On text where the well-formed placeholders are blanked out, so that only broken delimiters remain.
const DOUBLE_OPEN_SINGLE_CLOSE = /\{\{([^{}\n]{1,200})\}(?!\})/gu;
const DOUBLE_OPEN_TAG_CLOSE = /\{\{([^{}\n%]{1,200})%\}/gu;
const SINGLE_OPEN_DOUBLE_CLOSE = /(?<![{%#$])\{([^{}\n]{1,200})\}\}/gu;
const TAG_OPEN_MUSTACHE_CLOSE = /\{%([^{}\n%]{1,200})\}\}/gu;
const UNCLOSED_OPEN = /\{\{|\{%|(?<![\w%])%\{|(?<![\w&])#\{/gu;
const UNOPENED_CLOSE = /\}\}|%\}/gu;
const SINGLE_BRACE_FIELD = /(?<![{%#$\w])\{\s*([a-z_]+(?:\.[a-z_]\w*)+)\s*\}(?!\})/giu;

/**
 * Delimiters that do not pair up: `{{ticket.id}`, `{ticket.id}}`, `{{{ticket.id}}}`, `{{ticket.id %}`, an opening
 * `{{` or `{%` never closed on its line, a `}}` never opened. `{ticket.id}` (single braces around a
 * field path) only when `mustacheFields` says the template's placeholders use double braces.
 */
export function findDelimiterProblems(text: string, placeholders: readonly Placeholder[], mustacheFields: boolean): DelimiterProblem[] {
  let blanked = text;
  for (const placeholder of placeholders) {
    if (placeholder.syntax === 'bracket' || placeholder.syntax === 'double-bracket') continue;
    blanked = blanked.slice(0, placeholder.start) + ' '.repeat(placeholder.end - placeholder.start) + blanked.slice(placeholder.end);
  }
  const problems: DelimiterProblem[] = [];
  const claim = (start: number, end: number, problem: DelimiterProblem['problem'], expected?: string): void => {
    if (problems.some((found) => start < found.end && end > found.start)) return;
    problems.push(expected === undefined ? { start, end, problem } : { start, end, problem, expected });
  };
  const each = (pattern: RegExp, report: (match: RegExpMatchArray, start: number, end: number) => void): void => {
    for (const match of blanked.matchAll(pattern)) report(match, match.index, match.index + match[0].length);
  };
  // "{{{ticket.id}}}": help desks read the inner {{…}} and print the extra braces around the value.
  for (const placeholder of placeholders) {
    if (placeholder.syntax !== 'mustache') continue;
    const before = text[placeholder.start - 1] === '{' && !/[%#$]/u.test(text[placeholder.start - 2] ?? '') ? 1 : 0;
    const after = text[placeholder.end] === '}' ? 1 : 0;
    if (before + after > 0) claim(placeholder.start - before, placeholder.end + after, 'extra-brace', placeholder.raw);
  }
  each(DOUBLE_OPEN_TAG_CLOSE, (match, start, end) => claim(start, end, 'mixed-close', `{{${match[1]!.trimEnd()}}}`));
  each(TAG_OPEN_MUSTACHE_CLOSE, (match, start, end) => claim(start, end, 'mixed-close', `{%${match[1]!.trimEnd()}%}`));
  each(DOUBLE_OPEN_SINGLE_CLOSE, (match, start, end) => claim(start, end, 'single-close', `{{${match[1]!}}}`));
  each(SINGLE_OPEN_DOUBLE_CLOSE, (match, start, end) => claim(start, end, 'single-open', `{{${match[1]!}}}`));
  each(UNCLOSED_OPEN, (match, start) => {
    const lineEnd = blanked.slice(start).search(/[\r\n]|$/u) + start;
    // The rest of a word or field path after the delimiter is what was meant to be inside it.
    const inside = /^[^\s{}]*(?:\s+[^\s{}]+){0,3}/u.exec(blanked.slice(start + match[0].length, lineEnd))?.[0] ?? '';
    claim(start, start + match[0].length + inside.length, 'unclosed');
  });
  each(UNOPENED_CLOSE, (match, start, end) => {
    const before = /[\w.]+\s*$/u.exec(blanked.slice(Math.max(0, start - 200), start))?.[0] ?? '';
    const expected = match[0] === '}}' && before.trim() !== '' ? `{{${before.trim()}}}` : undefined;
    claim(start - before.length, end, 'unopened', expected);
  });
  if (mustacheFields) each(SINGLE_BRACE_FIELD, (match, start, end) => claim(start, end, 'single-braces', `{{${match[1]!}}}`));
  return problems.sort((a, b) => a.start - b.start);
}

/** Backtick code spans: `{{ page.title }}` in a reply about theme code is an example, not a placeholder. */
export function codeSpans(text: string): Array<[number, number]> {
  if (!text.includes('`')) return [];
  return [...text.matchAll(/`[^`\n]+`/gu)].map((match) => [match.index, match.index + match[0].length]);
}

// ---------------------------------------------------------------------------------------------
// Slots written for a person to fill in: "[Customer Name]", "<insert date>".

// The thing a slot asks for: its last word ("[Passenger Name]", "[Booking Reference]").
const SLOT_NOUN =
  /^(?:name|names|firstname|surname|date|dates|time|day|number|no|amount|price|total|sum|fee|address|email|e-mail|phone|link|url|reference|ref|id|code|company|product|item|order|ticket|signature|title|city|country|quantity|deadline|eta|here)$/iu;
// Alone in brackets, only these read as a slot: "[Name]", "[date]"; "[Product]" or "[Order]" may be a label.
const SINGLE_WORD_SLOT = /^(?:name|firstname|surname|date|time|number|amount|price|address|email|e-mail|phone|link|url|reference|signature)$/iu;
// Words that open an instruction to the writer ("[Insert tracking link]", "<your name>").
const SLOT_INSTRUCTION = /^(?:insert|add|enter|fill|put|type|paste|include|your|customer'?s?|client'?s?|agent'?s?|recipient'?s?)$/iu;
const NOT_A_SLOT = /^(?:sic|redacted|edited|external|spam|image|attachment|link|photo|screenshot|laughs|sighs)$/iu;

/**
 * Whether bracketed or angled text reads like a slot for someone to fill in: a few words without
 * digits that end in what is asked for ("Customer Name", "date", "order number") or start with
 * an instruction ("insert tracking link", "your name"). "[sic]", "[1]", "[EXTERNAL]" are text.
 */
export function looksLikeSlot(inner: string): boolean {
  const words = inner.trim().split(/[\s_]+/u);
  if (words.length === 0 || words.length > 6 || /\d|[@/:=|"]/u.test(inner) || NOT_A_SLOT.test(inner.trim())) return false;
  if (!words.every((word) => /^[\p{L}'’#.-]+$/u.test(word))) return false;
  const last = words[words.length - 1]!.replace(/[.'’]+$/u, '');
  if (words.length === 1) return SINGLE_WORD_SLOT.test(last);
  // "[Date of delivery]", "[link to the article]", "[number for the courier]".
  const headFirst = words.length >= 3 && (SLOT_NOUN.test(words[0]!) || /^link$/iu.test(words[0]!)) && /^(?:of|to|for)$/iu.test(words[1]!);
  return SLOT_NOUN.test(last) || SLOT_INSTRUCTION.test(words[0]!) || headFirst;
}

// ---------------------------------------------------------------------------------------------
// Merge tags of tools that are not help desks (newsletters, mail merge, scripts): no help desk
// fills them, so they reach the customer as written.

export interface MergeTag {
  start: number;
  end: number;
  raw: string;
  /** What it is, for messages: "a Mailchimp merge tag". */
  kind: string;
  /** `${…}` is also how code interpolates: callers decide whether that one is a slot. */
  script: boolean;
}

const MERGE_TAGS: ReadonlyArray<{ pattern: RegExp; kind: string; script?: boolean }> = [
  { pattern: /\*\|[A-Z][A-Z0-9_:]*\|\*/gu, kind: 'a Mailchimp merge tag' },
  { pattern: /<<\s*[A-Za-z][\w .]{0,40}?\s*>>/gu, kind: 'a mail-merge field' },
  // ActiveCampaign and other mailers: "%FIRSTNAME%", "%ORDER_NUMBER%" (capitals, so "10% off, 20%" is not one).
  { pattern: /(?<![\w%])%[A-Z][A-Z0-9_-]{1,40}%(?![\w%])/gu, kind: 'a mailer merge tag' },
  { pattern: /(?<!\$)\$\{\s*[A-Za-z_][\w.]{0,60}\s*\}/gu, kind: 'a template-literal placeholder', script: true },
];

/** Mailchimp `*|FNAME|*`, mail-merge `<<First Name>>`, `%FIRSTNAME%`, `${first_name}`. */
export function findMergeTags(text: string): MergeTag[] {
  const found: MergeTag[] = [];
  for (const { pattern, kind, script = false } of MERGE_TAGS) {
    for (const match of text.matchAll(pattern)) found.push({ start: match.index, end: match.index + match[0].length, raw: match[0], kind, script });
  }
  return found.sort((a, b) => a.start - b.start);
}
