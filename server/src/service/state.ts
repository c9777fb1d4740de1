// What the editor features see of an open charter: its document (text, uri, version), the settings
// and options it was checked with, the config that governs it and the shared analysis. Plain data,
// no transport and no files: the language server's CharterState is one (lsp/charters.ts).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CharterConfig } from '../engine/model';
import type { Analysis } from '../lint';

export interface CharterView {
  doc: TextDocument;
  settings: { maxFileSize: number };
  /** The config that governs the charter, as far as diagnostics show it. */
  config: {
    /** Why the config cannot be used at all. */
    error?: string;
    /** Problems in a config that still parsed. */
    problems: string[];
    /** The config file's URI, for the diagnostic's related location. */
    uri?: string;
  };
  /** The options the analysis ran with (fix-all re-runs the engine with the same ones). */
  options: { config: CharterConfig; today: string; maxFileSize: number };
  analysis?: Analysis;
  /** Set when the check itself failed on this version. */
  error?: Error;
}
