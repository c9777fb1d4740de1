// A tab in indentation makes the `yaml` parser give up on the rest of the file, so every section
// after it would look missing and every entry after it lose its keys. Like a compiler's error
// recovery, the lines the parser rejected for a tab are re-indented with spaces (aligned with the
// line above), the text is parsed again, and the tab itself stays one yaml-syntax error. Only the
// indentation of those lines changes, so line numbers hold; columns on them are mapped back.
import type { Position } from './model';

export interface IndentRepair {
  /** Length of the line's indentation (with its `- ` markers) in the source and after the repair. */
  from: number;
  to: number;
}

export interface TabRepair {
  text: string;
  /** Repaired lines (0-based) and how their indentation changed. */
  lines: Map<number, IndentRepair>;
}

const INDENT = /^([ \t]*)((?:-[ \t]+)*)/;

/**
 * Re-indents the lines among `errorLines` whose indentation holds a tab (all tab-indented lines
 * when tabs are the file's indentation); undefined when there is none.
 */
export function repairTabIndentation(text: string, errorLines: ReadonlySet<number>): TabRepair | undefined {
  const parts = text.split(/(\r?\n)/);
  const lines: string[] = [];
  const breaks: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    lines.push(parts[i]);
    breaks.push(parts[i + 1] ?? '');
  }
  const unit = indentUnit(lines);
  const repaired = new Map<number, IndentRepair>();
  // A file indented with tabs throughout (an editor set to tabs): every tab is one level.
  const tabbed = lines.filter((l) => l.startsWith('\t')).length;
  if (tabbed > 0 && tabbed >= lines.filter((l) => /^ +\S/.test(l)).length) {
    for (let i = 0; i < lines.length; i++) {
      const m = INDENT.exec(lines[i])!;
      if (!m[0].includes('\t')) continue;
      const indent = m[0].replace(/\t/g, (_, at: number) => (at < m[1].length ? ' '.repeat(unit) : ' '));
      lines[i] = indent + lines[i].slice(m[0].length);
      repaired.set(i, { from: m[0].length, to: indent.length });
    }
  }
  for (let i = 0; i < lines.length; i++) {
    if (!errorLines.has(i) || repaired.has(i)) continue;
    const m = INDENT.exec(lines[i])!;
    if (!m[0].includes('\t')) continue;
    const dashes = m[2].replace(/\t/g, ' ');
    const lead = m[1].includes('\t') ? ' '.repeat(targetIndent(lines, i, dashes !== '', unit)) : m[1];
    lines[i] = lead + dashes + lines[i].slice(m[0].length);
    repaired.set(i, { from: m[0].length, to: lead.length + dashes.length });
  }
  if (repaired.size === 0) return undefined;
  return { text: lines.map((l, i) => l + breaks[i]).join(''), lines: repaired };
}

/** Where the line's content (or its first `-`) should start: under the previous line's content, or one level in when that line opens a block. */
function targetIndent(lines: string[], line: number, isItem: boolean, unit: number): number {
  let prev = line - 1;
  while (prev >= 0 && /^\s*(#|$)/.test(lines[prev])) prev--;
  if (prev < 0) return 0;
  const m = /^( *)((?:- +)*)/.exec(lines[prev])!;
  // Comment and trailing spaces cut by position: a regex anchored at the end would rescan a long
  // run of spaces from each of its positions.
  const rest = lines[prev].slice(m[0].length);
  const comment = rest.search(/\s#/);
  const content = (comment < 0 ? rest : rest.slice(0, comment)).trimEnd();
  const opensBlock = content === '' || /:(?:\s*[|>][-+0-9]*)?$/.test(content);
  if (opensBlock) return m[0].length + unit;
  if (!isItem) return m[0].length;
  // An item after a sibling's last key: the dash of the nearest item above at or left of that key.
  for (let l = prev; l >= 0; l--) {
    const d = /^( *)- /.exec(lines[l]);
    if (d && d[1].length <= m[0].length) return d[1].length;
  }
  return m[1].length;
}

function indentUnit(lines: string[]): number {
  let unit = Infinity;
  for (const l of lines) {
    const n = /^ */.exec(l)![0].length;
    if (n > 0 && n < unit && !/^\s*$/.test(l)) unit = n;
  }
  return Number.isFinite(unit) ? unit : 2;
}

/** A position in the repaired text as a position in the source. */
export function toSourcePosition(repairs: ReadonlyMap<number, IndentRepair> | undefined, pos: Position): Position {
  const r = repairs?.get(pos.line);
  if (!r) return pos;
  return { line: pos.line, character: pos.character >= r.to ? pos.character - r.to + r.from : Math.min(pos.character, r.from) };
}
