/**
 * The `replylint` command: lint replies and templates from files, folders, globs or stdin.
 * Exit codes: 0 clean (within --max-warnings), 1 lint errors or too many warnings,
 * 2 usage, configuration or input errors (every other file is still linted and reported).
 */
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, lineColumn, lintTarget, parseFieldPath, PLATFORMS, resolveConfig, ruleById, rules, sourceFormats, SourceError, streamTargets, type Config, type DocumentInfo, type FieldMapping, type LintMessage, type Platform, type ResolvedConfig, type RuleSetting, type SourceProblem } from '@replylint/core';
import { ConfigLoader, IGNORE_FILE_NAME, IgnoreFile, loadConfigFile, type FoundConfig } from '@replylint/core/node';
import { FORMATS, formatReport, type Format } from './formatters/index.js';
import { decodeReply, expandInputs, fileProblem, InputError, LINTABLE_EXTENSIONS, readSource, readStdin, type IgnoreTest } from './inputs.js';
import { lintOrFix } from './fixing.js';
import { failedFileResult, fileResult, problemMessage, toResultMessage, type FileResult } from './results.js';
import { readRuleDocs } from './rule-docs.js';
import { mappingFor } from './templates.js';
import { FileChangedError, writeFileAtomic, type FileSnapshot } from './write-file.js';

const EXPORT_EXTENSIONS = sourceFormats()
  .filter((format) => format.searchFolders === false)
  .flatMap((format) => format.extensions);

const VERSION = '0.1.0';

interface CliOptions {
  format: Format;
  outputFile?: string;
  maxWarnings?: number;
  rule: Array<[string, RuleSetting]>;
  config?: string | false;
  quiet?: boolean;
  explain?: string;
  listRules?: boolean;
  stdinFilename?: string;
  inputFormat?: string;
  templateField?: string;
  templateNameField?: string;
  jsonl?: boolean;
  jsonlField?: string;
  color?: boolean;
  kind?: DocumentInfo['kind'];
  platform?: Platform;
  fix?: boolean;
  fixDryRun?: boolean;
  ignore: boolean;
  ignorePath?: string;
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  stdinIsTty: boolean;
  stdoutIsTty: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdinIsTty: Boolean(process.stdin.isTTY),
  stdoutIsTty: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
};

function parseRuleFlag(value: string, previous: Array<[string, RuleSetting]>): Array<[string, RuleSetting]> {
  const match = /^([a-z][a-z-]*):(off|info|warn|error|0|1|2)$/u.exec(value.trim());
  if (!match) throw new InvalidArgumentError(`expected <rule-id>:<off|info|warn|error>, got "${value}"`);
  if (!ruleById.has(match[1]!)) throw new InvalidArgumentError(`unknown rule "${match[1]}" (see --list-rules)`);
  const severity = /^\d$/u.test(match[2]!) ? (Number(match[2]) as 0 | 1 | 2) : (match[2] as 'off' | 'info' | 'warn' | 'error');
  return [...previous, [match[1]!, severity]];
}

function fieldPath(value: string): string {
  try {
    parseFieldPath(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
  return value;
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < -1) throw new InvalidArgumentError('expected a whole number (−1 for no limit)');
  return count;
}

function listRules(): string {
  const width = Math.max(...rules.map((rule) => rule.meta.id.length));
  const rows = rules.map(({ meta }) => `${meta.id.padEnd(width)}  ${meta.severity.padEnd(5)}  ${(meta.fixable ? 'fix' : '').padEnd(3)}  ${meta.description}`);
  return `${'rule'.padEnd(width)}  ${'level'}  fix  description\n${rows.join('\n')}\n`;
}

async function explain(id: string): Promise<string> {
  const rule = ruleById.get(id);
  if (!rule) throw new InvalidArgumentError(`unknown rule "${id}" (see --list-rules)`);
  return (await readRuleDocs(id)) ?? `# ${id}\n\n${rule.meta.description}.\n\nPrinciple: ${rule.meta.principle}\n`;
}

function program(io: Io): Command {
  return new Command('replylint')
    .description('Lint customer support replies and templates before they are sent.')
    .argument('[paths...]', `files, folders or globs (${LINTABLE_EXTENSIONS.join(', ')}; help-desk exports and libraries in ${EXPORT_EXTENSIONS.join(', ')} when named or matched by a glob); "-" or piped input reads stdin`)
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to this file instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--rule <id:severity>', 'set a rule\'s severity (repeatable), e.g. --rule weak-closing:off', parseRuleFlag, [])
    .option('-c, --config <file>', 'use this configuration file instead of looking for one')
    .option('--no-config', 'ignore configuration files (recommended preset plus --rule)')
    .option('-q, --quiet', 'report errors only, not warnings')
    .option('--fix', 'apply the automatic fixes to the files, then report what remains')
    .option('--fix-dry-run', 'compute the fixes without writing them (the fixed text is "output" in --format json)')
    .option('--explain <rule-id>', 'print a rule\'s documentation')
    .option('--list-rules', 'list the rules')
    .option('--stdin-filename <name>', 'the name to show for input read from stdin (its extension chooses the input format)')
    .addOption(new Option('--input-format <format>', 'read every input as this format instead of choosing by extension').choices(sourceFormats().map((format) => format.name)))
    .addOption(new Option('--kind <kind>', 'lint the inputs as drafts about to be sent or as templates').choices(['draft', 'template']))
    .addOption(new Option('--platform <name>', 'the help desk the templates are written for (placeholder syntax and fields)').choices(Object.keys(PLATFORMS)))
    .option('--template-field <path>', 'where the replies are in a JSON, YAML or CSV library: a field path such as replies[].body, or a CSV column', fieldPath)
    .option('--template-name-field <path>', 'the field naming each template (its title or id), from the item holding the reply', fieldPath)
    .addOption(new Option('--jsonl', 'read inputs as JSON Lines, one sent reply per line (same as --input-format jsonl)').conflicts('inputFormat'))
    .option('--jsonl-field <path>', 'the field holding the reply in each JSON Lines record (default: reply, body, text, content or message)', fieldPath)
    .option('--ignore-path <file>', `read ignore patterns from this file instead of ./${IGNORE_FILE_NAME}`)
    .option('--no-ignore', `lint files even when ${IGNORE_FILE_NAME} matches them`)
    .option('--no-color', 'never colour the output (NO_COLOR is respected too)')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run replylint --help for usage)');
}

/** --kind and --platform, when given, override what the input's type says the document is. */
function documentOption(options: CliOptions): { document?: DocumentInfo } {
  if (options.kind === undefined && options.platform === undefined) return {};
  const document: DocumentInfo = { kind: options.kind ?? (options.platform ? 'template' : 'draft') };
  if (options.platform) document.platform = options.platform;
  return { document };
}

interface Input {
  filePath: string;
  /** The name whose extension chooses the input format (none for plain stdin). */
  formatPath?: string;
  /** The text, and for files the snapshot --fix checks before writing. */
  read(): Promise<{ text: string; snapshot?: FileSnapshot }>;
}

interface PlacedProblem {
  line: number;
  column: number;
  message: string;
}

interface LintedSource {
  /** How many replies were linted. */
  targets: number;
  messages: LintMessage[];
  /** Problems with the file or parts of it (a bad line of a JSON Lines archive), placed; the rest was linted. */
  problems: PlacedProblem[];
}

/** Every reply in a file linted, its messages in the file's order. */
async function lintSource(source: string, input: Input, config: ResolvedConfig, options: CliOptions, mapping: FieldMapping): Promise<LintedSource> {
  const format = options.jsonl ? 'jsonl' : options.inputFormat;
  const { document } = documentOption(options);
  const messages: LintMessage[] = [];
  const problems: PlacedProblem[] = [];
  let targets = 0;
  try {
    const extraction = { ...mapping, ...(input.formatPath === undefined ? {} : { path: input.formatPath }), ...(format === undefined ? {} : { format }), onProblem: (problem: SourceProblem) => problems.push({ ...lineColumn(source, problem.start), message: problem.message }) };
    // One target at a time: an archive of a million replies is never held as targets all at once.
    for await (const target of streamTargets(source, extraction)) {
      const [problem] = target.problems ?? [];
      if (problem) throw new InputError(input.filePath, `line ${source.slice(0, problem.start).split(/\r\n|\r|\n/u).length}: ${problem.message}`);
      targets++;
      messages.push(...(await lintTarget(document ? { ...target, document } : target, { source, config, path: input.filePath })).messages);
    }
  } catch (error) {
    if (error instanceof SourceError) throw new InputError(input.filePath, error.message);
    throw error;
  }
  if (targets > 1) messages.sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
  return { targets, messages, problems };
}

interface FileConfig {
  resolved: ResolvedConfig;
  /** The configuration file, when there is one: `templates` globs are relative to its folder. */
  source?: string;
}

/** The configuration for each file: discovered per folder, or fixed by --config / --no-config. */
async function configFor(options: CliOptions, overrides: Config[]): Promise<(filePath: string) => Promise<FileConfig>> {
  let fixed: FoundConfig | undefined;
  if (options.config === false) fixed = {};
  if (typeof options.config === 'string') {
    const source = options.config;
    const config = await loadConfigFile(source);
    if (!config) throw new ConfigError('no such file (or a package.json without a "replylint" key)', source);
    // Resolved once up front, so that a bad rule setting fails before any file is read.
    resolveConfig(config, ...overrides);
    fixed = { config, source };
  }
  const loader = new ConfigLoader(overrides, fixed);
  return async (filePath) => {
    const { resolved, source } = await loader.forFile(filePath);
    return source === undefined ? { resolved } : { resolved, source };
  };
}

/** ./.replylintignore (or --ignore-path) as a test of absolute paths; nothing is ignored with --no-ignore. */
async function ignoreTest(options: CliOptions, cwd: string): Promise<IgnoreTest> {
  if (!options.ignore) return () => false;
  const path = resolve(cwd, options.ignorePath ?? IGNORE_FILE_NAME);
  const file = await IgnoreFile.load(path);
  if (!file && options.ignorePath !== undefined) throw new ConfigError('no such ignore file', options.ignorePath);
  return file ? (filePath, isFolder) => file.ignores(filePath, isFolder) : () => false;
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

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const command = program(io);
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const options = command.opts<CliOptions>();
  const paths = command.args;

  try {
    if (options.listRules) {
      io.stdout(listRules());
      return 0;
    }
    if (options.explain !== undefined) {
      io.stdout(await explain(options.explain));
      return 0;
    }
  } catch (error) {
    io.stderr(`replylint: ${(error as Error).message}\n`);
    return 2;
  }

  const overrides: Config[] = options.rule.length > 0 ? [{ rules: Object.fromEntries(options.rule) }] : [];
  let configForFile: (filePath: string) => Promise<FileConfig>;
  let isIgnored: IgnoreTest;
  try {
    configForFile = await configFor(options, overrides);
    isIgnored = await ignoreTest(options, io.cwd);
  } catch (error) {
    io.stderr(`replylint: ${(error as Error).message}\n`);
    return 2;
  }

  const inputs: Input[] = [];
  const results: FileResult[] = [];
  let failed = false;
  const useStdin = paths.includes('-') || (paths.length === 0 && !io.stdinIsTty);
  if (paths.length === 0 && !useStdin) {
    io.stderr(command.helpInformation());
    return 2;
  }
  if (options.fix && options.fixDryRun) {
    io.stderr('replylint: --fix and --fix-dry-run cannot be used together\n');
    return 2;
  }
  if (useStdin && options.fix) {
    // As in ESLint: there is no file to write, and mixing the fixed text into the report would garble both.
    io.stderr('replylint: --fix cannot write piped input back; use --fix-dry-run --format json (the fixed text is each result\'s "output")\n');
    return 2;
  }
  const warnIgnored = (filePath: string): void => io.stderr(`replylint: warning: ${filePath}: ignored because of a matching ignore pattern; use --no-ignore to lint it\n`);
  if (useStdin && options.stdinFilename !== undefined && isIgnored(resolve(io.cwd, options.stdinFilename))) {
    warnIgnored(options.stdinFilename);
  } else if (useStdin) {
    const filePath = options.stdinFilename ?? '<stdin>';
    inputs.push({ filePath, ...(options.stdinFilename === undefined ? {} : { formatPath: options.stdinFilename }), read: async () => ({ text: decodeReply(await readStdin(), filePath) }) });
  }
  const expanded = await expandInputs(
    paths.filter((path) => path !== '-'),
    io.cwd,
    isIgnored,
  );
  expanded.ignored.forEach(warnIgnored);
  for (const error of expanded.errors) {
    io.stderr(`replylint: ${error.message}\n`);
    results.push(failedFileResult(error.filePath, error.message));
    failed = true;
  }
  for (const filePath of expanded.files) inputs.push({ filePath, formatPath: filePath, read: () => readSource(resolve(io.cwd, filePath), filePath) });

  const fix = options.fix || options.fixDryRun ? { errorsOnly: Boolean(options.quiet) } : undefined;
  for (const input of inputs) {
    try {
      const { text, snapshot } = await input.read();
      const absolutePath = resolve(io.cwd, input.filePath === '<stdin>' ? 'stdin' : input.filePath);
      const { resolved: config, source: configSource } = await configForFile(absolutePath);
      const mapping = await mappingFor(absolutePath, options, config, configSource, io.cwd);
      // The fix loop lints the output last: `linted` is what remains in the file as it will be.
      let linted: LintedSource | undefined;
      const { output } = await lintOrFix(text, async (source) => (linted = await lintPass(input.filePath, linted, () => lintSource(source, input, config, options, mapping))).messages, fix);
      const { targets, messages, problems } = linted!;
      if (output !== undefined && options.fix && snapshot) await writeFixed(absolutePath, input.filePath, output, snapshot);
      const shown = options.quiet ? messages.filter((message) => message.fatal) : messages;
      // Problems are errors in their place, beside the findings of the rest; with nothing linted, the file failed.
      for (const problem of problems) io.stderr(`replylint: ${input.filePath}:${problem.line}:${problem.column}: ${problem.message}\n`);
      failed ||= problems.length > 0;
      const placed = [...problems.map((problem) => problemMessage(problem, targets === 0)), ...shown.map(toResultMessage)].sort((a, b) => a.line - b.line || a.column - b.column);
      const result = targets === 0 && problems.length > 0 ? { ...fileResult(input.filePath, placed), score: null } : fileResult(input.filePath, placed);
      results.push(output === undefined ? result : { ...result, output });
    } catch (error) {
      if (!(error instanceof InputError || error instanceof ConfigError)) throw error;
      io.stderr(`replylint: ${error.message}\n`);
      results.push(failedFileResult(input.filePath, error.message));
      failed = true;
    }
  }

  const toTerminal = options.outputFile === undefined && (io.stdoutIsTty || Boolean(io.env.FORCE_COLOR));
  const useColor = options.color !== false && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '') && toTerminal;
  const report = await formatReport(options.format, results, { cwd: io.cwd, version: VERSION, color: useColor });
  if (options.outputFile === undefined) {
    io.stdout(report);
  } else {
    // As in ESLint, the report goes only to the file; problems with inputs still go to stderr.
    try {
      await writeFileAtomic(resolve(io.cwd, options.outputFile), report);
    } catch (error) {
      io.stderr(`replylint: cannot write the report to ${options.outputFile}: ${fileProblem(error)}\n`);
      return 2;
    }
  }

  if (failed) return 2;
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`replylint found too many warnings (${warnings}; the maximum is ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}
