// `diff --format text`: per charter, findings introduced / resolved, then each change category;
// `+` added or new, `-` removed or resolved, `~` changed; a summary line at the end.
import type { Severity } from '../../lint';
import { CATEGORIES, CATEGORY_TITLES, countChanges, introducedTotal } from '../../diff';
import type { Change, ChangedCharter, DiffFinding, DiffReport } from '../../diff';
import { plural } from '../../engine/text';
import { escapeTerminal, terminalLine } from './escape-terminal';

export interface DiffTextOptions {
  color: boolean;
}

const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36' };

export function formatDiffText(report: DiffReport, options: DiffTextOptions): string {
  const paint = (code: string, s: string) => (options.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  for (const s of report.skipped ?? []) lines.push(paint('33', `${s.path}: skipped, ${s.reason}`));
  if (report.skipped?.length) lines.push('');
  for (const charter of report.charters) {
    lines.push(paint('1', escapeTerminal(charter.path)) + statusNote(charter));
    for (const note of syntaxNotes(charter)) lines.push(`  ${paint('33', note)}`);
    const body = charterLines(charter, paint);
    lines.push(...(body.length ? body : [`  ${paint('2', 'no review-relevant changes (no finding introduced or resolved)')}`]), '');
  }
  lines.push(summaryLine(report, paint));
  return lines.join('\n') + '\n';
}

function statusNote(c: ChangedCharter): string {
  if (c.status === 'added') return ' (new charter)';
  if (c.status === 'deleted') return ' (deleted)';
  if (c.status === 'moved') return ` (moved from ${escapeTerminal(c.basePath ?? '')})`;
  return c.basePath ? ` (base: ${escapeTerminal(c.basePath)})` : '';
}

export function syntaxNotes(c: ChangedCharter): string[] {
  const notes: string[] = [];
  for (const side of ['base', 'head'] as const) {
    const n = c.syntaxErrors[side];
    if (n) notes.push(`${side} has ${plural(n, 'YAML error')}: changes were compared on what parsed`);
  }
  return notes;
}

function charterLines(c: ChangedCharter, paint: (code: string, s: string) => string): string[] {
  const lines: string[] = [];
  const finding = (mark: string, markColor: string, f: DiffFinding) => {
    const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
    const message = terminalLine(f.message);
    return `    ${paint(markColor, mark)} ${where.padEnd(7)} ${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(7))}  ${message}  ${paint('2', escapeTerminal(f.rule))}`;
  };
  if (c.findings.introduced.length) {
    lines.push('  findings introduced:');
    for (const f of c.findings.introduced) lines.push(finding('+', SEVERITY_COLOR[f.severity], f));
  }
  if (c.findings.resolved.length) {
    lines.push('  findings resolved (lines in base):');
    for (const f of c.findings.resolved) lines.push(finding('-', '32', f));
  }
  for (const category of CATEGORIES) {
    const changes = c.changes.filter((x) => x.category === category);
    if (!changes.length) continue;
    lines.push(`  ${CATEGORY_TITLES[category].toLowerCase()}:`);
    for (const change of changes) {
      const [mark, color] = markOf(change);
      lines.push(`    ${paint(color, mark)} ${terminalLine(change.message)}`);
    }
  }
  return lines;
}

/** `+` something added, `-` something removed, `~` something changed. */
export function markOf(change: Change): [mark: string, color: string] {
  if (change.kind === 'entry-added' || ((change.kind === 'done-changed' || change.kind === 'text-changed') && change.change === 'added')) return ['+', '32'];
  if (change.kind === 'entry-removed' || ((change.kind === 'done-changed' || change.kind === 'text-changed') && change.change === 'removed')) return ['-', '31'];
  return ['~', '33'];
}

function summaryLine(report: DiffReport, paint: (code: string, s: string) => string): string {
  if (report.charters.length === 0) return paint('1;32', 'no charter changed');
  const counts = countChanges(report.charters);
  const introduced = introducedTotal(counts);
  const bySeverity = (['error', 'warning', 'info'] as const).filter((s) => counts.introduced[s]).map((s) => plural(counts.introduced[s], s));
  const changes = Object.values(counts.categories).reduce((a, b) => a + b, 0);
  const text =
    `${plural(report.charters.length, 'charter')} changed: ` +
    `${plural(introduced, 'finding')} introduced${bySeverity.length ? ` (${bySeverity.join(', ')})` : ''}, ` +
    `${counts.resolved} resolved, ${plural(changes, 'other change')}`;
  return paint(counts.introduced.error ? '1;31' : introduced ? '1;33' : '1;32', text);
}
