// Checks one fix the way a user would judge it: valid YAML after, comments and untouched lines
// unchanged, the targeted finding gone. Shared by the fixture tests and the property tests.
import { parseDocument } from 'yaml';
import { applyEdits, lint } from '../../server/src/lint';
import type { AnalyzeOptions, Finding, Fix } from '../../server/src/lint';
import { LineIndex } from '../../server/src/engine/text';

export function commentsOf(text: string): string[] {
  const out: string[] = [];
  // A '#' starting a line or after whitespace, outside quoted strings: good enough for fixture comments.
  for (const line of text.split(/\r?\n/)) {
    const masked = line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, (q) => '_'.repeat(q.length));
    const m = /(^|\s)(#.*)$/.exec(masked);
    if (m) out.push(line.slice(m.index + m[1].length).trimEnd());
  }
  return out.sort();
}

/** Returns a list of problems (empty = the fix is good). */
export function checkFix(text: string, finding: Finding, fix: Fix, options: AnalyzeOptions): string[] {
  const problems: string[] = [];
  const after = applyEdits(text, fix.edits);
  const label = `${finding.rule} › "${fix.title}"`;
  if (after === text) problems.push(`${label}: changes nothing`);

  const errorsBefore = parseDocument(text).errors.length;
  const errorsAfter = parseDocument(after).errors.length;
  if (errorsAfter > errorsBefore) problems.push(`${label}: YAML no longer parses: ${parseDocument(after).errors[0]?.message.split('\n')[0]}`);

  // Comments survive (the unused-suppression fix removes exactly its own comment).
  const before = commentsOf(text);
  const kept = commentsOf(after);
  const lost = before.filter((c) => {
    const i = kept.indexOf(c);
    if (i === -1) return true;
    kept.splice(i, 1);
    return false;
  });
  const allowedLoss = finding.rule === 'unused-suppression' ? 1 : 0;
  if (lost.length > allowedLoss) problems.push(`${label}: lost comments ${JSON.stringify(lost)}`);

  // Minimal edits: lines outside the edited ranges are byte-identical, in order.
  const lines = new LineIndex(text);
  const touched = new Set<number>();
  for (const e of fix.edits) for (let l = e.range.start.line; l <= e.range.end.line; l++) touched.add(l);
  const untouched = text.split('\n').filter((_, i) => !touched.has(i));
  const afterLines = after.split('\n');
  let j = 0;
  for (const line of untouched) {
    while (j < afterLines.length && afterLines[j] !== line) j++;
    if (j === afterLines.length) {
      problems.push(`${label}: untouched line changed or lost: ${JSON.stringify(line)}`);
      break;
    }
    j++;
  }
  if (touched.size > Math.max(6, lines.lineCount / 4)) problems.push(`${label}: edits span ${touched.size} lines (not minimal)`);

  // Line breaks keep the file's style.
  if (text.includes('\r\n') && /(^|[^\r])\n/.test(after)) problems.push(`${label}: introduced a bare LF into a CRLF file`);

  // The finding it targets is gone.
  const count = (fs: Finding[]) => fs.filter((f) => f.rule === finding.rule && f.message === finding.message).length;
  const beforeCount = count(lint(text, options));
  const afterCount = count(lint(after, options));
  if (afterCount >= beforeCount) problems.push(`${label}: finding still reported: ${finding.message}`);
  return problems;
}
