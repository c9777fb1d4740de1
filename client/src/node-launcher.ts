// The desktop (and VS Code server) launcher: dist/server.js in a Node process of its own, over Node IPC.
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID } from './ids';
import type { ServerLauncher } from './server-client';

export function nodeLauncher(context: vscode.ExtensionContext, output: vscode.OutputChannel): ServerLauncher {
  return {
    async start(options, prepare) {
      const serverModule = context.asAbsolutePath('dist/server.js');
      const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
      };
      const client = new LanguageClient(CLIENT_ID, 'Team Charter', serverOptions, options);
      prepare(client);
      try {
        await client.start();
      } catch (error) {
        output.appendLine(`[client] the Team Charter server did not start: ${String(error)}`);
        await client.dispose().catch(() => undefined);
        return undefined;
      }
      return { client, where: serverModule, dispose: () => undefined };
    },
  };
}
