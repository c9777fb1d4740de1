// Everything that needs the engine: settings, config files, the shared analyses, validation and
// the feature handlers. The shell (server.ts) loads this module only after answering `initialize`.
import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import type { Connection, InitializeParams, TextDocuments, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Charters } from './charters';
import type { CharterState } from './charters';
import { ConfigFiles } from './config-files';
import { diagnosticsFor } from './diagnostics';
import { createFeatures } from './features';
import { VALIDATED_NOTIFICATION, isCharterUri } from './protocol';
import { ValidationScheduler } from './scheduler';
import type { Reason } from './scheduler';
import { SettingsStore } from './settings-store';

export type Runtime = ReturnType<typeof createRuntime>;

export function createRuntime(connection: Connection, documents: TextDocuments<TextDocument>, init: InitializeParams) {
  const caps = init.capabilities ?? {};
  const log = (message: string) => connection.console.error(message);
  const settings = new SettingsStore(connection, Boolean(caps.workspace?.configuration));
  settings.setInitializationOptions(init.initializationOptions);
  const configs = new ConfigFiles();
  configs.setWorkspaceFolders(init.workspaceFolders?.map((f) => f.uri) ?? (init.rootUri ? [init.rootUri] : []));
  const charters = new Charters(documents, settings, configs, log);
  const shownConfigErrors = new Map<string, string>();

  const scheduler = new ValidationScheduler(async (uri, reasons) => {
    const doc = documents.get(uri);
    if (!doc || !isCharterUri(uri)) return;
    const s = await settings.forDocument(uri);
    if (!s.enable) return publish(uri, doc.version, []);
    if (s.run === 'onSave' && !['open', 'save', 'config'].some((r) => reasons.has(r as Reason))) return;
    const state = await charters.state(uri);
    if (!state || documents.get(uri)?.version !== state.doc.version) return; // superseded: a newer request follows
    reportConfigError(state);
    publish(uri, state.doc.version, diagnosticsFor(state));
  });

  function publish(uri: string, version: number, diagnostics: ReturnType<typeof diagnosticsFor>): void {
    void connection.sendDiagnostics({ uri, version, diagnostics });
    // Lets a client tell "checked, no problems" from "not checked yet" (e.g. for a status item).
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
    const message = `Team Charter: the config file cannot be used, default rule settings apply until it is fixed. ${error.split('\n')[0]}`;
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
  }

  function revalidateAll(reason: Reason): void {
    for (const doc of charters.all()) scheduler.request(doc.uri, reason);
  }

  return {
    features: createFeatures(connection, { charters: () => charters, capabilities: () => caps, log }),
    validate: (uri: string, reason: Reason) => scheduler.request(uri, reason),
    closed(uri: string): void {
      scheduler.cancel(uri);
      charters.forget(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
    settingsChanged(payload: unknown): void {
      settings.onDidChange(payload);
      revalidateAll('config');
    },
    configFilesChanged(): void {
      configs.invalidate();
      revalidateAll('config');
    },
    foldersChanged(e: WorkspaceFoldersChangeEvent): void {
      configs.addWorkspaceFolders(
        e.added.map((f) => f.uri),
        e.removed.map((f) => f.uri),
      );
      revalidateAll('config');
    },
  };
}
