// The server shell: connection, documents and capabilities, declared statically so clients without
// dynamic registration (Neovim 0.7) get every feature. It answers `initialize` without loading the
// engine; runtime.ts (engine, settings, config files, validation, features) is loaded on first use.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { Connection, InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CHARTER_FILE_PATTERN, CHECK_ALL_COMMAND, CONFIG_FILE_PATTERN, CONFIG_SCHEMA_NOTIFICATION, FIX_ALL_COMMAND, FIX_ALL_KIND, SERVER_NAME, SERVER_VERSION, SETTINGS_SECTION, isCharterUri, isConfigFileUri } from './protocol';
import type { Runtime } from './runtime';
import type { PlatformFactory } from './platform';
import { DECISION_MAP_REQUEST, ORGANISATION_MAP_REQUEST } from '../contract/requests';
import type { DecisionMapParams } from '../contract/requests';

export function startServer(connection: Connection, platform: PlatformFactory): void {
  const documents = new TextDocuments(TextDocument);
  let init: InitializeParams = { processId: null, rootUri: null, capabilities: {} };
  let loaded: Runtime | undefined;
  // A require() (not an import) so the bundler initialises the engine lazily, here.
  const runtime = (): Runtime => (loaded ??= (require('./runtime') as typeof import('./runtime')).createRuntime(connection, documents, init, platform()));

  connection.onInitialize((params): InitializeResult => {
    init = params;
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
        executeCommandProvider: { commands: [FIX_ALL_COMMAND, CHECK_ALL_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    // Load the engine while the client is still setting up. Not from onInitialize: the reply is
    // written in a later event-loop turn, and would wait for it.
    setImmediate(runtime);
    const caps = init.capabilities;
    const warn = (what: string) => (e: unknown) => connection.console.error(`${what} registration failed: ${e}`);
    if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      // Charters too: the organisation view follows charters created, changed and deleted on disk.
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_PATTERN }, { globPattern: CHARTER_FILE_PATTERN }] })
        .then(() => runtime().watchingFiles(), warn('file watcher'));
    }
    if (caps.workspace?.configuration && caps.workspace.didChangeConfiguration?.dynamicRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(warn('configuration'));
    }
    if (caps.workspace?.workspaceFolders) connection.workspace.onDidChangeWorkspaceFolders((e) => runtime().foldersChanged(e));
  });

  // Other YAML files are ignored without loading anything (Helix and Neovim attach us to all YAML).
  const ours = (uri: string) => isCharterUri(uri) || isConfigFileUri(uri);
  documents.onDidOpen((e) => ours(e.document.uri) && runtime().validate(e.document.uri, 'open'));
  documents.onDidChangeContent((e) => ours(e.document.uri) && runtime().validate(e.document.uri, 'change'));
  documents.onDidSave((e) => {
    if (isConfigFileUri(e.document.uri)) runtime().configFilesChanged();
    if (isCharterUri(e.document.uri)) runtime().saved(e.document.uri);
    if (ours(e.document.uri)) runtime().validate(e.document.uri, 'save');
  });
  documents.onDidClose((e) => ours(e.document.uri) && void runtime().closed(e.document.uri));
  connection.onDidChangeConfiguration((params) => runtime().settingsChanged(params?.settings));
  connection.onDidChangeWatchedFiles((params) => {
    const changes = (params?.changes ?? []).filter((c) => isConfigFileUri(c.uri) || isCharterUri(c.uri));
    if (changes.length) runtime().filesChanged(changes);
  });
  connection.onNotification(CONFIG_SCHEMA_NOTIFICATION, (params: unknown) => runtime().configSchemaChanged(params));

  // Requests about other files are answered without loading the engine.
  const charter = (p: { textDocument?: { uri?: unknown } } | null | undefined) => typeof p?.textDocument?.uri === 'string' && isCharterUri(p.textDocument.uri);
  const config = (p: { textDocument?: { uri?: unknown } } | null | undefined) => typeof p?.textDocument?.uri === 'string' && isConfigFileUri(p.textDocument.uri);
  connection.onCompletion((p) => (charter(p) ? runtime().features.onCompletion(p) : config(p) ? runtime().configFeatures.onCompletion(p) : []));
  connection.onHover((p) => (charter(p) ? runtime().features.onHover(p) : config(p) ? runtime().configFeatures.onHover(p) : null));
  connection.onDefinition((p) => (charter(p) ? runtime().features.onDefinition(p) : []));
  connection.onReferences((p) => (charter(p) ? runtime().features.onReferences(p) : []));
  connection.onPrepareRename((p) => (charter(p) ? runtime().features.onPrepareRename(p) : null));
  connection.onRenameRequest((p) => (charter(p) ? runtime().features.onRename(p) : null));
  connection.onDocumentSymbol((p) => (charter(p) ? runtime().features.onDocumentSymbol(p) : []));
  connection.onCodeLens((p) => (charter(p) ? runtime().features.onCodeLens(p) : []));
  connection.onCodeAction((p) => (charter(p) ? runtime().features.onCodeAction(p) : config(p) ? runtime().configFeatures.onCodeAction(p) : []));
  connection.onExecuteCommand((p) => (p?.command === CHECK_ALL_COMMAND ? runtime().checkAllCharters() : runtime().features.onExecuteCommand(p)));
  connection.onRequest(DECISION_MAP_REQUEST, (p: DecisionMapParams) => runtime().decisionMap().charter(p));
  connection.onRequest(ORGANISATION_MAP_REQUEST, (p: DecisionMapParams) => runtime().decisionMap().organisation(p));

  documents.listen(connection);
  connection.listen();
}
