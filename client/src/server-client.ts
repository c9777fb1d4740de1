// Owns the language client: starts the server only when a charter is open, stops it when
// `teamCharter.enable` is turned off, restarts it on request. How the server runs is the launcher's
// business (node-launcher.ts: dist/server.js over Node IPC; web-launcher.ts: dist/web/server.js in a
// worker); the client answers the server's file requests (file-requests.ts) either way.
import * as vscode from 'vscode';
import { RevealOutputChannelOn, State } from 'vscode-languageclient/node';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient/node';
import { CHARTER_FILTER, CONFIG_FILTER } from './charter-files';
import { configFileSchema, onDidChangeConfigFileSchema } from './config-schema-support';
import { answerFileRequests } from './file-requests';
import { CONFIG_SCHEMA_NOTIFICATION, DIAGNOSTIC_SOURCE, SETTINGS_SECTION } from './ids';

/** Starts the language server one way (a Node process, a worker, the extension host). */
export interface ServerLauncher {
  /**
   * A started client for these options; `prepare` registers handlers on it before it starts. Undefined
   * (after saying why in the output) when the server did not start.
   */
  start(options: LanguageClientOptions, prepare: (client: BaseLanguageClient) => void): Promise<LaunchedServer | undefined>;
}

export interface LaunchedServer {
  client: BaseLanguageClient;
  /** Where the server runs, for the output channel. */
  where: string;
  /** Ends what the launcher started besides the client (a worker, a port). */
  dispose(): void;
}

/** A publish of one document's diagnostics: the server has checked that version. */
export interface Validated {
  uri: string;
}

export class CharterServer implements vscode.Disposable {
  private client: BaseLanguageClient | undefined;
  private launched: LaunchedServer | undefined;
  private starting: Promise<BaseLanguageClient | undefined> | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<'starting' | 'running' | 'stopped'>();
  private readonly validatedEmitter = new vscode.EventEmitter<Validated>();
  private readonly schemaWatch = onDidChangeConfigFileSchema((schema) => void this.client?.sendNotification(CONFIG_SCHEMA_NOTIFICATION, schema));
  readonly onDidChangeState = this.stateEmitter.event;
  readonly onDidValidate = this.validatedEmitter.event;

  constructor(
    private readonly launcher: ServerLauncher,
    readonly output: vscode.OutputChannel,
  ) {}

  static enabled(): boolean {
    return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('enable', true);
  }

  /** Starts the server unless disabled; concurrent callers share one start. */
  async start(): Promise<BaseLanguageClient | undefined> {
    if (!CharterServer.enabled()) return undefined;
    if (this.client) return this.client;
    this.starting ??= this.createAndStart().finally(() => (this.starting = undefined));
    return this.starting;
  }

  async stop(): Promise<void> {
    if (this.starting) await this.starting;
    const client = this.client;
    const launched = this.launched;
    this.client = this.launched = undefined;
    if (!client) return;
    try {
      await client.stop(5000);
    } catch (error) {
      this.output.appendLine(`[client] stopping the server failed: ${String(error)}`);
    }
    await client.dispose().catch(() => undefined);
    launched?.dispose();
    this.stateEmitter.fire('stopped');
  }

  async restart(): Promise<BaseLanguageClient | undefined> {
    await this.stop();
    return this.start();
  }

  private async createAndStart(): Promise<BaseLanguageClient | undefined> {
    this.stateEmitter.fire('starting');
    const clientOptions: LanguageClientOptions = {
      documentSelector: [...CHARTER_FILTER, ...CONFIG_FILTER],
      initializationOptions: () => ({ configFileSchema: configFileSchema() }),
      diagnosticCollectionName: DIAGNOSTIC_SOURCE,
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // The server registers its own watcher for .charterrc.* (dynamic registration).
      synchronize: { configurationSection: SETTINGS_SECTION },
      middleware: {
        // Every publish counts as a check, also one that changes nothing (VS Code then fires
        // no diagnostics-changed event), so the status item's time stays true for clean files.
        handleDiagnostics: (uri, diagnostics, next) => {
          next(uri, diagnostics);
          this.validatedEmitter.fire({ uri: uri.toString() });
        },
      },
    };
    const launched = await this.launcher.start(clientOptions, (client) => {
      answerFileRequests(client);
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.stateEmitter.fire('running');
        if (e.newState === State.Stopped) this.stateEmitter.fire('stopped');
      });
    });
    if (!launched) {
      this.stateEmitter.fire('stopped');
      return undefined;
    }
    this.client = launched.client;
    this.launched = launched;
    this.output.appendLine(`[client] Team Charter server started (${launched.where})`);
    return launched.client;
  }

  dispose(): void {
    void this.stop();
    this.schemaWatch.dispose();
    this.stateEmitter.dispose();
    this.validatedEmitter.dispose();
  }
}
