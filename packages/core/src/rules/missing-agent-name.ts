/**
 * A reply must be signed by a person. The signature lines the email model found are read
 * structurally: a name is 1–4 name-shaped words (capitalised in cased scripts, any word in
 * scripts without case), alone or in the forms "Name, Title", "Name | Company", "Name from
 * Team" and "– Name", or an agent placeholder. Team, company and job-title vocabulary marks
 * a line that names no one. Given names are never looked up in a list: they come from every
 * culture. compromise is not consulted: its organisation tagging rests on the same kind of
 * company nouns listed here (bank, hotels, coffee), and importing it for every reply signed
 * with a two-word name (~0.4 s on a cold start) would add only a few famous brand names.
 */
import { CONTACT_LINE, NAME_PARTICLES, type Region } from '../email.js';
import type { Placeholder } from '../placeholders.js';
import { defineRule, type RuleOptionsSpec } from '../rule.js';

export interface MissingAgentNameOptions {
  /** Flag a signature that gives a first name only. */
  requireFullName: boolean;
}

// Teams and departments: a line with one of these words signs for a group ("Customer Services",
// "Guest Relations", "Member Enquiries").
const TEAM_WORDS = new Set([
  'team', 'teams', 'support', 'care', 'service', 'services', 'desk', 'helpdesk', 'help', 'department', 'dept', 'billing',
  'accounts', 'sales', 'operations', 'ops', 'customer', 'customers', 'client', 'clients', 'experience', 'success', 'cx',
  'crew', 'staff', 'squad', 'family', 'folks', 'group', 'office', 'center', 'centre', 'hq', 'headquarters', 'admin',
  'administration', 'management', 'returns', 'shipping', 'fulfilment', 'fulfillment', 'reservations', 'bookings',
  'hotline', 'helpline', 'community', 'claims', 'compliance', 'finance', 'payroll', 'hr', 'it', 'technical', 'engineering',
  'marketing', 'legal', 'security', 'trust', 'safety', 'onboarding', 'partnerships', 'member', 'members', 'relations',
  'enquiries', 'inquiries', 'complaints', 'reception', 'happiness', 'membership', 'subscriptions', 'renewals',
  'collections', 'lettings', 'admissions', 'dispatch', 'repairs', 'warranty', 'orders', 'escalations', 'resolutions',
  'loyalty', 'programme', 'program',
]);
// What companies are called: "Greenleaf Bank", "Northwind Traders", "Lemon Tree Hotels", "Harbour & Vale Bank".
const COMPANY_WORDS = new Set([
  'company', 'corporation', 'holdings', 'solutions', 'systems', 'technologies', 'tech', 'labs', 'enterprises', 'industries',
  'partners', 'ventures', 'international', 'global', 'digital', 'store', 'stores', 'shop', 'online', 'market',
  'bank', 'insurance', 'assurance', 'capital', 'payments', 'airlines', 'airways', 'telecom', 'wireless', 'mobile',
  'broadband', 'energy', 'electric', 'motors', 'logistics', 'freight', 'traders', 'trading', 'supplies', 'wholesale',
  'outfitters', 'apparel', 'brands', 'foods', 'coffee', 'brewery', 'bakery', 'restaurant', 'cafe', 'café', 'hotel', 'hotels',
  'resort', 'travel', 'tours', 'media', 'studio', 'studios', 'games', 'books', 'software', 'networks', 'cloud', 'hosting',
  'consulting', 'agency', 'bureau', 'clinic', 'dental', 'pharmacy', 'health', 'healthcare', 'fitness', 'realty', 'rentals',
  'academy', 'college', 'university', 'institute', 'foundation', 'association', 'club', 'society', 'union', 'council',
  'authority', 'cooperative', 'co-op', 'mutual', 'sons', 'brothers', 'bros',
]);
const GROUP_WORDS = new Set([
  ...TEAM_WORDS,
  ...COMPANY_WORDS,
  // Other languages.
  'kundendienst', 'abteilung', 'équipe', 'equipe', 'equipo', 'equipa', 'squadra', 'servicio', 'atención', 'atendimento',
  'suporte', 'soporte', 'assistenza', 'klantenservice', 'kundtjänst', 'kundeservice', 'команда', 'поддержка',
  'служба', 'отдел', 'فريق', 'الدعم', 'خدمة', 'العملاء',
]);
// German and Dutch compounds ("Kundenservice", "Servicedesk") end in one of these.
const TEAM_WORD_ENDING = /[\p{L}-](?:team|support|service|desk|dienst|abteilung|center|centre)$/u;
// Scripts written without spaces: the team word sits inside the line's one "word".
const TEAM_INSIDE_WORD = /チーム|サポート|カスタマー|客服|团队|團隊|支持|支援|客户服务|客戶服務|팀|고객센터|지원/u;
// Legal forms after a company name: "Acme Inc.", "Acme, Ltd".
const LEGAL_FORMS = new Set([
  'inc', 'ltd', 'llc', 'llp', 'gmbh', 'co', 'corp', 'plc', 'ag', 'sa', 'sas', 'sarl', 'bv', 'nv', 'pty', 'limited', 'kg',
  'srl', 'spa', 'ab', 'oy', 'kk', 'ug', 'lp',
]);
// Job titles: "Support Lead", "Customer Success Manager" describe a role, not who holds it.
const TITLE_WORDS = new Set([
  'manager', 'lead', 'leader', 'specialist', 'agent', 'representative', 'rep', 'director', 'head', 'officer', 'engineer',
  'coordinator', 'associate', 'consultant', 'advisor', 'adviser', 'executive', 'assistant', 'supervisor', 'analyst',
  'owner', 'founder', 'co-founder', 'cofounder', 'ceo', 'cto', 'coo', 'cfo', 'cmo', 'vp', 'president', 'administrator',
  'technician', 'expert', 'hero', 'champion', 'advocate', 'concierge', 'liaison', 'architect', 'developer', 'designer',
  'intern', 'senior', 'junior', 'principal', 'chief', 'ambassador', 'tier',
]);
// A signature that opens with one of these speaks for a group: "The Acme Team", "Your friends at Acme".
const GROUP_OPENERS = new Set(['the', 'your', 'our', 'all', 'everyone', 'everybody', 'das', 'die', 'der', 'ihr', 'euer', 'les', 'los', 'las', 'het', 'votre', 'notre']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'herr', 'frau', 'mme', 'mlle', 'sra', 'srta', 'dott', 'ing']);
// Words that end the name and start what describes it: "Kai from Acme", "Kai | Acme", "Kai – Support".
const TAIL_SEPARATORS = new Set(['from', 'at', '@', '|', '·', '•', '/', '-', '–', '—', 'with', 'and', '&', '+']);
const JOINERS = new Set(['and', '&', '+']);

const CASED_NAME_WORD = /^(?:\p{Lu}|\p{Lt}|(?:al|el|ad|an|ar|as|ash|d|l|o)['’-]\p{Lu})[\p{L}\p{M}'’.-]*$/u;
const UNCASED_NAME_WORD = /^[\p{L}\p{M}·・]+$/u;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const INITIAL = /^\p{Lu}\.?$/u;
// A placeholder in a signature slot named only "name" stands for the one who signs.
const GENERIC_NAME_SLOT = /^(?:full[ _-]?|first[ _-]?)?name$/iu;
const FIRST_NAME_ONLY = /first|given|nick/iu;

const MESSAGES = {
  team: 'Signed by a team, not a person: sign with your name so the customer knows who owns the case',
  none: 'No one signs this reply: sign with your name so the customer knows who owns the case',
  firstName: 'Signed with a first name only: sign with your full name so the customer can ask for you',
};
const NOTE = 'Customers come back when they know whom to ask for: a named person owns the case, a team name leaves no one responsible.';

interface Word {
  text: string;
  placeholder?: Placeholder;
}

type Reading =
  | {
      person: true;
      full: boolean;
      /** One plain capitalised word: under a title or team line, that is the company ("Acme"). */
      singleWord: boolean;
      head: string;
    }
  | { person: false; /** A team, department, company or job title: it describes the signer's role. */ role: boolean };

const NOT_A_NAME: Reading = { person: false, role: false };
const ROLE: Reading = { person: false, role: true };

const bare = (word: string): string => word.replace(/^[("'“‘[]+|[)"'”’\],.!:;，、،]+$/gu, '');

function isAgentPlaceholder(placeholder: Placeholder): boolean {
  return placeholder.role === 'agent-name' || GENERIC_NAME_SLOT.test(placeholder.name);
}

/** Words and placeholders of a signature line, in order; a placeholder is one word. */
function wordsOf(text: string, region: Region, placeholders: readonly Placeholder[]): Word[] {
  const words: Word[] = [];
  const addWords = (from: number, to: number): void => {
    for (const match of text.slice(from, to).matchAll(/\S+/gu)) words.push({ text: match[0] });
  };
  let cursor = region.start;
  for (const placeholder of placeholders) {
    if (placeholder.start < region.start || placeholder.end > region.end) continue;
    addWords(cursor, placeholder.start);
    words.push({ text: placeholder.raw, placeholder });
    cursor = placeholder.end;
  }
  addWords(cursor, region.end);
  return words;
}

/** Split "Kai Andersen, Support Lead" into the name part and what describes it. */
function splitHead(words: readonly Word[]): { head: Word[]; tail: Word[]; separator?: string } {
  let start = 0;
  while (start < words.length && /^[-–—~*•·]+$/u.test(words[start]!.text)) start++;
  const head: Word[] = [];
  for (let index = start; index < words.length; index++) {
    const word = words[index]!;
    if (word.placeholder) {
      head.push(word);
      continue;
    }
    const text = index === start ? word.text.replace(/^[-–—~*•·]+/u, '') : word.text;
    if (head.length > 0 && (TAIL_SEPARATORS.has(text.toLowerCase()) || text.startsWith('('))) {
      return { head, tail: words.slice(index + 1), separator: text.toLowerCase() };
    }
    if (/^[,，、،]$/u.test(text)) return { head, tail: words.slice(index + 1), separator: ',' };
    if (text !== '') head.push({ text });
    if (/[,，、،;]$/u.test(text)) return { head, tail: words.slice(index + 1), separator: ',' };
  }
  return { head, tail: [] };
}

function isGroupWord(word: string): boolean {
  // French and Italian elide the article: "L’équipe Acme".
  const lower = bare(word).toLowerCase().replace(/^l['’]/u, '');
  return GROUP_WORDS.has(lower) || TEAM_WORD_ENDING.test(lower) || TEAM_INSIDE_WORD.test(word);
}

const isTitleWord = (word: string): boolean => TITLE_WORDS.has(bare(word).toLowerCase());
const isLegalForm = (word: string): boolean => LEGAL_FORMS.has(bare(word).toLowerCase().replace(/\./gu, ''));

/**
 * "Harbour & Vale Bank plc", "Smith & Sons": after "&", capitalised words up to a legal form or
 * with a company noun make the whole line a company's name. "Kai & Lena" and "Kai and the
 * team" are people.
 */
function joinsCompanyName(tail: readonly Word[]): boolean {
  const joined: string[] = [];
  for (const word of tail) {
    if (word.placeholder || TAIL_SEPARATORS.has(word.text.toLowerCase())) break;
    joined.push(word.text);
    if (/[,，、،;]$/u.test(word.text)) break;
  }
  const last = joined[joined.length - 1];
  if (last === undefined || !joined.every((word) => isLegalForm(word) || CASED_NAME_WORD.test(bare(word)))) return false;
  return isLegalForm(last) || joined.some((word) => COMPANY_WORDS.has(bare(word).toLowerCase()));
}

/** Whether a signature line names a person, and how fully. */
function readLine(text: string, region: Region, placeholders: readonly Placeholder[], lowerCaseName: boolean): Reading {
  if (CONTACT_LINE.test(region.text)) return NOT_A_NAME;
  const words = wordsOf(text, region, placeholders);
  const agents = words.flatMap((word) => (word.placeholder && isAgentPlaceholder(word.placeholder) ? [word.placeholder] : []));
  if (agents.length > 0) {
    const full = agents.length > 1 || !FIRST_NAME_ONLY.test(agents[0]!.name);
    return { person: true, full, singleWord: false, head: region.text };
  }
  const { head, tail, separator } = splitHead(words);
  if (head.length === 0) return NOT_A_NAME;
  if (head.some((word) => word.placeholder)) return ROLE;
  if (GROUP_OPENERS.has(bare(head[0]!.text).toLowerCase())) return ROLE;
  if (head.some((word, index) => isGroupWord(word.text) || isTitleWord(word.text) || (index > 0 && isLegalForm(word.text)))) return ROLE;
  if (tail[0] && isLegalForm(tail[0].text)) return ROLE;
  if (separator !== undefined && JOINERS.has(separator) && joinsCompanyName(tail)) return ROLE;

  let nameWords = 0;
  let honorific = false;
  let structural = false;
  let noSpaceScript = false;
  let lastIsInitial = false;
  for (const word of head) {
    const core = bare(word.text);
    if (core === '' || !/\p{L}/u.test(core)) continue;
    const lower = core.toLowerCase().replace(/\.$/u, '');
    if (HONORIFICS.has(lower) && nameWords === 0) {
      honorific = true;
      continue;
    }
    if (NAME_PARTICLES.has(core) && nameWords > 0) {
      structural = true;
      continue;
    }
    const cased = /[\p{Lu}\p{Ll}]/u.test(core);
    if (cased ? !(CASED_NAME_WORD.test(core) || (lowerCaseName && /^\p{Ll}[\p{L}\p{M}'’-]*$/u.test(core))) : !UNCASED_NAME_WORD.test(core)) return NOT_A_NAME;
    nameWords++;
    lastIsInitial = INITIAL.test(core);
    if (!cased) structural = true;
    if (!cased && NO_SPACE_SCRIPT.test(core) && [...core].length >= 2) noSpaceScript = true;
    if (lastIsInitial || /\p{L}['’-]\p{L}/u.test(core)) structural = true;
  }
  if (nameWords === 0 || nameWords > 4) return NOT_A_NAME;
  const describedBelow = separator === 'from' || separator === 'at' || separator === '@' || tail.some((word) => isGroupWord(word.text) || isTitleWord(word.text));
  const full = honorific || noSpaceScript || (nameWords >= 2 && !lastIsInitial);
  const singleWord = nameWords === 1 && !honorific && !structural && !describedBelow;
  return { person: true, full, singleWord, head: head.map((word) => word.text).join(' ') };
}

/** The signer named in a closing such as "Warm wishes from Kai,": the words after "from". */
function closingSigner(text: string, closing: Region): Region | undefined {
  const match = /\bfrom\s+(\S.*?)[\s,!.…]*$/iu.exec(closing.text);
  if (!match) return undefined;
  const start = closing.start + match.index + match[0].indexOf(match[1]!);
  return { kind: 'signature', start, end: start + match[1]!.length, text: text.slice(start, start + match[1]!.length) };
}

/** The last non-blank line of the last body paragraph, white space left out. */
function lastBodyLine(text: string, paragraph: Region): Region {
  const lineStart = Math.max(paragraph.start, text.lastIndexOf('\n', paragraph.end - 1) + 1, text.lastIndexOf('\r', paragraph.end - 1) + 1);
  const slice = text.slice(lineStart, paragraph.end);
  const start = lineStart + (slice.length - slice.trimStart().length);
  return { kind: 'body', start, end: paragraph.end, text: text.slice(start, paragraph.end) };
}

function parseOptions(raw: unknown): MissingAgentNameOptions {
  if (raw === undefined) return { requireFullName: false };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('options must be an object such as { "requireFullName": true }');
  const { requireFullName = false, ...unknown } = raw as Record<string, unknown>;
  const extra = Object.keys(unknown)[0];
  if (extra !== undefined) throw new Error(`unknown option "${extra}" (expected "requireFullName")`);
  if (typeof requireFullName !== 'boolean') throw new Error('"requireFullName" must be true or false');
  return { requireFullName };
}

const options: RuleOptionsSpec<MissingAgentNameOptions> = { defaults: { requireFullName: false }, strict: { requireFullName: true }, parse: parseOptions };

export default defineRule<MissingAgentNameOptions>({
  meta: {
    id: 'missing-agent-name',
    description: 'Reply not signed by a named person',
    category: 'ownership',
    severity: 'warn',
    fixable: false,
    principle: '3. A named person owns the case',
    recommended: true,
  },
  options,
  create(context) {
    const { requireFullName } = context.options;
    const report = (region: Region, message: string): void => context.report({ start: region.start, end: region.end, message, note: NOTE });

    return {
      reply() {
        const { text, model } = context.reply;
        const signer = model.closing && closingSigner(text, model.closing);
        const lines = signer ? [signer, ...model.signature] : model.signature;
        const readings = lines.map((line, index) => {
          // "cheers,\nkai": a lower-case name is still a name straight under a closing.
          const lowerCaseName = index === 0 && model.closing !== undefined && line.text === line.text.toLowerCase() && /[\p{Ll}]/u.test(line.text);
          return readLine(text, line, model.placeholders, lowerCaseName);
        });

        // "Hi Marcus, … Thanks, Marcus!": the name the reply greets is the customer, not the signer.
        const greeted = new Set(model.greeting?.text.split(/[\s,!:;]+/u));
        const isGreeted = (head: string): boolean => head.split(/\s+/u).every((word) => greeted.has(bare(word)));

        const signedByGroup = readings.some((reading) => !reading.person && reading.role);
        let firstNameOnly: Region | undefined;
        for (const [index, reading] of readings.entries()) {
          if (!reading.person || isGreeted(reading.head)) continue;
          // Signature blocks go name, title, company: one plain word under a title or team line is the company.
          const above = readings[index - 1];
          if (reading.singleWord && above !== undefined && !above.person && above.role) continue;
          if (!requireFullName || reading.full) return;
          firstNameOnly ??= lines[index];
        }

        const message = signedByGroup ? MESSAGES.team : MESSAGES.none;
        const lastParagraph = model.body[model.body.length - 1];
        if (firstNameOnly) report(firstNameOnly, MESSAGES.firstName);
        else if (model.signature[0]) report(model.signature[0], message);
        else if (model.closing) report(model.closing, message);
        else if (lastParagraph) report(lastBodyLine(text, lastParagraph), message);
        else if (model.greeting) report(model.greeting, message);
      },
    };
  },
});
