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
import { CONFIG_FILE_PATTERN, FIX_ALL_COMMAND, FIX_ALL_KIND, SERVER_NAME, SERVER_VERSION, SETTINGS_SECTION, isCharterUri, isConfigFileUri } from './protocol';
import type { Runtime } from './runtime';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let init: InitializeParams = { processId: null, rootUri: null, capabilities: {} };
  let loaded: Runtime | undefined;
  // A require() (not an import) so the bundler initialises the engine lazily, here.
  const runtime = (): Runtime => (loaded ??= (require('./runtime') as typeof import('./runtime')).createRuntime(connection, documents, init));

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
        executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
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
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_PATTERN }] }).catch(warn('file watcher'));
    }
    if (caps.workspace?.configuration && caps.workspace.didChangeConfiguration?.dynamicRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(warn('configuration'));
    }
    if (caps.workspace?.workspaceFolders) connection.workspace.onDidChangeWorkspaceFolders((e) => runtime().foldersChanged(e));
  });

  // Other YAML files are ignored without loading anything (Helix and Neovim attach us to all YAML).
  documents.onDidOpen((e) => isCharterUri(e.document.uri) && runtime().validate(e.document.uri, 'open'));
  documents.onDidChangeContent((e) => isCharterUri(e.document.uri) && runtime().validate(e.document.uri, 'change'));
  documents.onDidSave((e) => {
    if (isConfigFileUri(e.document.uri)) runtime().configFilesChanged();
    else if (isCharterUri(e.document.uri)) runtime().validate(e.document.uri, 'save');
  });
  documents.onDidClose((e) => isCharterUri(e.document.uri) && runtime().closed(e.document.uri));
  connection.onDidChangeConfiguration((params) => runtime().settingsChanged(params?.settings));
  connection.onDidChangeWatchedFiles((params) => params?.changes?.some((c) => isConfigFileUri(c.uri)) && runtime().configFilesChanged());

  // Requests about other files are answered without loading the engine.
  const charter = (p: { textDocument?: { uri?: unknown } } | null | undefined) => typeof p?.textDocument?.uri === 'string' && isCharterUri(p.textDocument.uri);
  connection.onCompletion((p) => (charter(p) ? runtime().features.onCompletion(p) : []));
  connection.onHover((p) => (charter(p) ? runtime().features.onHover(p) : null));
  connection.onDefinition((p) => (charter(p) ? runtime().features.onDefinition(p) : []));
  connection.onReferences((p) => (charter(p) ? runtime().features.onReferences(p) : []));
  connection.onPrepareRename((p) => (charter(p) ? runtime().features.onPrepareRename(p) : null));
  connection.onRenameRequest((p) => (charter(p) ? runtime().features.onRename(p) : null));
  connection.onDocumentSymbol((p) => (charter(p) ? runtime().features.onDocumentSymbol(p) : []));
  connection.onCodeLens((p) => (charter(p) ? runtime().features.onCodeLens(p) : []));
  connection.onCodeAction((p) => (charter(p) ? runtime().features.onCodeAction(p) : []));
  connection.onExecuteCommand((p) => runtime().features.onExecuteCommand(p));

  documents.listen(connection);
  connection.listen();
}
