// The browser launcher (vscode.dev, github.dev, any web extension host): dist/web/server.js in a web
// worker. Where a worker cannot be created (the constructor throws) or the server in it does not
// answer `initialize` within 5 s, the same script runs in the extension host itself, over a
// MessageChannel: its `self` is one end of the channel, the client talks to the other.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { LanguageClientOptions } from 'vscode-languageclient/browser';
import { CLIENT_ID } from './ids';
import type { LaunchedServer, ServerLauncher } from './server-client';

/** How long the worker's server may take to answer `initialize` before the extension host runs it instead. */
export const WORKER_START_MS = 5000;

/** The two transports a browser client can talk to: a worker, or one end of a channel. */
type Port = ConstructorParameters<typeof LanguageClient>[3];

interface WebScope {
  Worker?: new (url: string) => Port & { terminate(): void };
  MessageChannel: new () => { port1: Port & { close(): void }; port2: Port & { close(): void } };
}
const scope = globalThis as unknown as WebScope;

export function webLauncher(context: vscode.ExtensionContext, output: vscode.OutputChannel): ServerLauncher {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  const log = (message: string) => output.appendLine(`[client] ${message}`);

  async function startOn(port: Port, options: LanguageClientOptions, prepare: (client: LanguageClient) => void, timeout?: number): Promise<LanguageClient | undefined> {
    const client = new LanguageClient(CLIENT_ID, 'Team Charter', options, port);
    prepare(client);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      if (timeout !== undefined) timer = setTimeout(() => resolve('late'), timeout);
    });
    try {
      const starting = client.start();
      starting.catch(() => undefined); // a start abandoned for being late may still fail later
      const outcome = await Promise.race([starting, late]);
      if (outcome === 'late') {
        log(`the server in the worker did not answer initialize within ${timeout! / 1000} s`);
        void client.dispose(100).catch(() => undefined);
        return undefined;
      }
      return client;
    } catch (error) {
      log(`the Team Charter server did not start: ${String(error)}`);
      void client.dispose(100).catch(() => undefined);
      return undefined;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  async function inWorker(options: LanguageClientOptions, prepare: (client: LanguageClient) => void): Promise<LaunchedServer | undefined> {
    let worker: (Port & { terminate(): void }) | undefined;
    try {
      if (!scope.Worker) throw new Error('this extension host has no Worker');
      worker = new scope.Worker(script.toString(true));
    } catch (error) {
      log(`no worker for the server (${String(error)}); running it in the extension host`);
      return undefined;
    }
    const client = await startOn(worker, options, prepare, WORKER_START_MS);
    if (!client) {
      worker.terminate();
      return undefined;
    }
    return { client, where: `${script.toString(true)} in a web worker`, dispose: () => worker!.terminate() };
  }

  async function inExtensionHost(options: LanguageClientOptions, prepare: (client: LanguageClient) => void): Promise<LaunchedServer | undefined> {
    let source: string;
    try {
      source = new TextDecoder().decode(await vscode.workspace.fs.readFile(script));
    } catch (error) {
      log(`cannot read ${script.toString(true)}: ${String(error)}`);
      return undefined;
    }
    const { port1, port2 } = new scope.MessageChannel();
    // The worker script names its global scope `self`; here that name is bound to the channel's end.
    new Function('self', source)(port2);
    const client = await startOn(port1, options, prepare);
    const dispose = () => {
      port1.close();
      port2.close();
    };
    if (!client) {
      dispose();
      return undefined;
    }
    return { client, where: `${script.toString(true)} in the extension host`, dispose };
  }

  return {
    async start(options, prepare) {
      return (await inWorker(options, prepare)) ?? (await inExtensionHost(options, prepare));
    },
  };
}
