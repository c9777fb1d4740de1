// The language server: connection, documents, capabilities (declared statically, so clients
// without dynamic registration get every feature), validation scheduling, and the feature
// handlers. Every handler is guarded: an error is logged and answered with an empty result.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { ClientCapabilities, Connection, InitializeResult, Position } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from './code-actions';
import { codeLenses } from './code-lens';
import { completions } from './completion';
import { CONFIG_FILE_PATTERN, ConfigFiles, isConfigFileUri } from './config-files';
import { Charters, isCharterUri } from './charters';
import type { CharterState } from './charters';
import { diagnosticsFor } from './diagnostics';
import { FIX_ALL_COMMAND, FIX_ALL_KIND, FIX_ALL_TITLE, fixAllEdits } from './fix-all';
import { hover } from './hover';
import { definition, prepareRename, references, rename } from './navigation';
import { ValidationScheduler } from './scheduler';
import type { Reason } from './scheduler';
import { SETTINGS_SECTION } from './settings';
import { SettingsStore } from './settings-store';
import { documentSymbols, flatSymbols } from './symbols';

declare const __VERSION__: string | undefined;
export const SERVER_NAME = 'team-charter-language-server';
/** Sent after the diagnostics of a document version were published: `{ uri, version }`. */
export const VALIDATED_NOTIFICATION = 'teamCharter/validated';
export const SERVER_VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const configs = new ConfigFiles();
  const log = (message: string) => connection.console.error(message);
  let caps: ClientCapabilities = {};
  let settings = new SettingsStore(connection, false);
  let charters = new Charters(documents, settings, configs, log);
  const shownConfigErrors = new Map<string, string>();

  const scheduler = new ValidationScheduler(async (uri, reasons) => {
    const doc = documents.get(uri);
    if (!doc || !isCharterUri(uri)) return;
    const s = await settings.forDocument(uri);
    if (!s.enable) return publish(uri, doc.version, []);
    if (s.run === 'onSave' && !hasAny(reasons, ['open', 'save', 'config'])) return;
    const state = await charters.state(uri);
    if (!state || documents.get(uri)?.version !== state.doc.version) return; // superseded: a newer request follows
    reportConfigError(state);
    publish(uri, state.doc.version, diagnosticsFor(state));
  });

  function publish(uri: string, version: number, diagnostics: ReturnType<typeof diagnosticsFor>): void {
    void connection.sendDiagnostics({ uri, version, diagnostics });
    // Lets a client tell "checked, no problems" from "not checked yet" (the VS Code status item).
    void connection.sendNotification(VALIDATED_NOTIFICATION, { uri, version });
  }

  function reportConfigError(state: CharterState): void {
    const { file, error } = state.config;
    if (!file) return;
    if (!error) {
      shownConfigErrors.delete(file);
      return;
    }
    if (shownConfigErrors.get(file) === error) return;
    shownConfigErrors.set(file, error);
    // A notification, not window/showMessageRequest: that one blocks some clients (Neovim 0.7 uses inputlist()).
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Team Charter: the config file cannot be used, default rule settings apply until it is fixed. ${error.split('\n')[0]}` });
  }

  function revalidateAll(reason: Reason): void {
    for (const doc of charters.all()) scheduler.request(doc.uri, reason);
  }

  connection.onInitialize((params): InitializeResult => {
    caps = params.capabilities;
    settings = new SettingsStore(connection, Boolean(caps.workspace?.configuration));
    settings.setInitializationOptions(params.initializationOptions);
    charters = new Charters(documents, settings, configs, log);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    configs.setWorkspaceFolders(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: [':', ' ', '[', ','], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'Team Charter' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_PATTERN }] }).catch((e) => log(`file watcher registration failed: ${e}`));
    }
    if (caps.workspace?.configuration && caps.workspace.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    if (caps.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        configs.addWorkspaceFolders(
          e.added.map((f) => f.uri),
          e.removed.map((f) => f.uri),
        );
        revalidateAll('config');
      });
    }
  });

  documents.onDidOpen((e) => isCharterUri(e.document.uri) && scheduler.request(e.document.uri, 'open'));
  documents.onDidChangeContent((e) => isCharterUri(e.document.uri) && scheduler.request(e.document.uri, 'change'));
  documents.onDidSave((e) => {
    if (isConfigFileUri(e.document.uri)) {
      configs.invalidate();
      revalidateAll('config');
    } else if (isCharterUri(e.document.uri)) scheduler.request(e.document.uri, 'save');
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    scheduler.cancel(uri);
    charters.forget(uri);
    if (isCharterUri(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((params) => {
    settings.onDidChange(params.settings);
    revalidateAll('config');
  });
  connection.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((c) => isConfigFileUri(c.uri))) return;
    configs.invalidate();
    revalidateAll('config');
  });

  /** Runs a feature on the current state of a charter; errors are logged, never thrown at the client. */
  async function withState<T>(feature: string, uri: string | undefined, fallback: T, run: (state: CharterState) => T | Promise<T>): Promise<T> {
    try {
      if (typeof uri !== 'string') return fallback;
      const state = await charters.state(uri);
      if (!state) return fallback;
      return await run(state);
    } catch (e) {
      if (e instanceof ResponseError) throw e; // meant for the user (e.g. an invalid new id)
      log(`${feature} failed for ${uri}: ${(e as Error)?.stack ?? e}`);
      return fallback;
    }
  }

  /** The offset of a position, or undefined when the position is not a position. */
  function offsetOf(state: CharterState, position: Position | undefined): number | undefined {
    if (!position || !Number.isFinite(position.line) || !Number.isFinite(position.character)) return undefined;
    return state.doc.offsetAt(position);
  }

  const withAnalysis = <T>(state: CharterState, fallback: T, run: (a: NonNullable<CharterState['analysis']>) => T): T => (state.analysis ? run(state.analysis) : fallback);
  const markdown = () => caps.textDocument?.hover?.contentFormat?.includes('markdown') ?? true;

  connection.onCompletion((params) =>
    withState('completion', params?.textDocument?.uri, [], (state) => {
      if (offsetOf(state, params.position) === undefined) return [];
      return completions(state, params, { snippets: Boolean(caps.textDocument?.completion?.completionItem?.snippetSupport) });
    }),
  );
  connection.onHover((params) =>
    withState('hover', params?.textDocument?.uri, null, (state) => {
      const offset = offsetOf(state, params.position);
      const result = offset === undefined ? null : withAnalysis(state, null, (a) => hover(a, offset));
      if (result && !markdown() && typeof result.contents === 'object' && 'kind' in result.contents) {
        result.contents = { kind: 'plaintext', value: result.contents.value.replace(/\*\*|`/g, '').replace(/\\(.)/g, '$1') };
      }
      return result;
    }),
  );
  connection.onDefinition((params) =>
    withState('definition', params?.textDocument?.uri, [], (state) => {
      const offset = offsetOf(state, params.position);
      return offset === undefined ? [] : withAnalysis(state, [], (a) => definition(a, state.doc.uri, offset));
    }),
  );
  connection.onReferences((params) =>
    withState('references', params?.textDocument?.uri, [], (state) => {
      const offset = offsetOf(state, params.position);
      return offset === undefined ? [] : withAnalysis(state, [], (a) => references(a, state.doc.uri, offset, params.context?.includeDeclaration ?? true));
    }),
  );
  connection.onPrepareRename((params) =>
    withState('prepareRename', params?.textDocument?.uri, null, (state) => {
      const offset = offsetOf(state, params.position);
      return offset === undefined ? null : withAnalysis(state, null, (a) => prepareRename(a, offset));
    }),
  );
  connection.onRenameRequest((params) =>
    withState('rename', params?.textDocument?.uri, null, (state) => {
      const offset = offsetOf(state, params.position);
      return offset === undefined ? null : withAnalysis(state, null, (a) => rename(a, state.doc.uri, offset, String(params.newName ?? '')));
    }),
  );
  connection.onDocumentSymbol((params) =>
    withState('documentSymbol', params?.textDocument?.uri, [], (state) =>
      withAnalysis(state, [], (a) => {
        const symbols = documentSymbols(a);
        return caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ? symbols : flatSymbols(symbols, state.doc.uri);
      }),
    ),
  );
  connection.onCodeLens((params) => withState('codeLens', params?.textDocument?.uri, [], (state) => withAnalysis(state, [], codeLenses)));
  connection.onCodeAction((params) => withState('codeAction', params?.textDocument?.uri, [], (state) => codeActions(state, params)));
  connection.onExecuteCommand(async (params) => {
    if (params.command !== FIX_ALL_COMMAND) return null;
    const uri = commandUri(params.arguments?.[0]);
    return withState('fixAll', uri, { applied: false, fixed: 0 }, async (state) => {
      const { edits, fixed } = fixAllEdits(state);
      if (edits.length === 0) return { applied: false, fixed: 0 };
      const result = await connection.workspace.applyEdit({ label: FIX_ALL_TITLE, edit: { changes: { [state.doc.uri]: edits } } });
      return { applied: result.applied, fixed: result.applied ? fixed : 0 };
    });
  });

  documents.listen(connection);
  connection.listen();
}

/** `teamCharter.fixAll` takes the uri as a string, `{ uri }` or `{ textDocument: { uri } }`. */
function commandUri(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const a = arg as { uri?: unknown; textDocument?: { uri?: unknown } };
    if (typeof a.uri === 'string') return a.uri;
    if (typeof a.textDocument?.uri === 'string') return a.textDocument.uri;
  }
  return undefined;
}

function hasAny(reasons: ReadonlySet<Reason>, wanted: Reason[]): boolean {
  return wanted.some((r) => reasons.has(r));
}
