// What every lint output format receives: one entry per linted file, findings already filtered.
import type { Finding } from '../../lint';

export interface FileReport {
  /** Relative to the current folder, with `/` separators. */
  path: string;
  findings: Finding[];
}
