// What every lint output format receives: one entry per linted file, findings already filtered.
import type { Finding } from '../../lint';

export interface FileReport {
  /** Relative to the current folder, with `/` separators. */
  path: string;
  findings: Finding[];
}

/** A file left out of the set (rules.md "Bad files"): JSON `skipped[]`, SARIF `toolExecutionNotifications`. */
export interface SkippedReport {
  path: string;
  reason: string;
}
