// Runs the engine once per document version and options, and shares the result (findings, parsed
// model, indexes) with every feature. A throw from the engine is caught here and becomes a result
// with `error`; the server keeps serving.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../lint';
import type { Analysis } from '../lint';
import type { CharterConfig } from '../engine/model';

export interface AnalysisOptions {
  config: CharterConfig;
  today: string;
  maxFileSize: number;
  /** Identifies the options (config file stamp, settings, today) for the cache. */
  key: string;
}

export type AnalysisResult = { analysis: Analysis; error?: undefined } | { analysis?: undefined; error: Error };

/** Test hook: documents containing this text make the check throw (docs/editor.md). */
export const FAULT_ENV = 'TEAM_CHARTER_FAULT';

interface CacheEntry {
  version: number;
  key: string;
  result: AnalysisResult;
}

export class Analyzer {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly log: (message: string) => void,
    private readonly faultText: string | undefined = process.env[FAULT_ENV] || undefined,
  ) {}

  run(doc: TextDocument, options: AnalysisOptions): AnalysisResult {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.key === options.key) return hit.result;
    const result = this.compute(doc, options, hit?.result.analysis);
    this.cache.set(doc.uri, { version: doc.version, key: options.key, result });
    return result;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** `previous`: the last analysis of this document, whose YAML tree an edit inside one list item reuses. */
  private compute(doc: TextDocument, options: AnalysisOptions, previous: Analysis | undefined): AnalysisResult {
    const text = doc.getText();
    try {
      if (this.faultText !== undefined && text.includes(this.faultText)) throw new Error(`simulated engine failure (${FAULT_ENV})`);
      const analysis = analyze(text, {
        config: options.config,
        today: options.today,
        maxFileSize: options.maxFileSize,
        previous,
        onRuleError: (rule, error) => this.log(`rule "${rule}" threw on ${doc.uri}: ${describe(error)}`),
      });
      return { analysis };
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      this.log(`checking ${doc.uri} (version ${doc.version}) failed: ${describe(error)}`);
      return { error };
    }
  }
}

function describe(error: unknown): string {
  return (error as Error)?.stack ?? String(error);
}

/** The local date as YYYY-MM-DD (what the CLI uses by default); TEAM_CHARTER_TODAY overrides it. */
export function todayString(now = new Date()): string {
  const fixed = process.env.TEAM_CHARTER_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
