/**
 * Linting one input: the unit of work the CLI runs in its own thread or on a worker. Everything
 * it needs crosses a thread boundary as plain data (`LintSettings`, `LintTask`), and each
 * thread discovers configuration itself, so a worker lints a file exactly as the main thread would.
 */
import { createHash } from 'node:crypto';
import { ConfigError, lineColumn, lintTarget, resolveConfig, rules, SourceError, streamTargets, type Config, type DocumentInfo, type LintMessage, type ResolvedConfig, type SourceProblem } from '@replylint/core';
import { ConfigLoader, loadConfigFile, type FoundConfig } from '@replylint/core/node';
import { lintOrFix } from './fixing.js';
import { decodeReply, fileProblem, InputError, readSource } from './inputs.js';
import { failedFileResult, fileResult, problemMessage, replySummaries, replyTactics, SOURCE_RANGE, toResultMessage, type FileResult, type ReplyTactics } from './results.js';
import { mappingFor, type MappingFlags } from './templates.js';
import { FileChangedError, writeFileAtomic, type FileSnapshot } from './write-file.js';

/** What decides each file's configuration: `--config <file>`, `--no-config` (false) or discovery (absent), then `--rule`. */
export interface ConfigChoice {
  config?: string | false;
  overrides: Config[];
}

/** Everything that shapes a file's results besides its text and configuration; part of the cache key. */
export interface LintSettings extends MappingFlags {
  configChoice: ConfigChoice;
  quiet: boolean;
  version: string;
  /** Configuration's `templates` globs are relative to this folder when no configuration file names them. */
  cwd: string;
  /** `--input-format` (or `--jsonl`): every input read as this format instead of choosing by extension. */
  inputFormat?: string;
  /** `--kind` / `--platform`: what every input is, over what its type says. */
  document?: DocumentInfo;
  /** `--fix` (write) or `--fix-dry-run`; `--quiet` fixes errors only. */
  fix?: { errorsOnly: boolean; write: boolean };
  /** Report each reply's TACTICS coverage (JSON and SARIF). */
  tactics?: boolean;
}

/** An input of the run. */
export interface Input {
  /** As shown in reports (relative to the working folder), or the stdin name. */
  filePath: string;
  /** Configuration is discovered from here; the file is read from here unless `bytes` are given. */
  absolutePath: string;
  /** The name whose extension chooses the input format (none for plain stdin). */
  formatPath?: string;
  /** Already read (stdin). */
  bytes?: Uint8Array;
}

export interface LintTask extends Input {
  /** The input's place in the run: results are reported in this order. */
  index: number;
  /** Caching: compute the file's cache key. */
  wantKey?: boolean;
  /** The key stored by an earlier run: while it matches, the file is not linted again. */
  cachedKey?: string;
}

/**
 * A FileResult as plain data: structured clone and JSON drop symbol keys, so each message's
 * source range travels beside it.
 */
export interface PortableResult {
  result: FileResult;
  sourceRanges: Array<{ start: number; end: number } | null>;
}

/** How a task ended, with its result (as `R` once it has crossed from a worker thread). */
export type LintOutcome<R = FileResult> =
  /** `problems` (for stderr): parts of the file that could not be read (a bad line of a JSON Lines archive); the rest was linted. */
  | { index: number; kind: 'linted'; result: R; problems: string[]; key?: string }
  /** The cache's stored result still holds. */
  | { index: number; kind: 'unchanged'; key: string }
  /** Could not be read or configured: the result is one fatal message, `problem` goes to stderr. */
  | { index: number; kind: 'failed'; result: R; problem: string };

export function toPortable(result: FileResult): PortableResult {
  return { result, sourceRanges: result.messages.map((message) => message[SOURCE_RANGE] ?? null) };
}

export function fromPortable({ result, sourceRanges }: PortableResult, filePath = result.filePath): FileResult {
  const messages = result.messages.map((message, index) => {
    const range = sourceRanges[index];
    return range ? { ...message, [SOURCE_RANGE]: range } : message;
  });
  return { ...result, filePath, messages };
}

export interface FileConfig {
  resolved: ResolvedConfig;
  /** The configuration file, when there is one: `templates` globs are relative to its folder. */
  source?: string;
}

/** The configuration for each file: discovered per folder, or fixed by --config / --no-config. */
export async function configFor(choice: ConfigChoice): Promise<(filePath: string) => Promise<FileConfig>> {
  let fixed: FoundConfig | undefined;
  if (choice.config === false) fixed = {};
  if (typeof choice.config === 'string') {
    const source = choice.config;
    const config = await loadConfigFile(source);
    if (!config) throw new ConfigError('no such file (or a package.json without a "replylint" key)', source);
    // Resolved once up front, so that a bad rule setting fails before any file is read.
    resolveConfig(config, ...choice.overrides);
    fixed = { config, source };
  }
  const loader = new ConfigLoader(choice.overrides, fixed);
  return async (filePath) => {
    const { resolved, source } = await loader.forFile(filePath);
    return source === undefined ? { resolved } : { resolved, source };
  };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** JSON with sorted keys, so equal configurations hash equally whatever order their files list keys in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof RegExp) return String(item);
    if (item instanceof Set) return [...item];
    if (item instanceof Map) return Object.fromEntries(item);
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return item;
  });
}

/**
 * What a cached result depends on besides the file's text and configuration: the version, the
 * rules this build knows (their metadata), and the settings.
 */
export function settingsKey(settings: LintSettings): string {
  return sha256(canonicalJson({ ...settings, rules: rules.map((rule) => rule.meta) }));
}

export interface LintContext {
  settings: LintSettings;
  configForFile(filePath: string): Promise<FileConfig>;
  settingsKey: string;
  /** Per resolved configuration (discovery returns one object per folder): its hash. */
  configKeys: WeakMap<ResolvedConfig, string>;
}

export async function createLintContext(settings: LintSettings): Promise<LintContext> {
  return { settings, configForFile: await configFor(settings.configChoice), settingsKey: settingsKey(settings), configKeys: new WeakMap() };
}

function cacheKey(context: LintContext, { resolved, source }: FileConfig, text: string): string {
  let configKey = context.configKeys.get(resolved);
  if (configKey === undefined) {
    const ruleSettings = resolved.rules.map(({ rule, severity, options }) => [rule.meta.id, severity, options]);
    configKey = sha256(canonicalJson({ ...resolved, rules: ruleSettings, source }));
    context.configKeys.set(resolved, configKey);
  }
  return sha256(`${context.settingsKey}\n${configKey}\n${text}`);
}

interface LintedSource {
  /** How many replies were linted. */
  targets: number;
  /** Their names (a template's title, a MIME part), in the file's order. */
  names: Array<string | undefined>;
  messages: LintMessage[];
  /** Each reply's TACTICS coverage, when the settings ask for it. */
  tactics: ReplyTactics[];
  /** Problems with parts of the file (a bad line of a JSON Lines archive), placed; the rest was linted. */
  problems: Array<{ line: number; column: number; message: string }>;
}

/** Every reply in a file linted, its messages in the file's order. */
async function lintSource(source: string, input: Input, { resolved: config, source: configSource }: FileConfig, settings: LintSettings): Promise<LintedSource> {
  const { inputFormat: format, document, tactics: withTactics = false } = settings;
  const mapping = await mappingFor(input.absolutePath, settings, config, configSource, settings.cwd);
  const messages: LintMessage[] = [];
  const tactics: ReplyTactics[] = [];
  const names: Array<string | undefined> = [];
  const problems: LintedSource['problems'] = [];
  let targets = 0;
  try {
    const extraction = { ...mapping, ...(input.formatPath === undefined ? {} : { path: input.formatPath }), ...(format === undefined ? {} : { format }), onProblem: (problem: SourceProblem) => problems.push({ ...lineColumn(source, problem.start), message: problem.message }) };
    // One target at a time: an archive of a million replies is never held as targets all at once.
    for await (const target of streamTargets(source, extraction)) {
      const [problem] = target.problems ?? [];
      if (problem) throw new InputError(input.filePath, `line ${source.slice(0, problem.start).split(/\r\n|\r|\n/u).length}: ${problem.message}`);
      targets++;
      names.push(target.name);
      const result = await lintTarget(document ? { ...target, document } : target, { source, config, path: input.filePath, tactics: withTactics });
      messages.push(...result.messages);
      if (result.tactics) tactics.push(replyTactics(result.tactics, target.name));
    }
  } catch (error) {
    if (error instanceof SourceError) throw new InputError(input.filePath, error.message);
    throw error;
  }
  if (targets > 1) messages.sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
  return { targets, names, messages, tactics, problems };
}

/**
 * One pass of the fix loop. Fixes are escaped for where they land, so a pass after the first
 * never finds the file broken; should one, that is a bug, and the file is left as it was
 * rather than written unreadable.
 */
async function lintPass(filePath: string, previous: LintedSource | undefined, lint: () => Promise<LintedSource>): Promise<LintedSource> {
  const unfixable = (problem: string): InputError => new InputError(filePath, `the fixes would leave it unreadable (${problem}), so it was not fixed; please report this`);
  let linted: LintedSource;
  try {
    linted = await lint();
  } catch (error) {
    throw previous !== undefined && error instanceof InputError ? unfixable(error.problem) : error;
  }
  const added = previous === undefined ? undefined : linted.problems[previous.problems.length];
  if (added) throw unfixable(`line ${added.line}: ${added.message}`);
  return linted;
}

/** Replace the file with its fixed text, unless someone changed it since it was read. */
async function writeFixed(path: string, shownAs: string, output: string, snapshot: FileSnapshot): Promise<void> {
  try {
    await writeFileAtomic(path, output, { unchangedSince: snapshot });
  } catch (error) {
    if (error instanceof FileChangedError) throw new InputError(shownAs, 'changed on disk since it was read; the fixes were not written (run replylint --fix again)');
    throw new InputError(shownAs, `cannot write the fixed file: ${fileProblem(error)}`);
  }
}

export async function lintTask(task: LintTask, context: LintContext): Promise<LintOutcome> {
  const { index, filePath } = task;
  try {
    const { text, snapshot }: { text: string; snapshot?: FileSnapshot } = task.bytes ? { text: decodeReply(task.bytes, filePath) } : await readSource(task.absolutePath, filePath);
    const config = await context.configForFile(task.absolutePath);
    const { settings } = context;
    const key = task.wantKey ? cacheKey(context, config, text) : undefined;
    if (key !== undefined && key === task.cachedKey) return { index, kind: 'unchanged', key };
    // The fix loop lints the output last: `linted` is what remains in the file as it will be.
    let linted: LintedSource | undefined;
    const { output } = await lintOrFix(text, async (source) => (linted = await lintPass(filePath, linted, () => lintSource(source, task, config, settings))).messages, settings.fix);
    const { targets, names, messages, tactics, problems } = linted!;
    if (output !== undefined && settings.fix?.write && snapshot) await writeFixed(task.absolutePath, filePath, output, snapshot);
    const shown = settings.quiet ? messages.filter((message) => message.fatal) : messages;
    // Problems are errors in their place, beside the findings of the rest; with nothing linted, the file failed.
    const placed = [...problems.map((problem) => problemMessage(problem, targets === 0)), ...shown.map(toResultMessage)].sort((a, b) => a.line - b.line || a.column - b.column);
    const linedUp = targets === 0 && problems.length > 0 ? { ...fileResult(filePath, placed), score: null } : fileResult(filePath, placed);
    const withReplies = targets > 1 ? { ...linedUp, replies: replySummaries(names, placed) } : linedUp;
    const withTactics = settings.tactics ? { ...withReplies, tactics } : withReplies;
    const result = output === undefined ? withTactics : { ...withTactics, output };
    const stderr = problems.map((problem) => `${filePath}:${problem.line}:${problem.column}: ${problem.message}`);
    // Linted afresh every time: a file with problems (so that they are reported each time), and a fixed one (so that a later run fixes it again should it come back).
    const cacheable = key !== undefined && problems.length === 0 && output === undefined;
    return { index, kind: 'linted', result, problems: stderr, ...(cacheable ? { key } : {}) };
  } catch (error) {
    if (!(error instanceof InputError || error instanceof ConfigError)) throw error;
    return { index, kind: 'failed', result: failedFileResult(filePath, error.message), problem: error.message };
  }
}
