// Everything that needs the engine: settings, config files, the shared analyses, validation and
// the feature handlers. The shell (server.ts) loads this module only after answering `initialize`.
import { CodeLensRefreshRequest, MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import type { Connection, FileEvent, InitializeParams, TextDocuments, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Charters } from './charters';
import type { CharterState } from './charters';
import { ConfigFiles } from './config-files';
import type { ServerPlatform } from './platform';
import { diagnosticsFor } from '../service/diagnostics';
import type { createDecisionMap } from './decision-map';
import { createFeatures } from './features';
import { VALIDATED_NOTIFICATION, isCharterUri, isConfigFileUri } from './protocol';
import { ConfigFileFeatures, readConfigFileSchema } from './charterrc';
import type { CodeActionParams, CompletionParams, HoverParams } from 'vscode-languageserver/node';
import { ValidationScheduler } from './scheduler';
import { createOrganisation } from './organisation';
import type { Reason } from './scheduler';
import { SettingsStore } from './settings-store';

export type Runtime = ReturnType<typeof createRuntime>;

export function createRuntime(connection: Connection, documents: TextDocuments<TextDocument>, init: InitializeParams, platform: ServerPlatform) {
  const caps = init.capabilities ?? {};
  const log = (message: string) => connection.console.error(message);
  const settings = new SettingsStore(connection, Boolean(caps.workspace?.configuration));
  settings.setInitializationOptions(init.initializationOptions);
  const configs = new ConfigFiles(platform);
  let workspaceFolders = init.workspaceFolders?.map((f) => f.uri) ?? (init.rootUri ? [init.rootUri] : []);
  configs.setWorkspaceFolders(workspaceFolders);
  const charters = new Charters(documents, settings, configs, log);
  const shownConfigErrors = new Map<string, string>();
  const configFiles = new ConfigFileFeatures(readConfigFileSchema((init.initializationOptions as { configFileSchema?: unknown } | null | undefined)?.configFileSchema));

  const organisation = createOrganisation(connection, charters, {
    revalidate: (uri) => scheduler.request(uri, 'org'),
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    log,
  });

  const scheduler = new ValidationScheduler(async (uri, reasons) => {
    const doc = documents.get(uri);
    if (!doc || !(isCharterUri(uri) || isConfigFileUri(uri))) return;
    const s = await settings.forDocument(uri);
    if (!s.enable) return publish(uri, doc.version, []);
    if (s.run === 'onSave' && !['open', 'save', 'config', 'org'].some((r) => reasons.has(r as Reason))) return;
    if (isConfigFileUri(uri)) {
      const current = documents.get(uri);
      if (current) publish(uri, current.version, configFiles.diagnostics(current));
      return;
    }
    const state = await charters.state(uri);
    if (!state || documents.get(uri)?.version !== state.doc.version) return; // superseded: a newer request follows
    // rules.md "Ignores": an ignored charter is outside the set and gets no diagnostics.
    if (state.config.ignoredBy) return publish(uri, state.doc.version, []);
    reportConfigError(state);
    publish(uri, state.doc.version, diagnosticsFor(state));
    if (s.organisation) await organisation.afterPublish(uri, state.analysis);
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

  let decisionMap: ReturnType<typeof createDecisionMap> | undefined;

  function revalidateAll(reason: Reason): void {
    for (const doc of documents.all()) if (isCharterUri(doc.uri) || isConfigFileUri(doc.uri)) scheduler.request(doc.uri, reason);
  }

  /** Runs a feature on an open config file Team Charter is enabled for; errors are logged, never thrown at the client. */
  async function withConfigFile<T>(feature: string, uri: unknown, fallback: T, run: (doc: TextDocument) => T): Promise<T> {
    try {
      const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
      if (!doc || !(await settings.forDocument(doc.uri)).enable) return fallback;
      return run(doc);
    } catch (e) {
      log(`${feature} failed for ${String(uri)}: ${(e as Error)?.stack ?? e}`);
      return fallback;
    }
  }

  return {
    features: createFeatures(connection, { charters: () => charters, capabilities: () => caps, log, weightOf: (uri, party) => organisation.weightOf(uri, party) }),
    configFeatures: {
      onCompletion: (p: CompletionParams) => withConfigFile('completion', p?.textDocument?.uri, [], (doc) => configFiles.completion(doc, p)),
      onHover: (p: HoverParams) => withConfigFile('hover', p?.textDocument?.uri, null, (doc) => configFiles.hover(doc, p)),
      onCodeAction: (p: CodeActionParams) => withConfigFile('codeAction', p?.textDocument?.uri, [], (doc) => configFiles.codeActions(doc, p)),
    },
    /** The client changed which kinds of config file the editor checks with the schema itself. */
    configSchemaChanged(params: unknown): void {
      configFiles.setSchema(readConfigFileSchema(params));
      for (const doc of documents.all()) if (isConfigFileUri(doc.uri)) scheduler.request(doc.uri, 'config');
    },
    /** Loaded on first use: the report's renderers (and dagre) stay out of a plain check's start-up. */
    decisionMap: () => (decisionMap ??= (require('./decision-map') as typeof import('./decision-map')).createDecisionMap(() => charters, log, {
      charters: async (uri) => ((await settings.forDocument(uri)).organisation ? organisation.setCharters(uri) : []),
      size: async (uri) => ((await settings.forDocument(uri)).organisation ? organisation.setSize(uri) : 0),
    })),
    validate: (uri: string, reason: Reason) => scheduler.request(uri, reason),
    async closed(uri: string): Promise<void> {
      scheduler.cancel(uri);
      charters.forget(uri);
      // In "check all charters" mode a closed charter stays published (as saved on disk).
      const kept = isCharterUri(uri) && (await organisation.closed(uri).catch(() => false));
      if (!kept) void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
    /** Charters or configs changed on disk (file events); `saved`: a charter the user saved. */
    filesChanged(changes: FileEvent[]): void {
      const configChanged = changes.some((c) => isConfigFileUri(c.uri));
      if (configChanged) configs.invalidate();
      organisation.filesChanged(changes, configChanged).catch((e) => log(`file events failed: ${(e as Error)?.stack ?? e}`));
      if (configChanged) revalidateAll('config');
    },
    saved(uri: string): void {
      if (isCharterUri(uri)) organisation.saved(uri).catch((e) => log(`re-listing after a save failed: ${(e as Error)?.stack ?? e}`));
    },
    watchingFiles(): void {
      organisation.setWatching(true);
    },
    /** "Check all charters in the workspace": every charter of the workspace's sets keeps published diagnostics. */
    async checkAllCharters(): Promise<{ charters: number }> {
      const folders = workspaceFolders.length ? workspaceFolders : [...new Set(charters.all().map((d) => d.uri.replace(/\/[^/]*$/, '')))];
      return { charters: await organisation.checkAll(folders) };
    },
    settingsChanged(payload: unknown): void {
      settings.onDidChange(payload);
      revalidateAll('config');
      // Lenses are pulled: ask the client to pull them again (teamCharter.codeLens.enable may have changed).
      if (caps.workspace?.codeLens?.refreshSupport) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    },
    configFilesChanged(): void {
      configs.invalidate();
      organisation.filesChanged([], true).catch((e) => log(`re-reading configs failed: ${(e as Error)?.stack ?? e}`));
      revalidateAll('config');
    },
    foldersChanged(e: WorkspaceFoldersChangeEvent): void {
      workspaceFolders = [...workspaceFolders.filter((f) => !e.removed.some((r) => r.uri === f)), ...e.added.map((f) => f.uri)];
      organisation.reset();
      configs.addWorkspaceFolders(
        e.added.map((f) => f.uri),
        e.removed.map((f) => f.uri),
      );
      revalidateAll('config');
    },
  };
}
