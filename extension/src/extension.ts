/**
 * replylint for VS Code: starts the bundled language server and adds what only the editor
 * can do — persisting "disable for this workspace" in settings, fix on save, commands that
 * work from the palette, and restarting when the handled languages change.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const SECTION = 'replylint';
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('replylint');

interface RuleInfo {
  id: string;
  description: string;
  url: string;
}

let client: LanguageClient | undefined;

function handledLanguages(): string[] {
  // The manifest declares the default, so the setting is always present.
  return vscode.workspace.getConfiguration(SECTION).get<string[]>('languages') ?? [];
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Saved files and untitled editors holding a pasted draft.
    documentSelector: handledLanguages().flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    middleware: {
      executeCommand: async (command, args, next) => {
        // From the palette the commands carry no document: use the active editor's.
        if (command === 'replylint.fixAll' && args.length === 0) {
          const document = vscode.window.activeTextEditor?.document;
          return document ? next(command, [document.uri.toString()]) : undefined;
        }
        // "Disable for this workspace" is kept in the workspace settings, not only in the server.
        const [argument] = args as Array<{ ruleId?: string; scope?: string } | undefined>;
        if (command === 'replylint.disableRule' && argument?.scope === 'workspace' && argument.ruleId) {
          const settings = vscode.workspace.getConfiguration(SECTION);
          const rules = { ...settings.get<Record<string, unknown>>('rules'), [argument.ruleId]: 'off' };
          await settings.update('rules', rules, vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
          return undefined;
        }
        return next(command, args);
      },
    },
  };
  return new LanguageClient('replylint', 'replylint', serverOptions, clientOptions);
}

/** The edits of `source.fixAll.replylint` for a document, for fix on save. */
async function fixAllEdits(document: vscode.TextDocument): Promise<vscode.TextEdit[]> {
  if (!client?.isRunning()) return [];
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0), FIX_ALL_KIND.value);
  const fixAll = actions?.find((action) => action.kind && FIX_ALL_KIND.contains(action.kind));
  return fixAll?.edit?.get(document.uri) ?? [];
}

async function showRuleDocumentation(ruleId?: unknown): Promise<void> {
  const rules = client?.isRunning() ? await client.sendRequest<RuleInfo[]>('replylint/rules') : [];
  let rule = rules.find((candidate) => candidate.id === ruleId);
  if (!rule) {
    // The rules flagged under the cursor first, then the rest.
    const editor = vscode.window.activeTextEditor;
    const here = new Set(
      editor
        ? vscode.languages
            .getDiagnostics(editor.document.uri)
            .filter((diagnostic) => diagnostic.source === 'replylint' && diagnostic.range.contains(editor.selection.active))
            .map((diagnostic) => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code)))
        : [],
    );
    const ordered = [...rules].sort((a, b) => Number(here.has(b.id)) - Number(here.has(a.id)));
    const picked = await vscode.window.showQuickPick(
      ordered.map((candidate) => ({ label: candidate.id, description: candidate.description, rule: candidate })),
      { placeHolder: 'Show the documentation of a replylint rule' },
    );
    rule = picked?.rule;
  }
  if (rule) await vscode.env.openExternal(vscode.Uri.parse(rule.url));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('replylint.showRuleDocumentation', showRuleDocumentation),
    vscode.workspace.onWillSaveTextDocument((event) => {
      const settings = vscode.workspace.getConfiguration(SECTION, event.document);
      if (settings.get<boolean>('fixOnSave') && settings.get<boolean>('enable') !== false && handledLanguages().includes(event.document.languageId)) {
        event.waitUntil(fixAllEdits(event.document));
      }
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // The document selector is fixed when the client starts.
      if (event.affectsConfiguration(`${SECTION}.languages`)) {
        await client?.dispose();
        client = createClient(context);
        await client.start();
      }
    }),
    { dispose: () => void client?.dispose() },
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}
