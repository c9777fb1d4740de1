// Owns the language client: starts the bundled server (dist/server.js over Node IPC) only when a
// charter is open, stops it when `teamCharter.enable` is turned off, restarts it on request.
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, State, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { CHARTER_FILTER, CONFIG_FILTER } from './charter-files';
import { configFileSchema, onDidChangeConfigFileSchema } from './config-schema-support';
import { CLIENT_ID, CONFIG_SCHEMA_NOTIFICATION, DIAGNOSTIC_SOURCE, SETTINGS_SECTION } from './ids';

/** A publish of one document's diagnostics: the server has checked that version. */
export interface Validated {
  uri: string;
}

export class CharterServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient | undefined> | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<'starting' | 'running' | 'stopped'>();
  private readonly validatedEmitter = new vscode.EventEmitter<Validated>();
  private readonly schemaWatch = onDidChangeConfigFileSchema((schema) => void this.client?.sendNotification(CONFIG_SCHEMA_NOTIFICATION, schema));
  readonly onDidChangeState = this.stateEmitter.event;
  readonly onDidValidate = this.validatedEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.OutputChannel,
  ) {}

  static enabled(): boolean {
    return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('enable', true);
  }

  /** Starts the server unless disabled; concurrent callers share one start. */
  async start(): Promise<LanguageClient | undefined> {
    if (!CharterServer.enabled()) return undefined;
    if (this.client) return this.client;
    this.starting ??= this.createAndStart().finally(() => (this.starting = undefined));
    return this.starting;
  }

  async stop(): Promise<void> {
    if (this.starting) await this.starting;
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    try {
      await client.stop(5000);
    } catch (error) {
      this.output.appendLine(`[client] stopping the server failed: ${String(error)}`);
    }
    await client.dispose().catch(() => undefined);
    this.stateEmitter.fire('stopped');
  }

  async restart(): Promise<LanguageClient | undefined> {
    await this.stop();
    return this.start();
  }

  private async createAndStart(): Promise<LanguageClient | undefined> {
    this.stateEmitter.fire('starting');
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [CHARTER_FILTER, CONFIG_FILTER],
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
    const client = new LanguageClient(CLIENT_ID, 'Team Charter', serverOptions, clientOptions);
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.stateEmitter.fire('running');
      if (e.newState === State.Stopped) this.stateEmitter.fire('stopped');
    });
    try {
      await client.start();
    } catch (error) {
      this.output.appendLine(`[client] the Team Charter server did not start: ${String(error)}`);
      await client.dispose().catch(() => undefined);
      this.stateEmitter.fire('stopped');
      return undefined;
    }
    this.client = client;
    this.output.appendLine(`[client] Team Charter server started (${serverModule})`);
    return client;
  }

  dispose(): void {
    void this.stop();
    this.schemaWatch.dispose();
    this.stateEmitter.dispose();
    this.validatedEmitter.dispose();
  }
}
