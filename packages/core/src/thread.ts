/**
 * The thread below a reply: the customer's latest message, cut out of the quoted history
 * with exact offsets, and analysed into sentences like the reply's own body. Rules that
 * judge a reply against what the customer wrote (missing-apology, unanswered-question)
 * read it from here.
 *
 * Only the latest message counts: the first quoted message under the reply, up to the next
 * quote header ("On … wrote:", "-----Original Message-----", a From:/Sent: block) or the
 * next, deeper level of `>`. What the customer wrote three messages ago has been answered,
 * or not, by the replies in between. A quoted message from the support team itself (a
 * role mailbox such as support@, a team name in the header or a team signature) is no
 * customer's message: rules then have nothing to compare.
 */
import { findQuoteHeader, splitLines, type Line } from './email.js';
import type { Reply } from './rule.js';
import { analyzeParagraph, type Sentence } from './text.js';

export interface CustomerMessage {
  /** Offsets of the message in the original text (markers and header excluded). */
  start: number;
  end: number;
  sentences: Sentence[];
  /**
   * Whether the message is quoted piece by piece between the reply's own paragraphs
   * ("> Can I change the date?" then the answer): each piece is answered where it stands.
   */
  interleaved: boolean;
}

const MARKERS = /^\s*(?:>\s?)+/u;
const depthOf = (text: string): number => (MARKERS.exec(text)?.[0].match(/>/gu) ?? []).length;

// Who writes from a team: a role mailbox, or a name that is a team, a department or a company.
const ROLE_MAILBOX =
  /[<\s:"(\[](?:support|help|helpdesk|service|services|care|customercare|customerservice|cs|claims|billing|accounts|info|hello|team|noreply|no-reply|donotreply|contact|reservations|bookings|sales|orders|returns|feedback|admin)@/iu;
const TEAM_NAME =
  /\b(?:support|team|care|service|services|helpdesk|help desk|desk|customer|billing|claims|reservations|insurance|bank|hotel|airlines?|inc|ltd|llc|gmbh|plc|co)\b\.?/iu;
// The last line of a message signed by a team: "Customer Care Team", "The Acme Support Team".
const TEAM_SIGNATURE = /^(?:the\s+)?[\p{L}&' -]{0,40}\b(?:team|support|customer care|customer service|helpdesk)\s*$/iu;

const RECIPIENT_FIELD = /^\s*\*?(?:To|Cc|Bcc|Subject|An|Betreff|À|Objet)\*?:/u;

function fromTeam(header: readonly string[], lines: readonly string[], author: string | undefined): boolean {
  if (header.some((line) => ROLE_MAILBOX.test(line))) return true;
  if (author !== undefined && TEAM_NAME.test(author)) return true;
  const last = [...lines].reverse().find((line) => line.trim() !== '');
  return last !== undefined && TEAM_SIGNATURE.test(last.trim());
}

/** The lines of the latest message in a quoted region, with its header lines. */
function latestMessageLines(text: string, region: { start: number; end: number }): { header: Line[]; body: Line[] } {
  const lines = splitLines(text.slice(region.start, region.end)).map((line) => ({ ...line, start: line.start + region.start, end: line.end + region.start }));
  const unmarked = lines.map((line) => ({ ...line, text: line.text.replace(MARKERS, '') }));
  const first = findQuoteHeader(unmarked);
  const headerLines = first && first.index === 0 ? first.headerLines : 0;
  const rest = unmarked.slice(headerLines);
  const next = findQuoteHeader(rest);
  let body = lines.slice(headerLines, headerLines + (next?.index ?? rest.length));
  // A deeper level of ">" is older history quoted inside the latest message.
  const filled = body.filter((line) => line.text.trim().replace(MARKERS, '') !== '');
  const level = Math.min(...filled.map((line) => depthOf(line.text)));
  const deeper = body.findIndex((line) => depthOf(line.text) > level && line.text.replace(MARKERS, '').trim() !== '');
  if (deeper >= 0) body = body.slice(0, deeper);
  return { header: lines.slice(0, headerLines), body };
}

/** Replace quote markers with spaces: the text keeps its length, so offsets stay those of the input. */
function unmarkedCopy(text: string, lines: readonly Line[]): string {
  let copy = text;
  for (const line of lines) {
    const marker = MARKERS.exec(line.text);
    if (marker) copy = copy.slice(0, line.start) + ' '.repeat(marker[0].length) + copy.slice(line.start + marker[0].length);
  }
  return copy;
}

function analyse(reply: Reply, lines: readonly Line[], interleaved: boolean): CustomerMessage | undefined {
  const filled = lines.filter((line) => line.text.replace(MARKERS, '').trim() !== '');
  if (filled.length === 0) return undefined;
  const copy = unmarkedCopy(reply.text, filled);
  const sentences: Sentence[] = [];
  // Paragraphs: runs of non-blank lines.
  let start: number | undefined;
  let end = 0;
  const flush = (): void => {
    if (start !== undefined) sentences.push(...analyzeParagraph(copy, start, end, reply.model.placeholders).sentences);
    start = undefined;
  };
  for (const line of lines) {
    const content = line.text.replace(MARKERS, '');
    if (content.trim() === '') {
      flush();
      continue;
    }
    start ??= line.start + (line.text.length - content.length) + (content.length - content.trimStart().length);
    end = line.end;
  }
  flush();
  return { start: filled[0]!.start, end: filled[filled.length - 1]!.end, sentences, interleaved };
}

const cache = new WeakMap<Reply, CustomerMessage | null>();

/** The customer's latest message quoted in the reply, if there is one. */
export function latestCustomerMessage(reply: Reply): CustomerMessage | undefined {
  const cached = cache.get(reply);
  if (cached !== undefined) return cached ?? undefined;
  const found = findLatestCustomerMessage(reply);
  cache.set(reply, found ?? null);
  return found;
}

function findLatestCustomerMessage(reply: Reply): CustomerMessage | undefined {
  const { model, text } = reply;
  if (model.quoted.length === 0) return undefined;
  const lastBody = model.body[model.body.length - 1];
  const bodyEnd = lastBody?.end ?? 0;
  const inline = model.quoted.filter((quote) => quote.end < bodyEnd);
  if (inline.length > 0) {
    const lines = inline.flatMap((quote) => latestMessageLines(text, quote).body);
    return analyse(reply, lines, true);
  }
  const below = model.quoted.find((quote) => quote.start >= bodyEnd);
  if (!below) return undefined;
  const { header, body } = latestMessageLines(text, below);
  // The sender, not the recipients: "To: <help@…>" is where the customer wrote.
  const headerTexts = header.map((line) => line.text).filter((line) => !RECIPIENT_FIELD.test(line));
  const author = header.length > 0 ? model.quotedAuthor : undefined;
  if (fromTeam(headerTexts, body.map((line) => line.text.replace(MARKERS, '')), author)) return undefined;
  return analyse(reply, body, false);
}
