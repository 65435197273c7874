/**
 * The `replylint` command: lint replies and templates from files, folders, globs or stdin.
 * Exit codes: 0 clean (within --max-warnings), 1 lint errors or too many warnings,
 * 2 usage, configuration or input errors (every other file is still linted and reported).
 */
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError, parseFieldPath, PLATFORMS, ruleById, rules, sourceFormats, type Config, type DocumentInfo, type Platform, type RuleSetting } from '@replylint/core';
import { IGNORE_FILE_NAME, IgnoreFile } from '@replylint/core/node';
import { DEFAULT_CACHE_FILE, LintCache } from './cache.js';
import { FORMATS, formatReport, type Format } from './formatters/index.js';
import { streamingReport } from './formatters/streaming.js';
import { expandInputs, fileProblem, LINTABLE_EXTENSIONS, readStdin, type IgnoreTest } from './inputs.js';
import { configFor, type Input, type LintSettings } from './lint-file.js';
import { lintInputs } from './lint-inputs.js';
import { ProgressBar, showsProgress } from './progress.js';
import { failedFileResult, isRendered, summaryOf, type FileResult, type FileSummary, type RenderedResult } from './results.js';
import { readRuleDocs } from './rule-docs.js';
import { parseShard, selectShard, type Shard } from './shard.js';
import { AtomicFile } from './write-file.js';

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
  workers: number | 'auto';
  cache?: boolean;
  cacheLocation?: string;
  shard?: Shard;
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  stdinIsTty: boolean;
  stdoutIsTty: boolean;
  /** Whether a progress bar may be drawn; absent counts as no. */
  stderrIsTty?: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdinIsTty: Boolean(process.stdin.isTTY),
  stdoutIsTty: Boolean(process.stdout.isTTY),
  stderrIsTty: Boolean(process.stderr.isTTY),
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

function parseWorkers(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError('expected a number of threads (1 or more) or "auto"');
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
    .option('--workers <n|auto>', 'lint on this many threads; auto: one per core for large runs, else 1', parseWorkers, 'auto')
    .option('--cache', 'skip files unchanged since the last run and replay their results (stores findings in the cache file)')
    .option('--cache-location <path>', `the cache file, or a folder for it (default: ${DEFAULT_CACHE_FILE})`)
    .option('--shard <i/n>', 'lint only the i-th of n parts of the files, e.g. for a CI matrix: --shard 2/4', parseShard)
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run replylint --help for usage)');
}

/** The options given: settings cross to worker threads and into cache keys without empty entries. */
function given<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** --kind and --platform, when given, override what the input's type says the document is. */
function documentOption(options: CliOptions): { document?: DocumentInfo } {
  if (options.kind === undefined && options.platform === undefined) return {};
  const document: DocumentInfo = { kind: options.kind ?? (options.platform ? 'template' : 'draft') };
  if (options.platform) document.platform = options.platform;
  return { document };
}

/** ./.replylintignore (or --ignore-path) as a test of absolute paths; nothing is ignored with --no-ignore. */
async function ignoreTest(options: CliOptions, cwd: string): Promise<IgnoreTest> {
  if (!options.ignore) return () => false;
  const path = resolve(cwd, options.ignorePath ?? IGNORE_FILE_NAME);
  const file = await IgnoreFile.load(path);
  if (!file && options.ignorePath !== undefined) throw new ConfigError('no such ignore file', options.ignorePath);
  return file ? (filePath, isFolder) => file.ignores(filePath, isFolder) : () => false;
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
  const settings: LintSettings = {
    configChoice: { config: options.config, overrides },
    quiet: options.quiet === true,
    version: VERSION,
    cwd: io.cwd,
    ...given({ inputFormat: options.jsonl ? 'jsonl' : options.inputFormat, templateField: options.templateField, templateNameField: options.templateNameField, jsonlField: options.jsonlField }),
    ...documentOption(options),
    ...(options.fix || options.fixDryRun ? { fix: { errorsOnly: Boolean(options.quiet), write: Boolean(options.fix) } } : {}),
    // Coverage is worked out only for the reports that carry it.
    ...(options.format === 'json' || options.format === 'sarif' ? { tactics: true } : {}),
  };
  let isIgnored: IgnoreTest;
  try {
    // Named --config problems stop the run before any input is read.
    await configFor(settings.configChoice);
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
  } else if (useStdin && options.shard) {
    io.stderr('replylint: --shard splits files among runners; it cannot split stdin\n');
    return 2;
  } else if (useStdin) {
    const named = options.stdinFilename === undefined ? {} : { formatPath: options.stdinFilename };
    inputs.push({ filePath: options.stdinFilename ?? '<stdin>', absolutePath: resolve(io.cwd, options.stdinFilename ?? 'stdin'), ...named, bytes: await readStdin() });
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
  const files = options.shard ? selectShard(expanded.files, options.shard) : expanded.files;
  for (const filePath of files) inputs.push({ filePath, absolutePath: resolve(io.cwd, filePath), formatPath: filePath });

  const toTerminal = options.outputFile === undefined && (io.stdoutIsTty || Boolean(io.env.FORCE_COLOR));
  const useColor = options.color !== false && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '') && toTerminal;
  const reportContext = { cwd: io.cwd, version: VERSION, color: useColor };

  // Results for the inputs: on worker threads when the run is large, unchanged files replayed
  // from --cache, and written out file by file (in input order) when the format allows, to
  // stdout or to the report file; a streamed report keeps only each file's counts.
  const stream = streamingReport(options.format, reportContext);
  let reportFile: AtomicFile | undefined;
  if (options.outputFile !== undefined) {
    try {
      reportFile = await AtomicFile.open(resolve(io.cwd, options.outputFile));
    } catch (error) {
      io.stderr(`replylint: cannot write the report to ${options.outputFile}: ${fileProblem(error)}\n`);
      return 2;
    }
  }
  const progress = showsProgress(inputs.length, io) ? new ProgressBar(inputs.length, io.stderr) : undefined;
  const print = (write: (text: string) => void, text: string): void => {
    if (text === '') return;
    if (progress) progress.around(() => write(text));
    else write(text);
  };
  // A report file that cannot be written (a full disk) is given up, and said so at the end; the run goes on.
  let reportProblem: unknown;
  const report = (text: string): void => {
    if (!reportFile) return print(io.stdout, text);
    if (reportProblem !== undefined) return;
    try {
      reportFile.write(text);
    } catch (error) {
      reportProblem = error;
    }
  };
  // Every file's counts (for the summary and the exit code); whole results only for a report built at the end.
  const summaries: FileSummary[] = [];
  const documentResults: FileResult[] = [];
  const keep = (result: FileResult | RenderedResult): void => {
    if (isRendered(result)) {
      summaries.push(result.summary);
      report(stream!.file(result.rendered));
      return;
    }
    summaries.push(summaryOf(result));
    if (stream) report(stream.file(stream.render(result)));
    else documentResults.push(result);
  };
  try {
    const cache = options.cache ? await LintCache.load(options.cacheLocation ?? DEFAULT_CACHE_FILE, io.cwd, (warning) => io.stderr(`replylint: ${warning}\n`)) : undefined;
    // Patterns that matched nothing come first, as they did on the command line's expansion.
    results.forEach(keep);
    await lintInputs(inputs, {
      settings,
      workers: options.workers,
      cache,
      ...(stream ? { report: { format: options.format, context: reportContext } } : {}),
      onResult(result, problems) {
        for (const problem of problems) print(io.stderr, `replylint: ${problem}\n`);
        failed ||= problems.length > 0;
        keep(result);
        progress?.advance();
      },
    });
    progress?.clear();
    await cache?.save().catch((error: unknown) => io.stderr(`replylint: cannot write the cache ${options.cacheLocation ?? DEFAULT_CACHE_FILE}: ${fileProblem(error)}\n`));
    report(stream ? stream.end(summaries) : await formatReport(options.format, documentResults, reportContext));
  } catch (error) {
    await reportFile?.abort();
    throw error;
  }
  // As in ESLint, the report goes only to the file; problems with inputs still go to stderr.
  try {
    if (reportProblem !== undefined) throw reportProblem;
    await reportFile?.commit();
  } catch (error) {
    await reportFile?.abort();
    io.stderr(`replylint: cannot write the report to ${options.outputFile}: ${fileProblem(error)}\n`);
    return 2;
  }

  if (failed) return 2;
  const errors = summaries.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = summaries.reduce((sum, result) => sum + result.warningCount, 0);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`replylint found too many warnings (${warnings}; the maximum is ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}
