// A minimal LSP client that drives a language server over stdio the way an editor does, and
// measures it: spawn → initialize reply, spawn or didOpen → first diagnostics, keystroke →
// diagnostics, peak memory. server-measure.ts builds the benchmark's sessions from it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';

export interface ServerSpec {
  /** Short name used in the table: `team-charter`, `yaml-ls`. */
  name: string;
  /** Script run with this process's node binary. */
  script: string;
  args: string[];
  /** Extra node flags (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /** Answers to `workspace/configuration`, by section (dotted sections are looked up inside). */
  settings: Record<string, unknown>;
  languageId: string;
}

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  source?: string;
  code?: string | number;
}

interface Waiter {
  uri: string;
  /** Publishes carrying an older version are stale and skipped; unversioned ones count. */
  minVersion: number;
  resolve(diagnostics: Diagnostic[]): void;
}

const DEFAULT_TIMEOUT_MS = 120_000;

export interface StartOptions {
  /**
   * After `initialized` and the configuration, wait until the server has been quiet this long
   * (it may pull configuration and register capabilities). 0: return at once, as an editor that
   * opens a document together with the start-up does. Default 150.
   */
  quietMs?: number;
}

export class LspSession {
  private waiters: Waiter[] = [];
  /** Milliseconds from the spawn to the first diagnostics published for each URI. */
  readonly firstPublish = new Map<string, number>();
  private publishWaiters: Array<{ count: number; resolve(): void }> = [];
  private stderr = '';
  private lastMessageAt = performance.now();
  private exited = false;
  /** Resolves when the server process exits (for whatever reason). */
  private readonly exitPromise: Promise<void>;

  private constructor(
    readonly spec: ServerSpec,
    readonly child: ChildProcess,
    private readonly connection: MessageConnection,
    /** performance.now() just before the spawn. */
    readonly spawnedAt: number,
  ) {
    this.exitPromise = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  }

  /**
   * Spawns the server on the workspace folder `rootDir` and initializes it; `initializeMs` runs
   * from just before the spawn to the reply.
   */
  static async start(spec: ServerSpec, rootDir: string, options: StartOptions = {}): Promise<{ session: LspSession; initializeMs: number }> {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), spec.script, ...spec.args], {
      cwd: rootDir,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(spec, child, connection, t0);
    session.wire();
    connection.listen();
    const rootUri = pathToFileURL(rootDir).href;
    await session.withTimeout(
      connection.sendRequest('initialize', {
        processId: process.pid,
        clientInfo: { name: 'team-charter-bench', version: '1' },
        rootUri,
        rootPath: rootDir,
        workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        capabilities: CLIENT_CAPABILITIES,
        initializationOptions: {},
      }),
      'initialize',
    );
    const initializeMs = performance.now() - t0;
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: spec.settings });
    if ((options.quietMs ?? 150) > 0) await session.settle(options.quietMs);
    return { session, initializeMs };
  }

  private wire(): void {
    const c = this.connection;
    this.child.stderr!.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    this.child.on('exit', () => {
      this.exited = true;
    });
    c.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => {
      this.touch();
      return params.items.map((item) => lookup(this.spec.settings, item.section));
    });
    c.onRequest('workspace/workspaceFolders', () => (this.touch(), null));
    c.onRequest((method: string) => {
      this.touch();
      void method; // registerCapability, workDoneProgress/create, showMessageRequest, …: accept
      return null;
    });
    c.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      this.touch();
      if (!this.firstPublish.has(p.uri)) {
        this.firstPublish.set(p.uri, performance.now() - this.spawnedAt);
        this.publishWaiters = this.publishWaiters.filter((w) => (this.firstPublish.size >= w.count ? (w.resolve(), false) : true));
      }
      const hit = this.waiters.find((w) => w.uri === p.uri && (typeof p.version !== 'number' || p.version >= w.minVersion));
      if (!hit) return;
      this.waiters = this.waiters.filter((w) => w !== hit);
      hit.resolve(p.diagnostics);
    });
    c.onNotification(() => this.touch());
    c.onError(() => undefined);
  }

  private touch(): void {
    this.lastMessageAt = performance.now();
  }

  /**
   * Waits until the server has gone quiet after start-up (it may pull configuration and register
   * capabilities), so a document opened next is checked with its settings. Same rule for every server.
   */
  private async settle(quietMs = 150, maxMs = 3000): Promise<void> {
    const start = performance.now();
    for (;;) {
      await sleep(25);
      const now = performance.now();
      if (now - start > maxMs) return;
      if (now - this.lastMessageAt >= quietMs && now - start >= quietMs) return;
    }
  }

  /** The next diagnostics published for `uri` with at least `minVersion` (or without a version). */
  diagnostics(uri: string, minVersion: number, what = `diagnostics for ${uri}`): Promise<Diagnostic[]> {
    return this.withTimeout(new Promise<Diagnostic[]>((resolve) => this.waiters.push({ uri, minVersion, resolve })), what);
  }

  /**
   * Resolves once diagnostics have been published for `count` distinct URIs (opened or not), with
   * the time from the spawn to the last of them: a workspace-wide first check.
   */
  async publishedFor(count: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number> {
    if (this.firstPublish.size < count) {
      await this.withTimeout(new Promise<void>((resolve) => this.publishWaiters.push({ count, resolve })), `diagnostics for ${count} files (got ${this.firstPublish.size})`, timeoutMs);
    }
    return Math.max(...[...this.firstPublish.values()].sort((a, b) => a - b).slice(0, count));
  }

  /** Opens a document; `ms` runs from didOpen to its first diagnostics, `sinceSpawnMs` from the spawn. */
  async open(uri: string, text: string): Promise<{ ms: number; sinceSpawnMs: number; diagnostics: Diagnostic[] }> {
    const t0 = performance.now();
    const pending = this.diagnostics(uri, 1, 'first diagnostics');
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: this.spec.languageId, version: 1, text } });
    const diagnostics = await pending;
    const end = performance.now();
    return { ms: end - t0, sinceSpawnMs: end - this.spawnedAt, diagnostics };
  }

  /**
   * Types `chars` one at a time at (line, character) with incremental didChange; each keystroke is
   * awaited until diagnostics for it arrive. Returns the latency of each keystroke in ms.
   */
  async type(uri: string, line: number, character: number, chars: string, firstVersion = 2): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < chars.length; i++) {
      const version = firstVersion + i;
      const at = { line, character: character + i };
      const t0 = performance.now();
      const pending = this.diagnostics(uri, version, `diagnostics for keystroke ${i + 1}`);
      await this.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: at, end: at }, rangeLength: 0, text: chars[i] }],
      });
      await pending;
      out.push(performance.now() - t0);
    }
    return out;
  }

  /** Peak resident set size of the server process so far (VmHWM), in MiB. */
  peakRssMiB(): number | undefined {
    return this.procStatus('VmHWM');
  }

  /** Current resident set size (VmRSS), in MiB. */
  rssMiB(): number | undefined {
    return this.procStatus('VmRSS');
  }

  private procStatus(field: string): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status)?.[1];
      return kb ? Number(kb) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  get stderrTail(): string {
    return this.stderr.trim().split('\n').slice(-5).join('\n');
  }

  /** shutdown + exit, then a kill if the process is still there after 3 s. */
  async close(): Promise<void> {
    if (!this.exited) {
      try {
        await this.withTimeout(this.connection.sendRequest('shutdown'), 'shutdown', 5000);
        await this.connection.sendNotification('exit');
      } catch {
        // the kill below ends it
      }
      await Promise.race([this.exitPromise, sleep(3000)]);
    }
    if (!this.exited) this.child.kill('SIGKILL');
    this.connection.dispose();
  }

  private async withTimeout<T>(promise: Promise<T>, what: string, ms = DEFAULT_TIMEOUT_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.spec.name}: no ${what} within ${ms} ms${this.stderr ? `; stderr: ${this.stderrTail}` : ''}`)), ms);
    });
    const exited = this.exitPromise.then(() => {
      throw new Error(`${this.spec.name} exited while waiting for ${what}${this.stderr ? `; stderr: ${this.stderrTail}` : ''}`);
    });
    try {
      return await Promise.race([promise, timeout, exited]);
    } finally {
      clearTimeout(timer);
    }
  }
}

const CLIENT_CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true, willSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
  window: { workDoneProgress: true },
};

/** `yaml` → settings.yaml; `teamCharter.rules` → settings.teamCharter.rules; unknown → null. */
function lookup(settings: Record<string, unknown>, section: string | undefined): unknown {
  if (section === undefined) return settings;
  if (section in settings) return settings[section];
  let cur: unknown = settings;
  for (const part of section.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(part in (cur as object))) return null;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
