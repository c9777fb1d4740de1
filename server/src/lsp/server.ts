// The language server: connection, documents, capabilities (declared statically, so clients
// without dynamic registration get every feature), settings, config files and validation
// scheduling. The request handlers are in features.ts.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { ClientCapabilities, Connection, InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_PATTERN, ConfigFiles, isConfigFileUri } from './config-files';
import { Charters, isCharterUri } from './charters';
import type { CharterState } from './charters';
import { diagnosticsFor } from './diagnostics';
import { registerFeatures } from './features';
import { FIX_ALL_COMMAND, FIX_ALL_KIND } from './fix-all';
import { ValidationScheduler } from './scheduler';
import type { Reason } from './scheduler';
import { SETTINGS_SECTION } from './settings';
import { SettingsStore } from './settings-store';

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

  registerFeatures(connection, { charters: () => charters, capabilities: () => caps, log });

  documents.listen(connection);
  connection.listen();
}

function hasAny(reasons: ReadonlySet<Reason>, wanted: Reason[]): boolean {
  return wanted.some((r) => reasons.has(r));
}
