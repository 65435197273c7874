/**
 * A minimal LSP client for black-box tests: spawns a server over stdio and records what it
 * publishes. Waits are on events, never on the clock (vitest's timeout is the only limit).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowMessageParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node.js';

export const SERVER_BIN = fileURLToPath(new URL('../../packages/language-server/bin/replylint-language-server.js', import.meta.url));

export const uriOf = (path: string): string => pathToFileURL(path).href;

export interface StartOptions {
  /** The server script; the workspace build by default. */
  serverPath?: string;
  /** Workspace folder (a path). */
  root?: string;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** Answer to `workspace/configuration` for the `replylint` section (sets the capability). */
  settings?: () => unknown;
}

interface Waiter<T> {
  matches: (value: T) => boolean;
  resolve: (value: T) => void;
}

/** Values in arrival order; `next` resolves with the first match at or after a mark. */
class Recorder<T> {
  readonly values: T[] = [];
  private waiters: Array<Waiter<T> & { from: number }> = [];

  push(value: T): void {
    this.values.push(value);
    const index = this.values.length - 1;
    this.waiters = this.waiters.filter((waiter) => {
      if (index < waiter.from || !waiter.matches(value)) return true;
      waiter.resolve(value);
      return false;
    });
  }

  mark(): number {
    return this.values.length;
  }

  next(matches: (value: T) => boolean, from = 0): Promise<T> {
    const found = this.values.slice(from).find(matches);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ matches, resolve, from }));
  }
}

export class LspClient {
  readonly diagnostics = new Recorder<PublishDiagnosticsParams>();
  readonly messages = new Recorder<ShowMessageParams>();
  readonly registrations: string[] = [];
  stderr = '';
  initializeResult!: InitializeResult;
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [options.serverPath ?? SERVER_BIN, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection);
    child.stderr.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => client.diagnostics.push(params));
    connection.onNotification(ShowMessageNotification.type, (params) => client.messages.push(params));
    connection.onRequest(RegistrationRequest.type, (params) => {
      client.registrations.push(...params.registrations.map((registration) => registration.method));
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => options.settings?.() ?? null));
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      client.applyWorkspaceEdit(params.edit);
      return { applied: true };
    });
    connection.listen();

    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.settings !== undefined,
        workspaceEdit: { documentChanges: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        didChangeConfiguration: { dynamicRegistration: true },
      },
      ...options.capabilities,
    };
    const root = options.root === undefined ? null : uriOf(options.root);
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: root === null ? null : [{ uri: root, name: 'workspace' }],
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(uri: string, text: string, languageId = 'plaintext'): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replace `range` (or the whole text) and return the new version. */
  async change(uri: string, newText: string, range?: Range): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, range ? applyTextEdits(this.text(uri), [{ range, newText }]) : newText);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [range ? { range, text: newText } : { text: newText }],
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Diagnostics for the document's current version (published at or after `from`). */
  current(uri: string, from = 0): Promise<PublishDiagnosticsParams> {
    const version = this.version(uri);
    return this.diagnostics.next((params) => params.uri === uri && params.version === version, from);
  }

  /** Apply an edit the way an editor does: locally, then a full-text change to the server. */
  applyWorkspaceEdit(edit: WorkspaceEdit): void {
    const byUri = new Map<string, TextEdit[]>(Object.entries(edit.changes ?? {}));
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) continue;
      if (change.textDocument.version !== null && change.textDocument.version !== this.version(change.textDocument.uri)) throw new Error('edit for an older version');
      byUri.set(change.textDocument.uri, change.edits as TextEdit[]);
    }
    for (const [uri, edits] of byUri) void this.change(uri, applyTextEdits(this.text(uri), edits));
  }

  async stop(): Promise<number | null> {
    if (this.process.exitCode !== null) return this.process.exitCode;
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    if (this.process.exitCode === null) {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

function offsetAt(text: string, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const newline = text.indexOf('\n', offset);
    if (newline < 0) return text.length;
    offset = newline + 1;
  }
  return Math.min(offset + position.character, text.length);
}

/** Apply non-overlapping edits (positions in UTF-16 code units, as LSP counts them). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const located = edits.map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }));
  located.sort((a, b) => b.start - a.start);
  return located.reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}
