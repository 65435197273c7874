/**
 * Markdown templates (CommonMark): the prose a customer reads. Code (fenced, indented,
 * inline), URLs (autolinks and bare URLs; link text is kept), images, HTML
 * comments and raw HTML, front matter and link definitions are skipped. Blocks are separated
 * by blank lines (tight list items by line breaks), so the email model still finds the
 * greeting, closing and signature; emphasis markers are dropped without breaking words.
 * Blockquotes keep their `>` lines: they are quoted history.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { LintTarget } from '../target.js';
import { disabledRanges, type DirectiveComment } from './directives.js';
import { BARE_URL, ProseWriter } from './prose.js';

const COMMENT = /<!--([^]*?)-->/gu;
/** Characters Markdown could read as markup in a rewrite, escaped with a backslash. */
export function encodeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<]|&(?=[#A-Za-z])/gu, (char) => `\\${char}`);
}

const startOf = (node: Nodes): number => node.position?.start.offset ?? 0;
const endOf = (node: Nodes): number => node.position?.end.offset ?? startOf(node);

/** A link whose text is its own address: an autolink (`<https://…>`, `<help@example.com>`). */
function isAutolink(node: Nodes): boolean {
  if (node.type !== 'link' || node.children.length !== 1) return false;
  const [child] = node.children;
  return child!.type === 'text' && child.value === node.url;
}

export function extractMarkdown(source: string): LintTarget[] {
  const tree: Root = fromMarkdown(source, {
    extensions: [frontmatter(['yaml', 'toml'])],
    mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml'])],
  });
  const writer = new ProseWriter(source, { collapseWhitespace: false, backslashEscapes: true, characterReferences: true });
  const comments: DirectiveComment[] = [];

  const inline = (node: Nodes): void => {
    switch (node.type) {
      case 'text':
        writer.text(node.value, startOf(node), endOf(node), { skip: BARE_URL });
        return;
      case 'break':
        writer.lineBreak(startOf(node), endOf(node));
        return;
      case 'html':
        if (/^<br\s*\/?>$/iu.test(node.value)) writer.lineBreak(startOf(node), endOf(node));
        else collectComments(node.value, startOf(node));
        return;
      case 'inlineCode':
      case 'image':
      case 'imageReference':
        return;
      case 'link':
        if (!isAutolink(node)) node.children.forEach(inline);
        return;
      default:
        if ('children' in node) (node as Parent).children.forEach((child) => inline(child as Nodes));
    }
  };

  /** Children as blocks, `gap` line breaks apart (2: a blank line, 1: a line break). */
  const blocks = (parent: Parent, gap: number): void => {
    for (const child of parent.children as Nodes[]) {
      writer.blockBreak(gap, startOf(child));
      block(child, gap);
      writer.blockBreak(gap, endOf(child));
    }
  };

  const block = (node: Nodes, gap: number): void => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        node.children.forEach((child) => inline(child as Nodes));
        return;
      case 'blockquote':
        quote(startOf(node), endOf(node));
        return;
      case 'list': {
        const spread = node.spread === true || node.children.some((item) => item.spread === true);
        blocks(node, spread ? 2 : 1);
        return;
      }
      case 'listItem':
        blocks(node, gap);
        return;
      case 'html':
        collectComments(node.value, startOf(node));
        return;
      default:
        // Code, thematic breaks, definitions, front matter: not prose.
        return;
    }
  };

  /** A blockquote's lines as they are, lazy continuation lines given the `> ` they imply. */
  function quote(start: number, end: number): void {
    for (const line of source.slice(start, end).matchAll(/[^\r\n]*(?:\r\n|\n|\r|$)/gu)) {
      if (line[0] === '') break;
      const lineStart = start + line.index;
      if (!/^\s*>/u.test(line[0])) writer.marker('> ', lineStart);
      writer.verbatim(lineStart, lineStart + line[0].length);
    }
  }

  function collectComments(html: string, offset: number): void {
    for (const match of html.matchAll(COMMENT)) {
      comments.push({ value: match[1]!, start: offset + match.index, end: offset + match.index + match[0].length });
    }
  }

  blocks(tree, 2);
  return [{ content: writer.build(), document: { kind: 'template' }, encode: encodeMarkdown, ...disabledRanges(comments, source) }];
}
