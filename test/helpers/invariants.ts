// Properties every lint result must have, whatever the input.
import type { Finding, Range } from '../../server/src/lint';
import { rules } from '../../server/src/lint';

const RULE_IDS = new Set(rules.map((r) => r.id));

/** Lengths of each line's content (no line break), as LSP counts characters (UTF-16). */
export function lineLengths(text: string): number[] {
  // Line breaks as in LSP: \r\n, \n, or a lone \r.
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

export function rangeProblem(range: Range, lengths: number[], what: string): string | undefined {
  const inside = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line];
  if (!inside(range.start) || !inside(range.end)) return `${what} ${JSON.stringify(range)} lies outside the document`;
  if (range.end.line < range.start.line || (range.end.line === range.start.line && range.end.character < range.start.character)) return `${what} ${JSON.stringify(range)} ends before it starts`;
  return undefined;
}

/** Problems with a result (empty = fine): ranges inside the document, known rules, sane messages. */
export function invariantProblems(text: string, findings: Finding[]): string[] {
  const lengths = lineLengths(text);
  const problems: string[] = [];
  for (const f of findings) {
    if (!RULE_IDS.has(f.rule)) problems.push(`unknown rule ${f.rule}`);
    if (!['error', 'warning', 'info'].includes(f.severity)) problems.push(`bad severity ${f.severity}`);
    if (typeof f.message !== 'string' || f.message.trim() === '') problems.push(`${f.rule}: empty message`);
    const r = rangeProblem(f.range, lengths, `${f.rule} range`);
    if (r) problems.push(r);
    for (const rel of f.related ?? []) {
      const p = rangeProblem(rel.range, lengths, `${f.rule} related range`);
      if (p) problems.push(p);
    }
    for (const fix of f.fixes) for (const e of fix.edits) {
      const p = rangeProblem(e.range, lengths, `${f.rule} fix "${fix.title}" edit`);
      if (p) problems.push(p);
    }
  }
  return problems;
}
