/**
 * Where the replies sit in each help desk's export, recognised by shape, and the generic
 * mapping (`field: "replies[].body"`, `name: "title"`) for any other JSON, YAML or CSV library.
 */
import type { ExportPlatform } from './formats.js';
import type { PositionedObject, PositionedString, PositionedValue } from './positioned.js';

export type Markup = 'text' | 'html';

/** One reply body found in an export, before it becomes a lint target. */
export interface TemplateBody {
  /** The template's position in the export: bodies with the same index belong to one template. */
  index: number;
  /** The template's title or id. */
  template: string;
  /** The key holding this body (`comment_value_html`), to tell a template's bodies apart. */
  field: string;
  value: PositionedString;
  markup: Markup;
}

const property = (node: PositionedValue | undefined, key: string): PositionedValue | undefined => (node?.kind === 'object' ? node.entries.get(key) : undefined);
const asString = (node: PositionedValue | undefined): PositionedString | undefined => (node?.kind === 'string' ? node : undefined);
const itemsOf = (node: PositionedValue | undefined): PositionedValue[] => (node?.kind === 'array' ? node.items : []);
const isObject = (node: PositionedValue | undefined): node is PositionedObject => node?.kind === 'object';

/** A title, else an id (a number is an id too), for naming a template in messages. */
function titleOf(item: PositionedObject, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = item.entries.get(key);
    if (value?.kind === 'string' && value.value.trim() !== '') return value.value.trim();
    if (value?.kind === 'scalar' && typeof value.value === 'number') return `${key} ${value.value}`;
  }
  return undefined;
}

interface FoundBody {
  field: string;
  value: PositionedString;
  markup: Markup;
}

export interface PlatformShape {
  platform: ExportPlatform;
  /** What the templates are called, for messages: "Zendesk macros". */
  label: string;
  /** The shape in a few words, for the wrong-shape error. */
  expected: string;
  /** Keys under which an export lists its templates (besides a top-level array). */
  listKeys: readonly string[];
  isTemplate(item: PositionedObject): boolean;
  bodies(item: PositionedObject): FoundBody[];
  nameKeys: readonly string[];
}

/** Bodies held directly by the template under these keys. */
const fieldsOf = (fields: ReadonlyArray<readonly [string, Markup]>) => (item: PositionedObject): FoundBody[] =>
  fields.flatMap(([field, markup]) => {
    const value = asString(item.entries.get(field));
    return value ? [{ field, value, markup }] : [];
  });

const ZENDESK_COMMENT_FIELDS: Readonly<Record<string, Markup>> = { comment_value: 'text', comment_value_html: 'html' };

function zendeskBodies(macro: PositionedObject): FoundBody[] {
  const actions = itemsOf(macro.entries.get('actions')).filter(isObject);
  // comment_mode_is_public false makes the macro's comment an internal note: no customer reads it.
  const internal = actions.some((action) => {
    if (asString(action.entries.get('field'))?.value !== 'comment_mode_is_public') return false;
    const value = action.entries.get('value');
    return (value?.kind === 'scalar' && value.value === false) || (value?.kind === 'string' && value.value.trim().toLowerCase() === 'false');
  });
  if (internal) return [];
  return actions.flatMap((action) => {
    const field = asString(action.entries.get('field'))?.value;
    const markup = field === undefined ? undefined : ZENDESK_COMMENT_FIELDS[field];
    if (!markup || !field) return [];
    const raw = action.entries.get('value');
    // The value is the comment, or ["channel:all", comment] with the channel first.
    const value = asString(raw) ?? (itemsOf(raw).length >= 2 ? asString(itemsOf(raw).at(-1)) : undefined);
    return value ? [{ field, value, markup }] : [];
  });
}

const GORGIAS_BODY_FIELDS = [['body_text', 'text'], ['body_html', 'html']] as const;

function gorgiasBodies(macro: PositionedObject): FoundBody[] {
  return itemsOf(macro.entries.get('actions'))
    .filter(isObject)
    .filter((action) => asString(action.entries.get('name'))?.value !== 'addInternalNote')
    .flatMap((action) => {
      const argumentsNode = action.entries.get('arguments');
      return isObject(argumentsNode) ? fieldsOf(GORGIAS_BODY_FIELDS)(argumentsNode) : [];
    });
}

export const PLATFORM_SHAPES: readonly PlatformShape[] = [
  {
    platform: 'zendesk',
    label: 'Zendesk macros',
    expected: 'macros[].actions[] with "field": "comment_value" or "comment_value_html"',
    listKeys: ['macros', 'macro'],
    isTemplate: (item) => itemsOf(item.entries.get('actions')).some((action) => asString(property(action, 'field')) !== undefined),
    bodies: zendeskBodies,
    nameKeys: ['title', 'raw_title', 'id'],
  },
  {
    platform: 'gorgias',
    label: 'Gorgias macros',
    expected: 'macros[].actions[].arguments with body_text or body_html',
    listKeys: ['data', 'macros'],
    isTemplate: (item) => itemsOf(item.entries.get('actions')).some((action) => isObject(property(action, 'arguments'))),
    bodies: gorgiasBodies,
    nameKeys: ['name', 'id'],
  },
  {
    platform: 'intercom',
    label: 'Intercom macros',
    expected: 'macros with body_text or body (HTML)',
    listKeys: ['data', 'macros'],
    isTemplate: (item) => asString(item.entries.get('type'))?.value === 'macro' || item.entries.has('body_text'),
    bodies: fieldsOf([['body_text', 'text'], ['body', 'html']]),
    nameKeys: ['name', 'title', 'id'],
  },
  {
    platform: 'freshdesk',
    label: 'Freshdesk canned responses',
    expected: 'canned responses with title and content or content_html',
    listKeys: ['canned_responses', 'responses', 'data'],
    isTemplate: (item) => item.entries.has('title') && (item.entries.has('content') || item.entries.has('content_html')),
    bodies: fieldsOf([['content', 'text'], ['content_html', 'html']]),
    nameKeys: ['title', 'id'],
  },
  {
    platform: 'helpscout',
    label: 'Help Scout saved replies',
    expected: 'saved replies with name and text (HTML)',
    listKeys: ['replies', 'saved_replies', 'savedReplies'],
    isTemplate: (item) => item.entries.has('name') && asString(item.entries.get('text')) !== undefined,
    bodies: fieldsOf([['text', 'html']]),
    nameKeys: ['name', 'id'],
  },
];

/** The lists an export may keep its templates in: the top level, a list key, Help Scout's `_embedded`, or one template alone. */
function candidateLists(root: PositionedValue, shape: PlatformShape): PositionedValue[][] {
  if (root.kind === 'array') return [root.items];
  if (root.kind !== 'object') return [];
  const lists: PositionedValue[][] = [];
  const holders = [root, property(root, '_embedded')].filter(isObject);
  for (const holder of holders) {
    for (const key of shape.listKeys) {
      const node = holder.entries.get(key);
      if (node?.kind === 'array') lists.push(node.items);
      else if (isObject(node)) lists.push([node]);
    }
  }
  lists.push([root]);
  return lists;
}

export interface ShapeMatch {
  shape: PlatformShape;
  templates: PositionedObject[];
}

/** The platform whose templates the export holds most of (`only` forces one). */
export function detectShape(root: PositionedValue, only?: ExportPlatform): ShapeMatch | undefined {
  let best: ShapeMatch | undefined;
  for (const shape of PLATFORM_SHAPES) {
    if (only && shape.platform !== only) continue;
    for (const list of candidateLists(root, shape)) {
      const templates = list.filter(isObject).filter((item) => shape.isTemplate(item));
      if (templates.length > (best?.templates.length ?? 0)) best = { shape, templates };
      if (templates.length > 0) break;
    }
  }
  return best;
}

/** Whether the export lists templates under a known key but that list is empty (`"macros": []`). */
export function emptyTemplateList(root: PositionedValue): string | undefined {
  if (root.kind === 'array') return root.items.length === 0 ? 'the top-level list' : undefined;
  const keys = new Set(PLATFORM_SHAPES.flatMap((shape) => shape.listKeys));
  for (const holder of [root, property(root, '_embedded')].filter(isObject)) {
    for (const [key, node] of holder.entries) if (keys.has(key) && node.kind === 'array' && node.items.length === 0) return `"${key}"`;
  }
  return undefined;
}

export function platformBodies(match: ShapeMatch): TemplateBody[] {
  return match.templates.flatMap((item, index) => {
    const template = titleOf(item, match.shape.nameKeys) ?? `#${index + 1}`;
    return match.shape.bodies(item).map((body) => ({ index, template, ...body }));
  });
}

// ---------------------------------------------------------------------------------------------
// The generic mapping: a field path such as `replies[].body`, `[].text` or `library.*.body`

type Step = { key: string } | { each: true };

/** Parse a field path; throws an Error naming what is wrong with it. */
export function parseFieldPath(path: string): Step[] {
  const steps: Step[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\])*)$/u.exec(part);
    if (!match || (match[1] === '' && match[2] === '')) throw new Error(`"${path}" is not a field path (write keys separated by dots, and [] to go through each item of a list, e.g. replies[].body)`);
    if (match[1] === '*') steps.push({ each: true });
    else if (match[1] !== '') steps.push({ key: match[1]! });
    for (let count = match[2]!.length / 2; count > 0; count--) steps.push({ each: true });
  }
  return steps;
}

export interface FieldMatch {
  value: PositionedValue;
  /** The innermost list item (or map value) the path went through: where the name field is looked up. */
  item: PositionedValue;
  /** Where the value sits, for naming it when the template has no name: `replies[3].body`. */
  location: string;
}

/** Every value the path reaches, in document order. */
export function followPath(root: PositionedValue, steps: readonly Step[]): FieldMatch[] {
  let matches: FieldMatch[] = [{ value: root, item: root, location: '' }];
  for (const step of steps) {
    const next: FieldMatch[] = [];
    for (const match of matches) {
      if ('key' in step) {
        const value = property(match.value, step.key);
        if (value) next.push({ value, item: match.item, location: match.location ? `${match.location}.${step.key}` : step.key });
      } else if (match.value.kind === 'array') {
        match.value.items.forEach((value, index) => next.push({ value, item: value, location: `${match.location}[${index}]` }));
      } else if (match.value.kind === 'object') {
        for (const [key, value] of match.value.entries) next.push({ value, item: value, location: match.location ? `${match.location}.${key}` : key });
      }
    }
    matches = next;
  }
  return matches;
}

/** The template's name from the `name` path, looked up from the item that holds the body. */
export function nameAt(match: FieldMatch, nameSteps: readonly Step[] | undefined): string {
  const name = nameSteps ? followPath(match.item, nameSteps)[0]?.value : undefined;
  if (name?.kind === 'string' && name.value.trim() !== '') return name.value.trim();
  if (name?.kind === 'scalar' && name.value !== null) return String(name.value);
  return match.location || 'the document';
}
