// The engine's public data types. Positions are 0-based; `character` counts UTF-16 code units (LSP).

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  /** Safe fixes are applied by `lint --fix` and by fix-all; the others only as quick fixes. */
  safe: boolean;
  edits: TextEdit[];
}

/** The entry a finding is about: stable across line moves (used by `diff` and code actions). */
export interface EntryRef {
  section: string;
  id?: string;
  index?: number;
}

export interface RelatedInformation {
  range: Range;
  message: string;
  /**
   * Another charter of the set, as its path relative to the set's root (`/`-separated); absent
   * when the related place is in the same file. Hosts turn it into a display path or a URI.
   */
  file?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  entry?: EntryRef;
  related?: RelatedInformation[];
  /**
   * What the finding is about when `entry` does not say it stably, as `section id…` (ids sorted):
   * the pair of decisions of a `scope-overlap` (whichever comes later carries it), or a whole
   * section (`decisions`). `diff` matches findings on it.
   */
  subject?: string;
  fixes: Fix[];
  docs: string;
}

/** Rule settings as written in `.charterrc.*`: `off`, a severity, or `[severity, options]`. */
export type RuleSetting = SeverityOrOff | 'warn' | [SeverityOrOff | 'warn', Record<string, unknown>?];

export interface CharterConfig {
  rules?: Record<string, RuleSetting>;
  /** Gitignore-style globs, relative to the config's folder: charters they match are left out of the set. */
  ignores?: string[];
}

export interface LintOptions {
  config?: CharterConfig;
  /** `YYYY-MM-DD`; rules comparing with today are skipped when absent. */
  today?: string;
  /** Base of docs links; default: the project's docs/rules folder on GitHub. */
  docsBaseUrl?: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
