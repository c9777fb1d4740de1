// The web server bundle (dist/web/server.js) as a browser editor starts it: a classic Worker created
// by a page in headless Chromium, LSP messages over postMessage. The page answers the server's file
// requests (`teamCharter/readFile`, `teamCharter/findFiles`) from an in-memory file map, the way
// the extension answers them with workspace.fs; every other message is passed to a protocol
// connection here, so a test talks to the worker as to any language server.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  ConfigurationRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { DataCallback, Disposable, InitializeResult, Message, ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import type { Browser, Page } from 'playwright-core';
import { CHARTER_FILE_NAME, CHARTER_FILE_PATTERN } from '../../server/src/contract/files';

/** How the page answers the file requests: from the map, with MethodNotFound, or not at all. */
export type FileRequests = 'answer' | 'method-not-found' | 'silent';

export interface WorkerServerOptions {
  /** The worker script (default: this checkout's dist/web/server.js). */
  script: string;
  /** URI → text: what the client can read. */
  files?: Record<string, string>;
  fileRequests?: FileRequests;
  /** Workspace folder URIs. */
  folders?: string[];
  initializationOptions?: unknown;
  /** The `teamCharter` section answered to workspace/configuration. */
  settings?: Record<string, unknown>;
}

/**
 * Runs in the page: starts the worker, answers its file requests from `files` (glob: the charter
 * pattern, the only one the server asks for), forwards everything else to the test, and records the
 * file requests it saw. A function whose source the page evaluates (this project compiles without DOM types).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
const PAGE_SCRIPT = (setup: { files: Record<string, string>; mode: FileRequests; charterPattern: string; charterName: string }) => {
  const w = globalThis as any;
  const isCharter = (uri: string) => new RegExp(setup.charterName).test(uri.split('/').pop() ?? '');
  w.fileRequests = [];
  w.worker = new w.Worker('/server.js');
  w.worker.onerror = (e: any) => w.toTest({ workerError: String(e.message ?? e) });
  w.worker.onmessage = (event: any) => {
    const m = event.data;
    if (m && (m.method === 'teamCharter/readFile' || m.method === 'teamCharter/findFiles')) {
      w.fileRequests.push({ method: m.method, params: m.params });
      if (setup.mode === 'silent') return;
      if (setup.mode === 'method-not-found') {
        w.worker.postMessage({ jsonrpc: '2.0', id: m.id, error: { code: -32601, message: `Unhandled method ${m.method}` } });
        return;
      }
      let result: unknown;
      if (m.method === 'teamCharter/readFile') {
        const text = setup.files[m.params.uri];
        result = typeof text === 'string' ? { text } : null;
      } else {
        if (m.params.include !== setup.charterPattern) throw new Error(`unexpected findFiles include ${m.params.include}`);
        const base = m.params.base.endsWith('/') ? m.params.base : m.params.base + '/';
        result = Object.keys(setup.files).filter((uri) => uri.startsWith(base) && isCharter(uri) && !/\/(node_modules|\.git)\//.test(uri.slice(base.length - 1)));
      }
      w.worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
      return;
    }
    w.toTest(m);
  };
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Messages from the page, in the order the page sent them. */
class PageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly queued: Message[] = [];

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const m of this.queued.splice(0)) callback(m);
    return { dispose: () => (this.callback = undefined) };
  }

  push(message: Message): void {
    if (this.callback) this.callback(message);
    else this.queued.push(message);
  }
}

/** Messages to the worker, one after the other (each a page.evaluate). */
class PageWriter extends AbstractMessageWriter {
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly page: Page) {
    super();
  }

  write(message: Message): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    this.chain = this.chain.then(() => this.page.evaluate((m) => (globalThis as any).worker.postMessage(m), message));
    return this.chain;
  }

  end(): void {}
}

/** Serves the test page and the worker script on 127.0.0.1 (a Worker needs a same-origin URL). */
async function serve(script: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.url === '/server.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(fs.readFileSync(script));
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Team Charter web server test</title>');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

export class WorkerServer {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly configurationRequests: unknown[] = [];
  workerErrors: string[] = [];
  initializeResult!: InitializeResult;
  private waiters: Array<() => void> = [];

  private constructor(
    readonly page: Page,
    readonly connection: ProtocolConnection,
    private readonly http: http.Server,
  ) {}

  static async start(browser: Browser, options: WorkerServerOptions): Promise<WorkerServer> {
    const httpServer = await serve(options.script);
    const page = await browser.newPage();
    const reader = new PageReader();
    const connection = createProtocolConnection(reader, new PageWriter(page));
    const server = new WorkerServer(page, connection, httpServer);
    await page.exposeFunction('toTest', (m: Message & { workerError?: string }) => {
      if (m.workerError !== undefined) server.workerErrors.push(m.workerError);
      else reader.push(m);
    });
    await page.goto(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/`);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => server.record(() => server.published.push(p)));
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.onRequest(ConfigurationRequest.type, (p) =>
      p.items.map((item) => {
        server.configurationRequests.push(item);
        return item.section === 'teamCharter' ? (options.settings ?? {}) : null;
      }),
    );
    connection.listen();
    await page.evaluate(PAGE_SCRIPT, { files: options.files ?? {}, mode: options.fileRequests ?? 'answer', charterPattern: CHARTER_FILE_PATTERN, charterName: CHARTER_FILE_NAME.source });
    const folders = options.folders ?? [];
    server.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: folders[0] ?? null,
      workspaceFolders: folders.map((uri) => ({ uri, name: uri.split('/').pop() ?? uri })),
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { relatedInformation: true } },
      },
      initializationOptions: options.initializationOptions ?? null,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  private record(push: () => void): void {
    push();
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** The next publish for `uri` that `accept` takes (earlier ones count too). */
  async diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, ms = 15000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = [...this.published].reverse().find((p) => p.uri === uri);
      if (hit && accept(hit)) return hit;
      if (Date.now() > deadline) throw new Error(`no accepted diagnostics for ${uri} within ${ms} ms; last: ${JSON.stringify(hit?.diagnostics.map((d) => d.code))}; worker errors: ${this.workerErrors.join('; ')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  async open(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** The file requests the page saw (and answered, or not). */
  fileRequests(): Promise<Array<{ method: string; params: { uri?: string; base?: string } }>> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return this.page.evaluate(() => (globalThis as any).fileRequests);
  }

  async stop(): Promise<void> {
    this.connection.dispose();
    await this.page.close().catch(() => undefined);
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }
}
