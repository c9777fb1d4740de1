// Extension entry point in a browser extension host (vscode.dev, github.dev; package.json `browser`):
// the server runs in a web worker, or in the extension host where no worker can be had.
import type * as vscode from 'vscode';
import { activateWith, deactivateServer } from './activation';
import { webLauncher } from './web-launcher';

export function activate(context: vscode.ExtensionContext): void {
  activateWith(context, { launcher: webLauncher });
}

export function deactivate(): Thenable<void> | undefined {
  return deactivateServer();
}
