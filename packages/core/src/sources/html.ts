/**
 * HTML templates (help-desk macros are mostly HTML: `<p>Hi {{ticket.requester.first_name}},</p>`):
 * the text a customer reads, as a browser lays it out — paragraphs and headings apart by a blank
 * line, other blocks (div, li, tr) on their own line, `<br>` a line break, whitespace collapsed,
 * entities decoded; script, style, hidden elements (email preheaders) and bare URLs skipped;
 * blockquotes marked as quoted history. Positions are in the HTML source.
 */
import type { Element, Nodes, Parents, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { LintTarget } from '../target.js';
import { disabledRanges, type DirectiveComment } from './directives.js';
import { BARE_URL, ProseWriter } from './prose.js';

/** Elements whose content is not text a reader sees. */
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'select', 'textarea', 'button']);
/** Blocks set apart by a blank line. */
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'dl', 'table', 'pre', 'hr', 'figure']);
/** Blocks on their own line. */
const LINES = new Set(['div', 'li', 'tr', 'dt', 'dd', 'section', 'article', 'header', 'footer', 'nav', 'main', 'aside', 'address', 'center', 'form', 'fieldset', 'details', 'summary', 'caption', 'figcaption', 'body', 'html', 'tbody', 'thead', 'tfoot']);
const CELLS = new Set(['td', 'th']);

/** Characters HTML reads as markup in a rewrite. */
export function encodeHtml(text: string): string {
  return text.replace(/[&<>]/gu, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}

/** Hidden content, such as the preheader of an HTML email: the customer does not read it in the message. */
const isHidden = (node: Element): boolean => node.properties.hidden === true || /display\s*:\s*none/iu.test(String(node.properties.style ?? ''));

const startOf = (node: Nodes): number | undefined => node.position?.start.offset;
const endOf = (node: Nodes): number | undefined => node.position?.end.offset;

/** The HTML's text as one target (`.html` files and the HTML part of an .eml). */
export function extractHtmlContent(source: string): Pick<LintTarget, 'content' | 'disabled' | 'problems'> {
  const whole = /^\s*(?:<!doctype|<html)/iu.test(source);
  const tree: Root = fromHtml(source, { fragment: !whole });
  const writer = new ProseWriter(source, { collapseWhitespace: true, characterReferences: true });
  const comments: DirectiveComment[] = [];
  /** The source offset reached so far: nodes parse5 made up (implied tags) have no position. */
  let reached = 0;

  const visit = (node: Nodes): void => {
    const start = startOf(node) ?? reached;
    const end = endOf(node) ?? start;
    switch (node.type) {
      case 'text':
        writer.text(node.value, start, end, { retryFrom: Math.max(reached, source.lastIndexOf('>', start - 1) + 1), skip: BARE_URL });
        reached = end;
        return;
      case 'comment':
        comments.push({ value: node.value, start, end });
        reached = end;
        return;
      case 'element':
        element(node, start, end);
        return;
      case 'root':
        children(node);
        return;
      default:
        return;
    }
  };

  const children = (node: Parents): void => node.children.forEach((child) => visit(child as Nodes));

  const element = (node: Element, start: number, end: number): void => {
    const name = node.tagName;
    if (SKIPPED.has(name) || isHidden(node)) return;
    if (name === 'br') {
      writer.lineBreak(start, end);
      return;
    }
    const breaks = PARAGRAPHS.has(name) ? 2 : LINES.has(name) ? 1 : 0;
    if (breaks > 0) writer.blockBreak(breaks, start);
    if (CELLS.has(name)) writer.space(start, start);
    if (name === 'blockquote') writer.enterQuote();
    if (name === 'pre') writer.preserveWhitespace++;
    children(node);
    if (name === 'pre') writer.preserveWhitespace--;
    if (name === 'blockquote') writer.leaveQuote();
    if (breaks > 0) writer.blockBreak(breaks, end);
    reached = Math.max(reached, end);
  };

  visit(tree);
  return { content: writer.build(), ...disabledRanges(comments, source) };
}

export function extractHtml(source: string): LintTarget[] {
  return [{ ...extractHtmlContent(source), document: { kind: 'template' }, encode: encodeHtml }];
}
