// What both entry points (extension.ts for Node, browser-extension.ts for browsers) do on
// activation; they differ only in how the server is started. Activation is cheap (commands + status
// item); the language server process starts once a charter is open, or right away when the
// workspace contains charters (the server then uses the idle time to warm up, so the first charter
// opened is checked sooner). `onLanguage:yaml` also activates us for other YAML files: those start
// nothing. The extension runs no workspace code, makes no network calls and collects no telemetry:
// the server only reads charters and .charterrc files.
import * as vscode from 'vscode';
import { CHARTER_GLOB, isCharterDocument, isConfigDocument } from './charter-files';
import { registerCommands } from './commands';
import { DecisionMaps } from './decision-map';
import { SETTINGS_SECTION } from './ids';
import { CharterServer } from './server-client';
import type { ServerLauncher } from './server-client';
import { CharterStatus } from './status';

let server: CharterServer | undefined;

export interface Platform {
  launcher(context: vscode.ExtensionContext, output: vscode.OutputChannel): ServerLauncher;
  /** Where "New charter" offers to save when no folder is open (the home folder on a desktop). */
  homeFolder?: vscode.Uri;
}

export function activateWith(context: vscode.ExtensionContext, platform: Platform): void {
  const output = vscode.window.createOutputChannel('Team Charter');
  server = new CharterServer(platform.launcher(context, output), output);
  const charterServer = server;
  const status = new CharterStatus(charterServer);
  output.appendLine(`[client] Team Charter ${context.extension.packageJSON.version} activated`);

  const ours = (doc: vscode.TextDocument) => isCharterDocument(doc) || isConfigDocument(doc);
  const startIfCharterOpen = () => {
    if (vscode.workspace.textDocuments.some(ours)) void charterServer.start();
  };
  context.subscriptions.push(
    output,
    charterServer,
    status,
    ...registerCommands(charterServer, platform.homeFolder),
    new DecisionMaps(charterServer),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (ours(doc)) void charterServer.start();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(`${SETTINGS_SECTION}.enable`)) return;
      if (CharterServer.enabled()) startIfCharterOpen();
      else void charterServer.stop();
      status.update();
    }),
  );
  startIfCharterOpen();
  void startIfWorkspaceHasCharters(charterServer);
}

async function startIfWorkspaceHasCharters(charterServer: CharterServer): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length || !CharterServer.enabled()) return;
  const found = await vscode.workspace.findFiles(CHARTER_GLOB, '**/node_modules/**', 1);
  if (found.length) void charterServer.start();
}

export function deactivateServer(): Thenable<void> | undefined {
  return server?.stop();
}
