// Edits that add a rule to a suppression comment: `# charter-disable-next-line <rule>` above a
// line (merged into one already there), or `# charter-disable <rule>` at the top of the file.
// Only a real YAML comment is merged into: block-scalar text that reads like a directive is not one,
// so a new comment line goes in instead.
import type { TextEdit } from '../engine/model';
import { LineIndex } from '../engine/text';
import { parseCharter } from '../engine/parse';
import type { Suppression } from '../engine/suppress';
import { toSourcePosition } from '../engine/tab-repair';
import type { Analysis } from '../lint';

type Directive = 'charter-disable-next-line' | 'charter-disable';
const KIND: Record<Directive, Suppression['kind']> = { 'charter-disable-next-line': 'next-line', 'charter-disable': 'rest-of-file' };

/** Adds `rule` to the directive comment on `commentLine` when there is one, else inserts a comment line before `insertLine`. */
function addToDirective(analysis: Analysis, directive: Directive, commentLine: number, insertLine: number, rule: string, indent: string): TextEdit | null {
  const { model } = analysis;
  const existing = analysis.suppressions.find((s) => s.kind === KIND[directive] && s.line === commentLine);
  if (existing) {
    if (existing.rules.length === 0 || existing.rules.includes(rule)) return null; // already silences it
    const comment = model.text.slice(existing.start, existing.end);
    const reasonAt = comment.search(/\s--(?:\s|$)|\s#/);
    const ids = (reasonAt >= 0 ? comment.slice(0, reasonAt) : comment).trimEnd();
    const pos = toSourcePosition(model.repairs, model.lines.positionAt(existing.start + ids.length));
    return { range: { start: pos, end: pos }, newText: `, ${rule}` };
  }
  const start = { line: insertLine, character: 0 };
  return { range: { start, end: start }, newText: `${indent}# ${directive} ${rule}${model.lines.eol}` };
}

/** `# charter-disable-next-line rule` for the finding on `line` of `text` (the text `analysis` is of); undefined when no clean edit exists. */
export function disableForLineEdit(text: string, analysis: Analysis, line: number, rule: string): TextEdit | undefined {
  const lines = new LineIndex(text);
  if (line < 0 || line >= lines.lineCount) return undefined;
  const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
  return checked(text, analysis, addToDirective(analysis, 'charter-disable-next-line', line - 1, line, rule, indent));
}

/** `# charter-disable rule` on the first line of the file (silences the rule everywhere below). */
export function disableForFileEdit(text: string, analysis: Analysis, rule: string): TextEdit | undefined {
  const bom = text.startsWith('\uFEFF');
  const edit = addToDirective(analysis, 'charter-disable', 0, 0, rule, '');
  if (edit && bom && edit.range.start.line === 0 && edit.range.start.character === 0) edit.range = { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } };
  return checked(text, analysis, edit);
}

/** Keeps an edit only when the YAML still parses as before (a comment line can land inside a block scalar). */
function checked(text: string, analysis: Analysis, edit: TextEdit | null): TextEdit | undefined {
  if (!edit) return undefined;
  const lines = new LineIndex(text);
  const at = lines.offsetAt(edit.range.start);
  const after = text.slice(0, at) + edit.newText + text.slice(lines.offsetAt(edit.range.end));
  const before = analysis.model;
  const next = parseCharter(after);
  if (next.syntaxErrors.length > before.syntaxErrors.length) return undefined;
  if (JSON.stringify(next.data) !== JSON.stringify(before.data)) return undefined;
  return edit;
}
