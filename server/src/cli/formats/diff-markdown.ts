// `diff --format markdown`: a pull-request comment (or job summary). A verdict line, one table of
// counts per charter, then a section per charter: findings, a picture of the decision rights that
// changed, then the changes in the report's fixed category order. Every path and value goes
// through escape-markdown.ts, so none can break the layout, add markup or @-mention anyone.
import type { Severity } from '../../lint';
import { CATEGORIES, CATEGORY_TITLES, countChanges, introducedTotal } from '../../diff';
import type { Category, ChangeCounts, ChangedCharter, DiffFinding, DiffReport } from '../../diff';
import { plural } from '../../engine/text';
import { syntaxNotes } from './diff-text';
import { decisionRightsPicture } from './diff-mermaid';
import { escapeMarkdownText, markdownCode, markdownTableRow } from './escape-markdown';

/** Lets a workflow find and update its earlier comment instead of adding a new one. */
export const DIFF_COMMENT_MARKER = '<!-- team-charter-diff -->';

const SEVERITY_ICON: Record<Severity, string> = { error: ':x:', warning: ':warning:', info: ':information_source:' };
const COLUMN: Record<Category, string> = {
  team: 'Team',
  priorities: 'Priorities',
  people: 'People',
  decisions: 'Decisions',
  ownership: 'Ownership',
  boundaries: 'Boundaries',
  checkins: 'Check-ins',
  updates: 'Updates',
  done: 'Done',
  milestones: 'Milestones',
  risks: 'Risks',
};

export function formatDiffMarkdown(report: DiffReport): string {
  const out: string[] = [DIFF_COMMENT_MARKER, '## Team charter review', ''];
  const commit = report.baseCommit ? ` (${markdownCode(report.baseCommit.slice(0, 12))})` : '';
  out.push(`Compared ${markdownCode(report.base)}${commit} with ${report.head === 'working tree' ? 'the working tree' : markdownCode(report.head)}.`, '');
  for (const s of report.skipped ?? []) out.push(`> :warning: ${markdownCode(s.path)} skipped: ${escapeMarkdownText(s.reason)}`, '');
  if (report.charters.length === 0) {
    out.push('No team charter changed.');
    return out.join('\n') + '\n';
  }
  const totals = countChanges(report.charters);
  out.push(verdict(totals), '');
  out.push(...summaryTable(report.charters, totals), '');
  for (const charter of report.charters) out.push(...charterSection(charter));
  // Trailing blank lines dropped by a scan from the end (a regex would retry each run of line breaks).
  const text = out.join('\n');
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return text.slice(0, end) + '\n';
}

function verdict(totals: ChangeCounts): string {
  const { error, warning, info } = totals.introduced;
  if (error) return `:x: **This change introduces ${plural(error, 'error')}**${warning ? ` and ${plural(warning, 'warning')}` : ''}.`;
  if (warning || info) return `:warning: This change introduces ${[plural(warning, 'warning'), plural(info, 'info')].filter((s) => !s.startsWith('0')).join(' and ')}, and no error.`;
  return ':white_check_mark: This change introduces no finding.';
}

/** Counts per charter; a category gets a column when some charter has a change in it. */
function summaryTable(charters: readonly ChangedCharter[], totals: ChangeCounts): string[] {
  const shown = CATEGORIES.filter((c) => totals.categories[c] > 0);
  const header = ['Charter', 'Findings introduced', 'Resolved', ...shown.map((c) => COLUMN[c])];
  const row = (name: string, counts: ChangeCounts) => {
    const n = introducedTotal(counts);
    const introduced = counts.introduced.error ? `${n} (${plural(counts.introduced.error, 'error')})` : String(n);
    return [name, introduced, String(counts.resolved), ...shown.map((c) => String(counts.categories[c]))];
  };
  const rows = charters.map((c) => row(`${markdownCode(c.path)}${STATUS_NOTE[c.status]}`, countChanges([c])));
  if (charters.length > 1) rows.push(row('**Total**', totals).map((cell, i) => (i === 0 ? cell : `**${cell}**`)));
  return [markdownTableRow(header), markdownTableRow(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(markdownTableRow)];
}

const STATUS_NOTE: Record<ChangedCharter['status'], string> = { added: ' (new)', deleted: ' (deleted)', modified: '', moved: ' (moved)' };

function charterSection(c: ChangedCharter): string[] {
  const status = c.status === 'added' ? ' (new charter)' : c.status === 'deleted' ? ' (deleted)' : '';
  const out = [`### ${markdownCode(c.path)}${status}`, ''];
  if (c.basePath) out.push(`${c.status === 'moved' ? 'Moved from' : 'Base:'} ${markdownCode(c.basePath)}`, '');
  for (const n of syntaxNotes(c)) out.push(`> :warning: ${escapeMarkdownText(n)}`, '');
  let empty = true;
  const group = (title: string, items: string[]) => {
    if (!items.length) return;
    empty = false;
    out.push(`**${title}**`, '', ...items.map((i) => `- ${i}`), '');
  };
  group('Findings introduced', c.findings.introduced.map((f) => findingItem(f, SEVERITY_ICON[f.severity], `line ${f.range.start.line + 1}`)));
  group('Findings resolved', c.findings.resolved.map((f) => findingItem(f, ':white_check_mark:', `was line ${f.range.start.line + 1}`)));
  const picture = decisionRightsPicture(c.decisionRights);
  if (picture.length) {
    empty = false;
    out.push('**Decision rights that changed**', '', ...picture, '');
  }
  for (const category of CATEGORIES) {
    group(CATEGORY_TITLES[category], c.changes.filter((x) => x.category === category).map((x) => escapeMarkdownText(x.message)));
  }
  if (empty) out.push('_No finding introduced or resolved, and no change a reviewer needs to read._', '');
  return out;
}

function findingItem(f: DiffFinding, icon: string, where: string): string {
  const scope = f.organisation ? ' (organisation)' : '';
  return `${icon} **${f.severity}**${scope} [${f.rule}](${f.docs}) (${where}): ${escapeMarkdownText(f.message)}`;
}
