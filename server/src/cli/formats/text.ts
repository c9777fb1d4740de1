// `path:LINE:COL  severity  message  rule-id` per finding (1-based), then a summary line.
import { plural } from '../../engine/text';
import type { Finding, Severity } from '../../lint';
import type { FileReport, ResolveRelated } from './lint-report';
import { relatedPath } from './lint-report';
import { escapeTerminal, terminalLine } from './escape-terminal';

export interface TextOptions {
  color: boolean;
  resolveRelated?: ResolveRelated;
}

const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36' };

export function formatText(files: readonly FileReport[], options: TextOptions): string {
  const paint = (code: string, s: string) => (options.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const lines: string[] = [];
  for (const file of files) {
    for (const f of file.findings) {
      counts[f.severity]++;
      // Paths, messages and rule ids come from the repository: escaped for the terminal.
      const where = `${escapeTerminal(file.path)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const message = terminalLine(f.message) + elsewhere(f, options.resolveRelated);
      lines.push(`${paint('1', where)}  ${paint(SEVERITY_COLOR[f.severity], f.severity)}  ${message}  ${paint('2', escapeTerminal(f.rule))}`);
    }
  }
  const summary = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')} in ${plural(files.length, 'file')}`;
  const summaryColor = counts.error ? '1;31' : counts.warning ? '1;33' : '1;32';
  lines.push(paint(summaryColor, summary));
  return lines.join('\n') + '\n';
}

/** ` (see PATH:LINE)` for each related place in another charter (same-file ones show in editors). */
function elsewhere(f: Finding, resolveRelated: ResolveRelated | undefined): string {
  const places = new Set<string>();
  for (const r of f.related ?? []) if (r.file !== undefined) places.add(`${relatedPath('', r, resolveRelated)}:${r.range.start.line + 1}`);
  // One line per finding stays readable: the first few places, then how many more (JSON and SARIF list them all).
  const list = [...places];
  if (list.length === 0) return '';
  const shown = list.slice(0, 3).map(escapeTerminal).join(', ');
  return ` (see ${shown}${list.length > 3 ? ` and ${list.length - 3} more` : ''})`;
}
