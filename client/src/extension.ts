// Extension entry point on Node (desktop VS Code, VS Code servers): the server runs as a Node process.
import * as os from 'os';
import * as vscode from 'vscode';
import { activateWith, deactivateServer } from './activation';
import { nodeLauncher } from './node-launcher';

export function activate(context: vscode.ExtensionContext): void {
  activateWith(context, { launcher: nodeLauncher, homeFolder: vscode.Uri.file(os.homedir()) });
}

export function deactivate(): Thenable<void> | undefined {
  return deactivateServer();
}
