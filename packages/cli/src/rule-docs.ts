/** The rules' documentation (`rules/<id>.md`), read from the repository when it is there. */
import { readFile } from 'node:fs/promises';

/** A rule's Markdown documentation, or undefined where the docs are not shipped (an npm install). */
export async function readRuleDocs(id: string): Promise<string | undefined> {
  // dist/cli.js and dist/cli.bundle.js both sit three folders below the repository root (so this
  // module must not be shared with the worker's bundle, which would move it into dist/chunks/).
  const docs = new URL(`../../../rules/${id}.md`, import.meta.url);
  return readFile(docs, 'utf8').catch(() => undefined);
}

/** The first paragraph under "## Why", on one line: the rule's rationale in a few sentences. */
export function whyParagraph(markdown: string): string | undefined {
  const paragraph = /^## Why[ \t]*\r?\n[ \t]*\r?\n([\s\S]*?)(?:\r?\n[ \t]*\r?\n|(?![\s\S]))/mu.exec(markdown)?.[1];
  return paragraph?.replace(/\s+/gu, ' ').trim() || undefined;
}
