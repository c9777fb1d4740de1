// What --fix and --fix-dry-run print besides the findings: one line per applied fix
// (`path:LINE  rule-id  title`) and, for a dry run, a unified diff per file (jsdiff, 3 lines of context).
import { createTwoFilesPatch } from 'diff';
import type { AppliedFix } from '../lint';
import { escapeTerminal, terminalLine } from './formats/escape-terminal';

export function fixLines(shown: string, applied: readonly AppliedFix[]): string[] {
  return applied.map((fix) => `${escapeTerminal(shown)}:${fix.line}  ${fix.rule}  ${terminalLine(fix.title)}`);
}

/** `--- a/PATH`, `+++ b/PATH`, then the hunks; empty when nothing changed. */
export function unifiedDiff(shown: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${shown}`, `b/${shown}`, before, after, undefined, undefined, { context: 3 });
  // jsdiff starts with a line of `=` (its "Index" block); a unified diff starts at `---`. Each line
  // is escaped for the terminal: a charter's bytes must not move the cursor or clear the screen.
  return patch
    .slice(patch.indexOf('--- '))
    .split('\n')
    .map((line) => escapeTerminal(line.replace(/\r$/, '')))
    .join('\n');
}
