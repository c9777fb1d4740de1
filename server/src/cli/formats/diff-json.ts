// `diff --format json`: the report as data (documented in docs/pr-review.md). Positions are
// 0-based as in LSP and `lint --format json`; each change leads with category, kind, subject, message.
import { countChanges, introducesErrors } from '../../diff';
import type { Change, DiffReport } from '../../diff';
import { inertJson } from './escape-json';

export function formatDiffJson(report: DiffReport): string {
  const counts = countChanges(report.charters);
  const out = {
    version: 1,
    base: report.base,
    ...(report.baseCommit ? { baseCommit: report.baseCommit } : {}),
    head: report.head,
    ...(report.skipped?.length ? { skipped: report.skipped } : {}),
    summary: {
      charters: report.charters.length,
      introducesErrors: introducesErrors(report),
      introduced: counts.introduced,
      resolved: counts.resolved,
      changes: counts.categories,
    },
    charters: report.charters.map((c) => ({
      path: c.path,
      ...(c.basePath ? { basePath: c.basePath } : {}),
      status: c.status,
      syntaxErrors: c.syntaxErrors,
      findings: c.findings,
      changes: c.changes.map(leadWithKind),
      decisionRights: c.decisionRights,
    })),
  };
  return inertJson(JSON.stringify(out, null, 2)) + '\n';
}

function leadWithKind(change: Change): Change {
  const { category, kind, subject, message, ...details } = change;
  return { category, kind, subject, message, ...details } as Change;
}
