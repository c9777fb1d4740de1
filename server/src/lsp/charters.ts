// The open charters and everything known about each one's current version: its settings, its
// config file, and the shared analysis. Every feature asks `state(uri)` and nothing else.
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../lint';
import { Analyzer, todayString } from './analyzer';
import type { AnalysisOptions } from './analyzer';
import type { ConfigFiles, ConfigLookup } from './config-files';
import type { SettingsStore } from './settings-store';
import { applyRuleOverrides } from './settings';
import { isCharterUri } from './protocol';
import type { Settings } from './settings';
import type { CharterView } from '../service/state';

export interface CharterState extends CharterView {
  doc: TextDocument;
  settings: Settings;
  config: ConfigLookup;
  /** The options the analysis ran with (fix-all re-runs the engine with the same ones). */
  options: AnalysisOptions;
  analysis?: Analysis;
  /** Set when the check itself failed on this version. */
  error?: Error;
}

export class Charters {
  readonly analyzer: Analyzer;
  /**
   * Adds the organisation findings to an open charter's analysis (the runtime sets it; the
   * workspace index computes them). Features and diagnostics then see one combined analysis.
   */
  organisation?: (uri: string, analysis: Analysis, options: AnalysisOptions) => Promise<Analysis>;

  constructor(
    readonly documents: TextDocuments<TextDocument>,
    readonly settings: SettingsStore,
    readonly configs: ConfigFiles,
    log: (message: string) => void,
  ) {
    this.analyzer = new Analyzer(log);
  }

  /** Open charter documents. */
  all(): TextDocument[] {
    return this.documents.all().filter((d) => isCharterUri(d.uri));
  }

  /**
   * The state of a charter's current version; undefined when the document is not open, is not a
   * charter, or Team Charter is disabled for it. Waits only for settings (cached per document).
   */
  async state(uri: string, { evenIfDisabled = false } = {}): Promise<CharterState | undefined> {
    if (!isCharterUri(uri) || !this.documents.get(uri)) return undefined;
    const settings = await this.settings.forDocument(uri);
    const doc = this.documents.get(uri);
    if (!doc || (!settings.enable && !evenIfDisabled)) return undefined;
    const config = await this.configs.lookup(uri);
    const today = todayString();
    const options: AnalysisOptions = {
      config: applyRuleOverrides(config.config, settings.rules),
      today,
      maxFileSize: settings.maxFileSize,
      key: JSON.stringify([config.stamp, settings.rules, settings.maxFileSize, today]),
    };
    const result = this.analyzer.run(doc, options);
    let analysis = result.analysis;
    if (analysis && settings.organisation && this.organisation && !config.ignoredBy) analysis = await this.organisation(uri, analysis, options);
    return { doc, settings, config, options, analysis, error: result.error };
  }

  forget(uri: string): void {
    this.analyzer.forget(uri);
    this.settings.forget(uri);
  }
}
