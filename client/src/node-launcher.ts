// The desktop (and VS Code server) launcher: dist/server.js in a Node process of its own, over Node IPC.
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID } from './ids';
import { SERVER_V8_FLAGS } from '../../server/src/contract/server-process';
import type { ServerLauncher } from './server-client';

/** `v8Flags`: the flags tried first (the server's own, SERVER_V8_FLAGS, unless a test gives others). */
export function nodeLauncher(context: Pick<vscode.ExtensionContext, 'asAbsolutePath'>, output: vscode.OutputChannel, v8Flags: readonly string[] = SERVER_V8_FLAGS): ServerLauncher {
  return {
    async start(options, prepare) {
      const serverModule = context.asAbsolutePath('dist/server.js');
      // Node refuses to start on a V8 flag its V8 does not know: should a runtime ever drop one
      // of ours, the server still starts, untuned.
      for (const execArgv of [v8Flags, []]) {
        const serverOptions: ServerOptions = {
          run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...execArgv] } },
          debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6019'] } },
        };
        const client = new LanguageClient(CLIENT_ID, 'Team Charter', serverOptions, options);
        prepare(client);
        try {
          await client.start();
          return { client, where: serverModule, dispose: () => undefined };
        } catch (error) {
          output.appendLine(`[client] the Team Charter server did not start${execArgv.length ? ` with ${execArgv.join(' ')}` : ''}: ${String(error)}`);
          await client.dispose().catch(() => undefined);
        }
      }
      return undefined;
    },
  };
}
