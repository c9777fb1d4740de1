// GitHub Actions workflow commands: one `::error|warning|notice file=…::message` per finding.
import type { Severity } from '../../lint';
import type { FileReport } from './lint-report';
import { escapeData, escapeProperty } from './escape-github';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(files: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const f of file.findings) {
      const { start, end } = f.range;
      const props = [
        `file=${escapeProperty(file.path)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(f.rule)}`,
      ];
      lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
