/**
 * Treat every customer "as if they were the only person in the world": greet them by name.
 * The rule reports a greeting that addresses a category of people ("Dear Customer", "Dear
 * Sir or Madam", "To whom it may concern", "Sehr geehrte Damen und Herren"), and a nameless
 * "Hello," or "Hi there," when the reply shows the customer's name: the quoted "On …, Name
 * wrote:" line (when that author is not the one signing) or a customer-name placeholder.
 * With the name known, it proposes the greeting with the name in it.
 */
import type { EmailModel, Region } from '../email.js';
import { defineRule } from '../rule.js';

// Who a generic greeting addresses, after "Dear", "Hello", "Hi"…: "Dear valued customer".
const ROLE_NOUN =
  '(?:customers?|clients?|members?|guests?|passengers?|travell?ers?|users?|subscribers?|cardholders?|card\\s+holders?|policy\\s*holders?|account\\s*holders?|patients?|shoppers?|buyers?|applicants?|residents?|tenants?|homeowners?|sirs?|madam|sir\\s*(?:\\/|or|and)\\s*madam|madam\\s*(?:\\/|or|and)\\s*sirs?|sir\\s*\\/\\s*madam|friend|valued\\s+one|parents?|guardians?|parent\\s*\\/\\s*guardian|students?|colleagues?|partners?|suppliers?|vendors?|sellers?|merchants?|hosts?|players?|gamers?|readers?|donors?|supporters?|shareholders?|investors?|owners?)';
const EN_OPENER = '(?:dear|hello|hi|hey|greetings|good\\s+(?:morning|afternoon|evening|day))';
// "Dear valued customer", "Dear Acme customer", "Hello dear Skyward passenger".
// An honorific before the noun makes it a surname: "Dear Mr Guest".
const ENGLISH_ROLE = new RegExp(`^${EN_OPENER}[\\s,]+(?!(?:mr|mrs|ms|miss|mx|dr|prof)\\b)(?:[\\p{L}&'’-]+\\s+){0,3}?${ROLE_NOUN}\\s*[,!.:;]?\\s*$`, 'iu');
const WHOM = /^to\s+whom\s+it\s+may\s+concern\b/iu;
// The same in the languages the email model knows greetings in.
const OTHER_LANGUAGE_ROLE =
  /^(?:sehr\s+geehrte\s+damen\s+und\s+herren|sehr\s+geehrte[rs]?\s+kund(?:e|in|innen)|liebe[rs]?\s+kund(?:e|in)|cher\s+client|chère\s+cliente|ch(?:er|ère)s?\s+client(?:e|s)?|madame,?\s+monsieur|madame\s+(?:ou|\/)\s+monsieur|estimad[oa]s?\s+(?:cliente|client[ae]s|señor(?:a)?|usuari[oa])|gentile\s+cliente|gentili\s+clienti|car[oa]\s+cliente|prezad[oa]s?\s+cliente|geachte\s+(?:klant|heer|mevrouw|heer\s*\/\s*mevrouw|heer\s+of\s+mevrouw)|beste\s+klant|szanown[iya]\s+(?:państwo|klienci|kliencie|pani|panie)|уважаем(?:ый|ая|ые)\s+(?:клиент|покупатель|пользователь))\b/iu;

// A greeting with no one in it: the opener alone, or with "there".
const NAMELESS = /^(hi|hello|hey|hiya|heya|dear|greetings|good\s+(?:morning|afternoon|evening|day)|morning|hallo|hola|bonjour|salut|ciao|olá|oi|hej|hei|moin)(?:\s+there)?(?:\s+again)?[\s,!.:;—–-]*$/iu;
// A greeting that addresses everyone who reads it passes: "Hi team,", "Hello all".
const GROUP_ADDRESS = /\b(?:team|all|everyone|everybody|folks|friends|y'?all|guys|both)\b/iu;

const FORMAL_OPENER = /^dear\b/iu;
// Words that make a quote header's "author" a team or company, not the customer.
const NOT_A_PERSON =
  /\b(?:support|team|service|services|care|help|helpdesk|desk|billing|accounts|sales|info|admin|office|department|no-?reply|customer|customers|notifications?|bank|inc|ltd|llc|gmbh|plc|shop|store|hotel|airlines?|mobile|energy|insurance)\b/iu;
const PERSON_NAME = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*)(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|van|von|de|da|del|der|di|du|la|le|bin|al|el))*$/u;
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof)\.?$/iu;

const MESSAGES = {
  role: (greeting: string) => `"${greeting}" greets a category, not a person: greet the customer by name`,
  nameless: (greeting: string, name: string) => `"${greeting}" has no name in it, but the customer's name is known (${name}): greet them by it`,
};
const NOTE = 'A greeting by name tells the customer a person read their message; "Dear Customer" tells them a system did.';

interface KnownName {
  /** How to write it in a greeting: "Marcus", "Marcus Lee" or a placeholder. */
  first: string;
  full: string;
}

/** The customer's name as the reply shows it, if it does. */
function knownName(model: EmailModel): KnownName | undefined {
  const placeholder = model.placeholders.find((candidate) => candidate.role === 'customer-name' && !model.quoted.some((quote) => candidate.start >= quote.start && candidate.end <= quote.end));
  if (placeholder) return { first: placeholder.raw, full: placeholder.raw };
  const author = model.quotedAuthor?.trim();
  if (!author || !PERSON_NAME.test(author) || NOT_A_PERSON.test(author) || author.split(/\s+/u).length > 4) return undefined;
  // The agent quoting their own earlier message: the author signs this reply too.
  const words = author.split(/\s+/u).filter((word) => !HONORIFIC.test(word));
  const signature = model.signature.map((line) => line.text).join(' ');
  if (words.some((word) => new RegExp(`(?:^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?:$|[^\\p{L}])`, 'u').test(signature))) return undefined;
  const honorific = author.split(/\s+/u).some((word) => HONORIFIC.test(word));
  return { first: honorific ? author : words[0]!, full: author };
}

/** The greeting's punctuation, kept in the rewrite: "Hello," → "Hello Marcus,". */
const trailing = (greeting: string): string => /[,!.:;]*$/u.exec(greeting)?.[0] || ',';

function rewrite(greeting: string, opener: string, name: KnownName): string {
  const formal = FORMAL_OPENER.test(opener);
  if (/^to\s+whom/iu.test(opener)) return `Dear ${name.full},`;
  const word = opener.replace(/(?:\s+there)?(?:\s+again)?$/iu, '');
  return `${word} ${formal ? name.full : name.first}${trailing(greeting)}`;
}

/** The first authored line when the email model found no greeting: "Madame, Monsieur,". */
function openingLine(model: EmailModel): Region | undefined {
  if (model.greeting) return model.greeting;
  const first = model.body[0];
  if (!first) return undefined;
  const end = first.text.search(/\r?\n|\r/u);
  const text = end < 0 ? first.text : first.text.slice(0, end);
  return OTHER_LANGUAGE_ROLE.test(text) ? { kind: 'greeting', start: first.start, end: first.start + text.trimEnd().length, text: text.trimEnd() } : undefined;
}

export default defineRule({
  meta: {
    id: 'impersonal-greeting',
    description: 'Greeting that does not address the customer by name',
    category: 'tone',
    severity: 'warn',
    fixable: true,
    principle: '7. Personal, not generic',
    recommended: true,
  },
  create(context) {
    return {
      reply() {
        const { model } = context.reply;
        const greeting = openingLine(model);
        if (!greeting || GROUP_ADDRESS.test(greeting.text)) return;
        const text = greeting.text;
        const name = knownName(model);
        const report = (message: string, expected?: string): void =>
          context.report({ start: greeting.start, end: greeting.end, message, note: NOTE, ...(expected ? { expected: [expected] } : {}) });

        const english = ENGLISH_ROLE.test(text) ? /^\S+(?:\s+(?:morning|afternoon|evening|day))?/iu.exec(text)![0] : WHOM.test(text) ? 'To whom' : undefined;
        if (english !== undefined) {
          report(MESSAGES.role(text.replace(/[\s,!.:;]+$/u, '')), name && rewrite(text, english, name));
          return;
        }
        if (OTHER_LANGUAGE_ROLE.test(text)) {
          report(MESSAGES.role(text.replace(/[\s,!.:;]+$/u, '')));
          return;
        }
        const nameless = NAMELESS.exec(text);
        if (nameless && name) {
          const opener = text.replace(/[\s,!.:;—–-]+$/u, '');
          report(MESSAGES.nameless(opener, name.full), rewrite(text, opener, name));
        }
      },
    };
  },
});
