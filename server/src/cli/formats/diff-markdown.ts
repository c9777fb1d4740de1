// `diff --format markdown`: a pull-request comment (or job summary). A verdict line, one table of
// counts per charter, then a section per charter in the report's fixed category order. Charter
// text is escaped so it cannot break the layout or @-mention anyone.
import type { Severity } from '../../lint';
import { CATEGORIES, CATEGORY_TITLES, countChanges, introducedTotal } from '../../diff';
import type { Category, ChangeCounts, ChangedCharter, DiffFinding, DiffReport } from '../../diff';
import { plural } from '../../engine/text';
import { syntaxNotes } from './diff-text';

/** Lets a workflow find and update its earlier comment instead of adding a new one. */
export const DIFF_COMMENT_MARKER = '<!-- team-charter-diff -->';

const SEVERITY_ICON: Record<Severity, string> = { error: ':x:', warning: ':warning:', info: ':information_source:' };
const COLUMN: Record<Category, string> = {
  decisions: 'Decisions',
  ownership: 'Ownership',
  boundaries: 'Boundaries',
  checkins: 'Check-ins',
  done: 'Done',
  milestones: 'Milestones',
  risks: 'Risks',
};

export function formatDiffMarkdown(report: DiffReport): string {
  const out: string[] = [DIFF_COMMENT_MARKER, '## Team charter review', ''];
  const commit = report.baseCommit ? ` (${code(report.baseCommit.slice(0, 12))})` : '';
  out.push(`Compared ${code(report.base)}${commit} with ${report.head === 'working tree' ? 'the working tree' : code(report.head)}.`, '');
  if (report.charters.length === 0) {
    out.push('No team charter changed.');
    return out.join('\n') + '\n';
  }
  const totals = countChanges(report.charters);
  out.push(verdict(totals), '');
  out.push(...summaryTable(report.charters, totals), '');
  for (const charter of report.charters) out.push(...charterSection(charter));
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function verdict(totals: ChangeCounts): string {
  const { error, warning, info } = totals.introduced;
  if (error) return `:x: **This change introduces ${plural(error, 'error')}**${warning ? ` and ${plural(warning, 'warning')}` : ''}.`;
  if (warning || info) return `:warning: This change introduces ${[plural(warning, 'warning'), plural(info, 'info')].filter((s) => !s.startsWith('0')).join(' and ')}, and no error.`;
  return ':white_check_mark: This change introduces no finding.';
}

function summaryTable(charters: readonly ChangedCharter[], totals: ChangeCounts): string[] {
  const header = ['Charter', 'Findings introduced', 'Resolved', ...CATEGORIES.map((c) => COLUMN[c])];
  const row = (name: string, counts: ChangeCounts) => {
    const n = introducedTotal(counts);
    const introduced = counts.introduced.error ? `${n} (${plural(counts.introduced.error, 'error')})` : String(n);
    return [name, introduced, String(counts.resolved), ...CATEGORIES.map((c) => String(counts.categories[c]))];
  };
  const rows = charters.map((c) => row(`${code(c.path)}${c.status === 'added' ? ' (new)' : c.status === 'deleted' ? ' (deleted)' : ''}`, countChanges([c])));
  if (charters.length > 1) rows.push(row('**Total**', totals).map((cell, i) => (i === 0 ? cell : `**${cell}**`)));
  return [tableRow(header), tableRow(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(tableRow)];
}

/** GitHub splits a cell at every unescaped `|`, inside code spans too. */
function tableRow(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}

function charterSection(c: ChangedCharter): string[] {
  const status = c.status === 'added' ? ' (new charter)' : c.status === 'deleted' ? ' (deleted)' : '';
  const out = [`### ${code(c.path)}${status}`, ''];
  if (c.basePath) out.push(`Base: ${code(c.basePath)}`, '');
  for (const note of syntaxNotes(c)) out.push(`> :warning: ${escapeText(note)}`, '');
  let empty = true;
  const group = (title: string, items: string[]) => {
    if (!items.length) return;
    empty = false;
    out.push(`**${title}**`, '', ...items.map((i) => `- ${i}`), '');
  };
  group('Findings introduced', c.findings.introduced.map((f) => findingItem(f, SEVERITY_ICON[f.severity], `line ${f.range.start.line + 1}`)));
  group('Findings resolved', c.findings.resolved.map((f) => findingItem(f, ':white_check_mark:', `was line ${f.range.start.line + 1}`)));
  for (const category of CATEGORIES) {
    group(CATEGORY_TITLES[category], c.changes.filter((x) => x.category === category).map((x) => escapeText(x.message)));
  }
  if (empty) out.push('_No finding introduced or resolved, and no change to decisions, ownership, boundaries, check-ins, done or milestones._', '');
  return out;
}

function findingItem(f: DiffFinding, icon: string, where: string): string {
  return `${icon} **${f.severity}** [${f.rule}](${f.docs}) (${where}): ${escapeText(f.message)}`;
}

/** Escapes Markdown syntax and breaks @-mentions, so charter values render as typed. */
export function escapeText(s: string): string {
  return s
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>|~#&]/g, (ch) => `\\${ch}`)
    .replace(/@/g, '@\u200b');
}

/** An inline code span that survives backticks in the text. */
function code(s: string): string {
  const fence = s.includes('`') ? '`` ' : '`';
  return `${fence}${s}${fence === '`' ? '`' : ' ``'}`;
}
