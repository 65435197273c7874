/**
 * The language server over stdio, as an editor drives it: diagnostics, quick fixes, hover,
 * configuration, and the abuse a server meets in the field. Findings are rude-phrasing's,
 * with only that rule on, so the tests do not move when other rules change.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeActionRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidSaveTextDocumentNotification,
  ErrorCodes,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  MessageType,
  TextDocumentSyncKind,
  type CodeAction,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LspClient, uriOf } from './client.js';

const RUDE = 'Hi Marcus,\n\nAs I said on the phone, the refund takes five days. Please calm down.\n\nBest,\nKai Andersen\n';
const ONLY_RUDE = { extends: [], rules: { 'rude-phrasing': 'warn' } };

let workspace: string;
let client: LspClient;
let replyUri: string;

const writeConfig = (config: unknown): void => writeFileSync(join(workspace, '.replylintrc.json'), typeof config === 'string' ? config : JSON.stringify(config));

const codes = (params: { diagnostics: Array<{ code?: number | string }> }): unknown[] => params.diagnostics.map((diagnostic) => diagnostic.code);

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'replylint-lsp-'));
  replyUri = uriOf(join(workspace, 'reply.txt'));
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

beforeEach(async () => {
  writeConfig(ONLY_RUDE);
  client = await LspClient.start({ root: workspace });
});

afterEach(async () => {
  expect(await client.stop()).toBe(0);
});

describe('initialize', () => {
  it('announces incremental sync, code actions, hover and commands, and watches configuration files', async () => {
    const { capabilities } = client.initializeResult;
    expect(capabilities.textDocumentSync).toMatchObject({ openClose: true, change: TextDocumentSyncKind.Incremental });
    expect(capabilities.hoverProvider).toBe(true);
    expect(capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.replylint'] });
    expect(capabilities.executeCommandProvider?.commands).toEqual(['replylint.fixAll', 'replylint.disableRule']);
    await client.open(replyUri, RUDE);
    await client.current(replyUri);
    expect(client.registrations).toEqual(expect.arrayContaining(['workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration']));
  });
});

describe('diagnostics', () => {
  it('reports a rude reply on open with rule ids, exact ranges and links', async () => {
    await client.open(replyUri, RUDE);
    const { diagnostics } = await client.current(replyUri);
    expect(diagnostics).toEqual([
      {
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 22 } },
        severity: DiagnosticSeverity.Warning,
        code: 'rude-phrasing',
        codeDescription: { href: expect.stringMatching(/rules\/rude-phrasing\.md$/u) },
        source: 'replylint',
        message: '"As I said on the phone" reminds the customer they were told already',
      },
      expect.objectContaining({ range: { start: { line: 2, character: 52 }, end: { line: 2, character: 68 } }, code: 'rude-phrasing' }),
    ]);
  });

  it('updates on incremental changes, with positions counted in UTF-16', async () => {
    await client.open(replyUri, RUDE);
    await client.current(replyUri);
    // Remove "Please calm down." and put an emoji (two UTF-16 units) before the reminder.
    await client.change(replyUri, '', { start: { line: 2, character: 51 }, end: { line: 2, character: 69 } });
    await client.change(replyUri, '🙂 ', { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
    const { diagnostics } = await client.current(replyUri);
    expect(diagnostics.map((diagnostic) => diagnostic.range)).toEqual([{ start: { line: 2, character: 3 }, end: { line: 2, character: 25 } }]);
  });

  it('lints unsaved (untitled) documents and Markdown, and ignores languages it does not handle', async () => {
    await client.open('untitled:Untitled-1', 'Obviously the code only works once.', 'plaintext');
    await client.open(uriOf(join(workspace, 'data.json')), '{ "text": "Please calm down." }', 'json');
    await client.open(uriOf(join(workspace, 'reply.md')), '# Reply\n\nPlease calm down.\n', 'markdown');
    expect(codes(await client.current('untitled:Untitled-1'))).toEqual(['rude-phrasing']);
    expect(codes(await client.current(uriOf(join(workspace, 'reply.md'))))).toEqual(['rude-phrasing']);
    // Documents are linted in the order they were opened: the JSON file would have been published first.
    expect(client.diagnostics.values.filter((params) => params.uri.endsWith('data.json'))).toEqual([]);
  });

  it('reads Markdown as Markdown: code is skipped, and findings sit on the Markdown source', async () => {
    const uri = uriOf(join(workspace, 'macro.md'));
    await client.open(uri, '# Reply\n\nRun `calm down` first.\n\n```\nPlease calm down.\n```\n\nAs I said *on* the phone, it ships.\n', 'markdown');
    const { diagnostics } = await client.current(uri);
    expect(diagnostics.map((diagnostic) => diagnostic.range)).toEqual([{ start: { line: 8, character: 0 }, end: { line: 8, character: 24 } }]);
  });

  it('shows an inline comment naming an unknown rule as an error on the comment, and still lints', async () => {
    const uri = uriOf(join(workspace, 'directive.md'));
    await client.open(uri, 'Hi Sam,\n\n<!-- replylint-disable rude-phrase -->\nPlease calm down.\n', 'markdown');
    const { diagnostics } = await client.current(uri);
    expect(diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.severity, diagnostic.code ?? null, diagnostic.message])).toEqual([
      [2, DiagnosticSeverity.Error, null, 'replylint-disable names an unknown rule "rude-phrase"'],
      [3, DiagnosticSeverity.Warning, 'rude-phrasing', expect.any(String)],
    ]);
  });

  it('clears diagnostics when a document closes', async () => {
    await client.open(replyUri, RUDE);
    await client.current(replyUri);
    const mark = client.diagnostics.mark();
    await client.close(replyUri);
    const cleared = await client.diagnostics.next((params) => params.uri === replyUri, mark);
    expect(cleared.diagnostics).toEqual([]);
  });
});

describe('code actions', () => {
  const actionsAt = (line: number, character: number, only?: string[]): Promise<Array<CodeAction>> =>
    client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: replyUri },
      range: { start: { line, character }, end: { line, character } },
      context: { diagnostics: [], ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;

  it('offers the rewrite as the preferred quick fix; applied, it removes the warning', async () => {
    await client.open(replyUri, RUDE);
    await client.current(replyUri);
    const actions = await actionsAt(2, 5);
    expect(actions.map((action) => action.title)).toEqual([
      'Replace with "To recap our call"',
      'Disable rude-phrasing for this document',
      'Disable rude-phrasing for this workspace',
      'Fix all auto-fixable problems',
    ]);
    const [fix] = actions;
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true, diagnostics: [{ code: 'rude-phrasing' }] });
    client.applyWorkspaceEdit(fix!.edit!);
    expect(client.text(replyUri)).toContain('To recap our call, the refund takes five days.');
    const { diagnostics } = await client.current(replyUri);
    expect(diagnostics.map((diagnostic) => diagnostic.range.start)).toEqual([{ line: 2, character: 47 }]);
  });

  it('fixes every auto-fixable problem with source.fixAll.replylint and with the fixAll command', async () => {
    await client.open(replyUri, RUDE);
    await client.current(replyUri);
    const [fixAll] = await actionsAt(0, 0, ['source.fixAll']);
    expect(fixAll).toMatchObject({ kind: 'source.fixAll.replylint', title: 'Fix all auto-fixable problems' });
    client.applyWorkspaceEdit(fixAll!.edit!);
    expect((await client.current(replyUri)).diagnostics).toEqual([]);
    expect(client.text(replyUri)).toContain('To recap our call, the refund takes five days. I understand how frustrating this is.');

    const other = uriOf(join(workspace, 'other.txt'));
    await client.open(other, 'Per my last email, it shipped. Please calm down.');
    await client.current(other);
    // The server applies the edit through workspace/applyEdit; the client sends the change back.
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'replylint.fixAll', arguments: [other] });
    expect(client.text(other)).toBe('Following up on my last email, it shipped. I understand how frustrating this is.');
    expect((await client.current(other)).diagnostics).toEqual([]);
  });

  it('disables a rule for the document, then for the workspace', async () => {
    const other = uriOf(join(workspace, 'other.txt'));
    await client.open(replyUri, RUDE);
    await client.open(other, RUDE);
    await client.current(replyUri);
    await client.current(other);
    const disable = async (scope: string): Promise<void> => {
      const action = (await actionsAt(2, 5)).find((candidate) => candidate.title === `Disable rude-phrasing for this ${scope}`)!;
      await client.connection.sendRequest(ExecuteCommandRequest.type, action.command!);
    };
    let mark = client.diagnostics.mark();
    await disable('document');
    expect((await client.diagnostics.next((params) => params.uri === replyUri, mark)).diagnostics).toEqual([]);
    await client.close(replyUri);
    await client.open(replyUri, RUDE);
    expect(codes(await client.current(replyUri))).toHaveLength(2);

    mark = client.diagnostics.mark();
    await disable('workspace');
    expect((await client.diagnostics.next((params) => params.uri === other, mark)).diagnostics).toEqual([]);
    expect((await client.diagnostics.next((params) => params.uri === replyUri, mark)).diagnostics).toEqual([]);
  });
});

describe('hover', () => {
  it('explains what is wrong, why, the better phrasing and links the rule', async () => {
    await client.open(replyUri, RUDE);
    await client.current(replyUri);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: replyUri }, position: { line: 2, character: 60 } });
    const { kind, value } = hover!.contents as MarkupContent;
    expect(kind).toBe('markdown');
    expect(value).toContain('"Please calm down" tells an upset customer how to feel');
    expect(value).toContain('Why: Asking a customer to calm down has the opposite effect');
    expect(value).toContain('Principle: 1. Courtesy in writing must be exaggerated');
    expect(value).toContain('Better: "I understand how frustrating this is"');
    expect(value).toMatch(/\[rude-phrasing documentation\]\(https:\/\/\S+rude-phrasing\.md\)/u);
    expect(hover!.range).toEqual({ start: { line: 2, character: 52 }, end: { line: 2, character: 68 } });
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: replyUri }, position: { line: 0, character: 1 } })).toBeNull();
  });
});

describe('configuration', () => {
  it('recomputes diagnostics when the configuration file changes', async () => {
    await client.open(replyUri, RUDE);
    expect(codes(await client.current(replyUri))).toHaveLength(2);
    writeConfig({ extends: [], rules: { 'rude-phrasing': 'error' } });
    const mark = client.diagnostics.mark();
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(join(workspace, '.replylintrc.json')), type: FileChangeType.Changed }] });
    const { diagnostics } = await client.diagnostics.next((params) => params.uri === replyUri, mark);
    expect(diagnostics.map((diagnostic) => diagnostic.severity)).toEqual([DiagnosticSeverity.Error, DiagnosticSeverity.Error]);
  });

  it('leaves out documents that the workspace\'s .replylintignore matches, and notices when it changes', async () => {
    const ignoreFile = join(workspace, '.replylintignore');
    const legacyUri = uriOf(join(workspace, 'legacy', 'reply.txt'));
    const notifyIgnoreFile = (type: FileChangeType) => client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(ignoreFile), type }] });
    try {
      await client.open(legacyUri, RUDE);
      expect(codes(await client.current(legacyUri))).toHaveLength(2);
      writeFileSync(ignoreFile, '# generated macros\nlegacy/\n');
      let mark = client.diagnostics.mark();
      await notifyIgnoreFile(FileChangeType.Created);
      expect((await client.diagnostics.next((params) => params.uri === legacyUri, mark)).diagnostics).toEqual([]);
      rmSync(ignoreFile);
      mark = client.diagnostics.mark();
      await notifyIgnoreFile(FileChangeType.Deleted);
      expect(codes(await client.diagnostics.next((params) => params.uri === legacyUri, mark))).toHaveLength(2);
    } finally {
      rmSync(ignoreFile, { force: true });
    }
  });

  it('shows one message naming a bad configuration file and keeps linting with the defaults', async () => {
    writeConfig({ extends: [], rules: { 'rude-phrasingg': 'warn' } });
    await client.open(replyUri, RUDE);
    await client.change(replyUri, `${RUDE}\nLike I told you, it ships Monday.\n`);
    const { diagnostics } = await client.current(replyUri);
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'rude-phrasing')).toHaveLength(3);
    const [message, ...more] = client.messages.values;
    expect(message!.type).toBe(MessageType.Error);
    expect(message!.message).toContain(join(workspace, '.replylintrc.json'));
    expect(message!.message).toContain('rules.rude-phrasingg');
    expect(more).toEqual([]);
  });

  it('takes rules, run mode and enable from client settings', async () => {
    await client.stop();
    let settings: Record<string, unknown> = { rules: { 'rude-phrasing': 'error' }, run: 'onSave' };
    client = await LspClient.start({ root: workspace, settings: () => settings });
    await client.open(replyUri, RUDE);
    expect((await client.current(replyUri)).diagnostics.map((diagnostic) => diagnostic.severity)).toEqual([DiagnosticSeverity.Error, DiagnosticSeverity.Error]);

    await client.change(replyUri, 'Please calm down.');
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: replyUri } });
    expect(codes(await client.current(replyUri))).toEqual(['rude-phrasing']);

    settings = { enable: false };
    const mark = client.diagnostics.mark();
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { replylint: settings } });
    expect((await client.diagnostics.next((params) => params.uri === replyUri, mark)).diagnostics).toEqual([]);
  });

  it('names an invalid setting and ignores only that setting', async () => {
    await client.stop();
    client = await LspClient.start({ root: workspace, initializationOptions: { replylint: { rules: { 'rude-phrasing': 'loud' }, languages: ['plaintext'] } } });
    await client.open(replyUri, RUDE);
    expect(codes(await client.current(replyUri))).toEqual(['rude-phrasing', 'rude-phrasing']);
    expect(client.messages.values.map((message) => message.message)).toEqual([expect.stringMatching(/replylint settings \(rules\.rude-phrasing\): severity must be/u)]);
  });
});

describe('robustness', () => {
  it('answers malformed requests with errors and stays alive', async () => {
    const { connection } = client;
    await expect(connection.sendRequest('textDocument/hover', {})).rejects.toMatchObject({ code: ErrorCodes.InternalError });
    await expect(connection.sendRequest('replylint/no-such-request', {})).rejects.toMatchObject({ code: ErrorCodes.MethodNotFound });
    await expect(connection.sendRequest(ExecuteCommandRequest.type, { command: 'replylint.disableRule', arguments: [{ ruleId: 'nope' }] })).rejects.toMatchObject({ code: ErrorCodes.InvalidParams });
    await expect(connection.sendRequest(ExecuteCommandRequest.type, { command: 'replylint.fixAll', arguments: [42] })).rejects.toMatchObject({ code: ErrorCodes.InvalidParams });
    // Out of order: changes and closes for documents never opened, a change without a version,
    // a range past the end, a code action on a closed document, garbage in the stream.
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never-opened.txt', version: 2 }, contentChanges: [{ text: 'x' }] });
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///never-opened.txt' } });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///bad.txt', languageId: 'plaintext', version: 1, text: 42 } });
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: replyUri }, contentChanges: [{ text: 'x' }] });
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: 'nope' });
    expect(await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: 'file:///never-opened.txt' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })).toEqual([]);
    // Broken JSON, a non-numeric length, a header line without ":", bytes with no header.
    const garbage = '{"jsonrpc":"2.0","id":99,"method":';
    client.process.stdin.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
    client.process.stdin.write('Content-Length: many\r\n\r\n{}');
    client.process.stdin.write('Content-Length: 2\r\nno colon here\r\n\r\n{}');
    client.process.stdin.write('random bytes \u0000\u00ff');

    await client.open(replyUri, RUDE);
    await client.change(replyUri, 'Please calm down.', { start: { line: 40, character: 0 }, end: { line: 99, character: 9 } });
    const { diagnostics } = await client.current(replyUri);
    expect(codes({ diagnostics })).toEqual(['rude-phrasing', 'rude-phrasing', 'rude-phrasing']);
  });

  it('drops stale runs during hundreds of edits and ends on the latest text', async () => {
    await client.open(replyUri, RUDE);
    // Typed one character at a time at the end of the body paragraph, without waiting.
    const typed = ' Obviously, like I told you, the code only works once.';
    const lineEnd = RUDE.split('\n')[2]!.length;
    [...typed].forEach((character, index) => {
      const at = { line: 2, character: lineEnd + index };
      void client.change(replyUri, character, { start: at, end: at });
    });
    const final = await client.current(replyUri);
    expect(final.version).toBe(typed.length + 1);
    expect(codes(final)).toHaveLength(4);
    const versions = client.diagnostics.values.filter((params) => params.uri === replyUri).map((params) => params.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('lints a 1 MB document and survives it being edited and closed mid-lint', async () => {
    // Distinct paragraphs, so the per-paragraph cache does not make the first lint cheap.
    const paragraphs: string[] = [];
    for (let length = 0, order = 1; length < 1_048_576; order++) {
      const paragraph = `Order ${order} was checked today. As I said on the phone, the courier collects parcel ${order} tomorrow.\n\n`;
      paragraphs.push(paragraph);
      length += paragraph.length;
    }
    await client.open(replyUri, `Hi Marcus,\n\n${paragraphs.join('')}Best,\nKai\n`);
    const { diagnostics } = await client.current(replyUri);
    expect(diagnostics.length).toBe(paragraphs.length);

    // Edit, then close while the edit is being linted; the closed document stays clear.
    await client.change(replyUri, 'Please calm down. ', { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
    await client.close(replyUri);
    const small = uriOf(join(workspace, 'small.txt'));
    await client.open(small, 'Please calm down.');
    await client.current(small);
    const published = client.diagnostics.values.filter((params) => params.uri === replyUri);
    expect(published.at(-1)!.diagnostics).toEqual([]);
  });
});
