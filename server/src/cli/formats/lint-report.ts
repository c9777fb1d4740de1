// What every lint output format receives: one entry per linted file, findings already filtered.
import type { Finding } from '../../lint';
import type { RelatedInformation } from '../../engine/model';

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

/**
 * The path shown for a related place in another charter, from its `file` (relative to the set's
 * root, `/`-separated). The CLI passes one that makes it relative to the current folder.
 */
export type ResolveRelated = (file: string) => string;

/** Where a related place is: `ownPath` when it is in the finding's own file. */
export function relatedPath(ownPath: string, related: RelatedInformation, resolve: ResolveRelated = (file) => file): string {
  return related.file === undefined ? ownPath : resolve(related.file);
}
