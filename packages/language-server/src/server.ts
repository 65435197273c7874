/**
 * The replylint language server: diagnostics while typing, quick fixes, hover and
 * configuration, over any LSP connection. It calls the same `lint` as the CLI; the core
 * caches text analysis per paragraph, so a keystroke re-analyses only the paragraph it touched.
 */
import { fileURLToPath } from 'node:url';
import { extractTargets, lintTarget, rules, ruleById, ruleUrl, type LintMessage, type ResolvedConfig } from '@replylint/core';
import { CONFIG_FILE_NAMES, IGNORE_FILE_NAME } from '@replylint/core/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  CodeActionKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { Commands, FIX_ALL_KIND, codeActions, fixAllEdits, workspaceEdit, type DisableRuleArguments, type EditOptions } from './actions.js';
import { DocumentConfigs } from './configuration.js';
import { problemDiagnostic, toDiagnostic } from './diagnostics.js';
import { hoverAt } from './hover.js';
import type { LintedDocument } from './linted.js';
import { parseSettings, type Settings } from './settings.js';
import { LatencyRecorder, Samples, type Summary } from './stats.js';

/** Custom requests, documented in docs/editors.md. */
export const Requests = {
  /** The built-in rules: id, description, principle, severity, fixable, documentation URL. */
  rules: 'replylint/rules',
  /** Keystroke-to-diagnostics latency and lint time measured in the server, and its memory use. */
  stats: 'replylint/stats',
} as const;

export interface StatsParams {
  /** Start a new latency measurement after answering. */
  reset?: boolean;
}

export interface Stats {
  /** Milliseconds from handling a change to sending the diagnostics that include it. */
  latency: Summary;
  /** Milliseconds spent in the core's `lint` per run. */
  lint: Summary;
  memory: NodeJS.MemoryUsage;
  documents: number;
}

/**
 * Resolves after two turns of the event loop. vscode-jsonrpc handles one queued message per
 * turn, so every change that had arrived by now has been applied when this resolves.
 */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

const CONFIG_NAMES: ReadonlySet<string> = new Set([...CONFIG_FILE_NAMES, IGNORE_FILE_NAME]);

/** Editor language ids read through an input format, so that positions land in the Markdown or HTML source. */
const FORMAT_OF_LANGUAGE: Readonly<Record<string, string>> = { markdown: 'markdown', html: 'html' };

function pathOfFolder(uri: string | null | undefined): string | undefined {
  if (!uri?.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const latency = new LatencyRecorder();
  const lintTime = new Samples();

  let client: ClientCapabilities = {};
  let workspaceRoot: string | undefined;
  /** Settings given without `workspace/configuration`: initializationOptions, then didChangeConfiguration. */
  let pushedSettings: unknown;
  const settingsByUri = new Map<string, Promise<Settings>>();
  /** Settings already received, so a keystroke knows synchronously whether to lint. */
  const knownSettings = new Map<string, Settings>();
  const disabledInDocument = new Map<string, Set<string>>();
  const disabledInWorkspace = new Set<string>();
  /** The last published result per document: hover and code actions reuse it. */
  const latest = new Map<string, LintedDocument>();
  /** Problems already shown, so a broken configuration is announced once, not per keystroke. */
  const announced = new Set<string>();

  function announce(message: string): void {
    if (announced.has(message)) return;
    announced.add(message);
    connection.console.error(message);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `replylint: ${message}` });
  }

  const configs = new DocumentConfigs(() => workspaceRoot, announce);
  const editOptions = (): EditOptions => ({ documentChanges: client.workspace?.workspaceEdit?.documentChanges === true });

  function settingsFor(uri: string): Promise<Settings> {
    let settings = settingsByUri.get(uri);
    if (!settings) {
      settings = fetchSettings(uri).then((fetched) => {
        if (settingsByUri.get(uri) === settings) knownSettings.set(uri, fetched);
        return fetched;
      });
      settingsByUri.set(uri, settings);
    }
    return settings;
  }

  async function fetchSettings(uri: string): Promise<Settings> {
    let pulled: unknown;
    if (client.workspace?.configuration) {
      try {
        [pulled] = await connection.workspace.getConfiguration([{ scopeUri: uri, section: 'replylint' }]);
      } catch (error) {
        connection.console.warn(`workspace/configuration failed, using the settings pushed by the client: ${(error as Error).message}`);
      }
    }
    // Clients answer null for a section they know nothing about.
    const { settings, problems } = parseSettings(pulled ?? pushedSettings);
    problems.forEach(announce);
    return settings;
  }

  function withoutDisabled(config: ResolvedConfig, uri: string): ResolvedConfig {
    const inDocument = disabledInDocument.get(uri);
    if (disabledInWorkspace.size === 0 && !inDocument) return config;
    const disabled = (id: string): boolean => disabledInWorkspace.has(id) || inDocument?.has(id) === true;
    return { rules: config.rules.filter((entry) => !disabled(entry.rule.meta.id)) };
  }

  /** Lint the document as it is now; undefined when its settings or language leave it alone. */
  async function lintDocument(document: TextDocument): Promise<LintedDocument | undefined> {
    const settings = await settingsFor(document.uri);
    if (!settings.enable || !settings.languages.includes(document.languageId) || (await configs.isIgnored(document.uri))) return undefined;
    const config = withoutDisabled(await configs.forDocument(document.uri, settings), document.uri);
    // A copy: the synced document is updated in place by later changes, the result must not be.
    const snapshot = TextDocument.create(document.uri, document.languageId, document.version, document.getText());
    const started = performance.now();
    const source = snapshot.getText();
    const targets = await extractTargets(source, { format: FORMAT_OF_LANGUAGE[document.languageId] ?? 'text' });
    const messages: LintMessage[] = [];
    for (const target of targets) messages.push(...(await lintTarget(target, { source, config })).messages);
    lintTime.add(performance.now() - started);
    return { document: snapshot, version: snapshot.version, messages, problems: targets.flatMap((target) => target.problems ?? []) };
  }

  // One lint loop per document; `dirty` says the document or its configuration changed since
  // the loop last looked, so the result it is computing is stale.
  const running = new Set<string>();
  const dirty = new Set<string>();

  function schedule(uri: string): void {
    dirty.add(uri);
    if (running.has(uri)) return;
    running.add(uri);
    void lintLoop(uri).finally(() => running.delete(uri));
  }

  async function lintLoop(uri: string): Promise<void> {
    while (dirty.has(uri)) {
      dirty.delete(uri);
      // Let a burst of edits finish: lint the latest text once, not every version on the way.
      await settle();
      if (dirty.has(uri)) continue;
      await lintAndPublish(uri);
    }
  }

  async function lintAndPublish(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const snapshotTime = performance.now();
    let linted: LintedDocument | undefined;
    try {
      linted = await lintDocument(document);
    } catch (error) {
      connection.console.error(`linting ${uri} failed: ${(error as Error).stack ?? String(error)}`);
      return;
    }
    // Changes or a close that arrived while linting make this result stale: drop it.
    await settle();
    if (dirty.has(uri) || documents.get(uri) !== document) return;
    if (!linted) {
      if (latest.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      latency.forget(uri);
      return;
    }
    latest.set(uri, linted);
    const diagnostics = [...linted.problems.map((problem) => problemDiagnostic(problem, linted.document)), ...linted.messages.map((message) => toDiagnostic(message, linted.document))];
    void connection.sendDiagnostics({ uri, version: linted.version, diagnostics });
    latency.published(uri, snapshotTime);
  }

  /** The result for the document's current text, linting it if the last result is older. */
  async function current(uri: string): Promise<LintedDocument | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const cached = latest.get(uri);
    if (cached?.version === document.version) return cached;
    const linted = await lintDocument(document);
    return linted && documents.get(uri) === document && document.version === linted.version ? linted : undefined;
  }

  function relintAll(): void {
    for (const document of documents.all()) schedule(document.uri);
  }

  function forgetSettings(): void {
    settingsByUri.clear();
    knownSettings.clear();
    announced.clear();
  }

  connection.onInitialize((params): InitializeResult => {
    client = params.capabilities ?? {};
    workspaceRoot = pathOfFolder(params.workspaceFolders?.[0]?.uri ?? params.rootUri) ?? params.rootPath ?? undefined;
    const options = params.initializationOptions as { replylint?: unknown } | null | undefined;
    pushedSettings = options?.replylint;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [Commands.fixAll, Commands.disableRule] },
      },
      serverInfo: { name: 'replylint-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'replylint' });
    }
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/{${[...CONFIG_NAMES].join(',')}}` }],
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const settings = (params?.settings as { replylint?: unknown } | null | undefined)?.replylint;
    if (settings !== undefined) pushedSettings = settings;
    forgetSettings();
    relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const touchesConfig = (params?.changes ?? []).some((change) => CONFIG_NAMES.has(String(change?.uri).split(/[\\/]/u).pop() ?? ''));
    if (!touchesConfig) return;
    configs.clear();
    announced.clear();
    relintAll();
  });

  // Fired on open and on every change; settings are forgotten on close, so opening always lints.
  documents.onDidChangeContent(({ document }) => {
    if (knownSettings.get(document.uri)?.run === 'onSave') return;
    latency.received(document.uri);
    schedule(document.uri);
  });

  documents.onDidSave(({ document }) => {
    if (knownSettings.get(document.uri)?.run === 'onSave') schedule(document.uri);
  });

  documents.onDidClose(({ document }) => {
    const { uri } = document;
    dirty.delete(uri);
    latest.delete(uri);
    latency.forget(uri);
    disabledInDocument.delete(uri);
    settingsByUri.delete(uri);
    knownSettings.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onHover(async (params) => {
    const linted = await current(params.textDocument.uri);
    return linted ? hoverAt(linted, linted.document.offsetAt(params.position)) : null;
  });

  connection.onCodeAction(async (params) => {
    const linted = await current(params.textDocument.uri);
    return linted ? codeActions(linted, params, editOptions()) : [];
  });

  connection.onExecuteCommand(async (params) => {
    const [argument] = params.arguments ?? [];
    switch (params.command) {
      case Commands.fixAll: {
        const uri = typeof argument === 'string' ? argument : (argument as { uri?: unknown } | undefined)?.uri;
        if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${Commands.fixAll} takes the document URI`);
        const linted = await current(uri);
        const edits = linted ? fixAllEdits(linted) : [];
        if (linted && edits.length > 0) await connection.workspace.applyEdit({ label: 'Fix all auto-fixable problems', edit: workspaceEdit(linted, edits, editOptions()) });
        return null;
      }
      case Commands.disableRule: {
        const { ruleId, scope, uri } = (argument ?? {}) as Partial<DisableRuleArguments>;
        if (typeof ruleId !== 'string' || !ruleById.has(ruleId) || (scope !== 'workspace' && (scope !== 'document' || typeof uri !== 'string'))) {
          throw new ResponseError(ErrorCodes.InvalidParams, `${Commands.disableRule} takes { ruleId, scope: "document" | "workspace", uri }`);
        }
        if (scope === 'workspace') {
          disabledInWorkspace.add(ruleId);
          relintAll();
        } else {
          const disabled = disabledInDocument.get(uri!) ?? new Set<string>();
          disabledInDocument.set(uri!, disabled.add(ruleId));
          schedule(uri!);
        }
        return null;
      }
      default:
        throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${String(params.command)}`);
    }
  });

  connection.onRequest(Requests.rules, () => rules.map(({ meta }) => ({ ...meta, url: ruleUrl(meta.id) })));

  connection.onRequest(Requests.stats, (params?: StatsParams): Stats => ({
    latency: latency.summary(params?.reset === true),
    lint: lintTime.summary(params?.reset === true),
    memory: process.memoryUsage(),
    documents: documents.all().length,
  }));

  documents.listen(connection);
  connection.listen();
}
