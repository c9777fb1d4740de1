// A small LSP client for protocol tests: spawns the bundled server over stdio like an editor,
// keeps its own copy of each open document (applying workspace edits the server asks for), and
// records what the server publishes and asks.
import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  ClientCapabilities,
  FileChangeType,
  InitializeResult,
  LogMessageParams,
  ProtocolConnection,
  PublishDiagnosticsParams,
  Registration,
  ShowMessageParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/lint';
import { ROOT } from '../helpers/fixtures';
import { BASE_CHARTER } from '../helpers/fixtures';

export const SERVER_JS = path.join(ROOT, 'dist/server.js');
export { BASE_CHARTER };
export const TODAY = '2026-11-25';

/** Builds dist/ once when it is missing (npm test builds it before mocha runs). */
export function ensureBuilt(): void {
  if (!fs.existsSync(SERVER_JS)) execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

/** What VS Code advertises, in the parts the server looks at. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { dataSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    rename: { prepareSupport: true },
  },
};

/** What Neovim 0.7 advertises in the parts that matter: no pull configuration, no dynamic registration. */
export const MINIMAL_CAPABILITIES: ClientCapabilities = {
  workspace: { applyEdit: true, workspaceFolders: true },
  textDocument: {
    completion: { completionItem: { snippetSupport: false } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { relatedInformation: true },
  },
};

/**
 * Most protocol tests open many copies of one charter in one folder, which as a set would be
 * teams sharing one id: they check single-charter features with the organisation view off
 * (test/lsp/organisation.test.ts turns it on).
 */
const SINGLE_CHARTER = { teamCharter: { organisation: { enable: false } } };

export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** The `teamCharter` section answered to workspace/configuration. */
  settings?: Record<string, unknown>;
  /** Other sections answered to workspace/configuration (for other servers, e.g. `yaml`). */
  sections?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Workspace folders (file-system paths). */
  folders?: string[];
  env?: Record<string, string>;
  /** The script to run instead of dist/server.js (e.g. the bin). */
  script?: string;
}

interface OpenDoc {
  text: string;
  version: number;
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly registrations: Registration[] = [];
  /** `teamCharter/validated` notifications: `{ uri, version }` after each publish. */
  readonly validated: Array<{ uri: string; version?: number }> = [];
  readonly configurationRequests: Array<{ scopeUri?: string; section?: string }> = [];
  readonly docs = new Map<string, OpenDoc>();
  settings: Record<string, unknown>;
  stderr = '';
  initializeResult!: InitializeResult;
  private waiters: Array<() => void> = [];

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    ensureBuilt();
    const proc = spawn(process.execPath, [options.script ?? SERVER_JS, '--stdio'], {
      env: { ...process.env, TEAM_CHARTER_TODAY: TODAY, ...(options.env ?? {}) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new TestClient(proc, connection, options);
    proc.stderr.on('data', (d) => (client.stderr += String(d)));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => client.record(() => client.published.push(p)));
    connection.onNotification(ShowMessageNotification.type, (p) => client.record(() => client.messages.push(p)));
    connection.onNotification(LogMessageNotification.type, (p) => client.record(() => client.logs.push(p)));
    connection.onNotification('teamCharter/validated', (p: { uri: string; version?: number }) => client.record(() => client.validated.push(p)));
    connection.onRequest(RegistrationRequest.type, (p) => {
      client.registrations.push(...p.registrations);
      return null;
    });
    connection.onRequest(ConfigurationRequest.type, (p) =>
      p.items.map((item) => {
        client.configurationRequests.push(item);
        return item.section === 'teamCharter' ? client.settings : (options.sections?.[item.section ?? ''] ?? null);
      }),
    );
    connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      client.applyWorkspaceEdit(p.edit);
      return { applied: true };
    });
    connection.listen();
    const folders = options.folders ?? [];
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0] ? uriOf(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: path.basename(f) })),
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions ?? SINGLE_CHARTER,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private record(push: () => void): void {
    push();
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when `check` returns a value (re-checked after each notification), or rejects after `ms`. */
  async until<T>(what: string, check: () => T | undefined, ms = 8000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The latest diagnostics for the document's current version (optionally: that satisfy `accept`). */
  diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, ms?: number): Promise<PublishDiagnosticsParams> {
    return this.until(
      `diagnostics for ${path.basename(uri)} v${this.docs.get(uri)?.version}`,
      () => {
        const last = [...this.published].reverse().find((p) => p.uri === uri);
        if (!last) return undefined;
        const current = this.docs.get(uri)?.version;
        if (last.version !== undefined && current !== undefined && last.version !== current) return undefined;
        return accept(last) ? last : undefined;
      },
      ms,
    );
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<void> {
    this.docs.set(uri, { text, version: 1 });
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (a full-document change event). */
  async setText(uri: string, text: string): Promise<void> {
    const doc = this.doc(uri);
    doc.text = text;
    doc.version++;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [{ text }] });
  }

  /** Applies non-overlapping edits of one version locally and sends them as incremental changes. */
  async edit(uri: string, edits: TextEdit[]): Promise<void> {
    const doc = this.doc(uri);
    doc.text = applyEdits(doc.text, edits);
    doc.version++;
    // Changes in one notification apply one after the other: send them last-first so positions stay valid.
    const lastFirst = edits
      .map((e, i) => ({ e, i }))
      .sort((a, b) => b.e.range.start.line - a.e.range.start.line || b.e.range.start.character - a.e.range.start.character || b.i - a.i);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: doc.version },
      contentChanges: lastFirst.map(({ e }) => ({ range: e.range, text: e.newText })),
    });
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async pushSettings(settings: unknown): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  async changeFolders(added: string[], removed: string[]): Promise<void> {
    const folder = (f: string) => ({ uri: uriOf(f), name: path.basename(f) });
    await this.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: added.map(folder), removed: removed.map(folder) } });
  }

  async fileChanged(uri: string, type: FileChangeType): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type }] });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Applies a WorkspaceEdit's `changes` to the local documents and tells the server, like an editor. */
  applyWorkspaceEdit(edit: WorkspaceEdit): void {
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      if (!this.docs.has(uri)) continue;
      void this.edit(uri, edits);
    }
  }

  text(uri: string): string {
    return this.doc(uri).text;
  }

  private doc(uri: string): OpenDoc {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc;
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), delay(2000)]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the connection may already be gone
    }
    await Promise.race([exited, delay(2000)]);
    if (this.alive) this.proc.kill('SIGKILL');
    this.connection.dispose();
  }
}

export function uriOf(file: string): string {
  return pathToFileURL(file).toString();
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A fresh folder under the system temp dir, removed by the caller. */
export function tempDir(prefix = 'charter-lsp-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The base charter with one decision's owner removed (→ owner-missing on `payout-batching`). */
export const MISSING_OWNER = BASE_CHARTER.replace('    owner: ben\n    boundary: team\n', '    boundary: team\n');

/** 0-based position of the first occurrence of `needle` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, at + delta);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
