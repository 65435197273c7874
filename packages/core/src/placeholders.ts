/**
 * Help-desk placeholders ({{…}}, {%…%}, %{…}, #{…}, [[…]], [Slot Name]) are opaque tokens:
 * rules never read the words inside them, but can ask what a placeholder stands for.
 */

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
const AGENT_NAMESPACE = /^(?:ticket\.)?(?:current_user|user|agent|assignee|sender|staff|teammate|me)\b/iu;
const AGENT_SLOT = /^(?:insert[ _-]+)?(?:(?:your|agent(?:'?s)?|rep(?:resentative)?(?:'?s)?|sender(?:'?s)?|my)[ _-]*(?:(?:full|first|last)[ _-]*)?name(?:[ _-]+here)?|(?:your[ _-]+|agent[ _-]+)?signature)$/iu;
const CUSTOMER_HINT = /(?:requester|customer|recipient|contact|client|end_user|visitor|lead)[._ -]*(?:\w+[._ -]*)?(?:first[_ ]?name|firstname|name|fullname|full_name)|^(?:first[_ ]?name|firstname|name|customer[ _]name|client[ _]name)$/iu;
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
  const liquidDefault = /^(.*?)\|\s*default\s*:\s*["']([^"']*)["']/u.exec(expression);
  if (liquidDefault) return { name: liquidDefault[1]!.trim(), fallback: liquidDefault[2]! };
  return { name: expression.split('|')[0]!.trim() };
}

function roleOf(name: string, syntax: PlaceholderSyntax): PlaceholderRole {
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
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const raw = match[0];
    const syntax = syntaxOf(raw);
    if (syntax === 'bracket' && (BRACKET_NOT_SLOT.test(raw) || !BRACKET_SLOT.test(raw))) continue;
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
