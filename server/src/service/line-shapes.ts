// The YAML structure of each line, read from indentation and `- ` markers rather than from the
// parsed document: while someone types, the line under the cursor rarely parses (`    own` has
// no colon yet), but its indentation still says which map or list it belongs to.

export type PathSegment = string | number;

export interface LineShape {
  /** Empty, whitespace or comment only (or a document marker). */
  blank: boolean;
  indent: number;
  /** Columns of the leading `- ` sequence markers. */
  dashes: number[];
  key?: { text: string; start: number; end: number };
  /** Column where the value after `key:` (or after the dashes) starts, and its raw text without a trailing comment. */
  valueStart?: number;
  value?: string;
}


export function lineShape(text: string): LineShape {
  const indent = /^ */.exec(text)![0].length;
  const rest = text.slice(indent);
  if (rest.trim() === '' || rest.startsWith('#') || /^(---|\.\.\.)(\s|$)/.test(rest)) return { blank: true, indent, dashes: [] };
  const dashes: number[] = [];
  let col = indent;
  for (let m = /^-( +|$)/.exec(text.slice(col)); m; m = /^-( +|$)/.exec(text.slice(col))) {
    dashes.push(col);
    col += m[0].length;
  }
  const shape: LineShape = { blank: false, indent, dashes };
  const afterDashes = text.slice(col);
  const key = keyAt(text, col);
  if (key) {
    shape.key = { text: key.text, start: col, end: key.end };
    const afterColon = key.colon + 1;
    const after = text.slice(afterColon);
    const lead = /^\s*/.exec(after)![0].length;
    shape.valueStart = afterColon + lead;
    shape.value = stripComment(after.slice(lead));
  } else if (afterDashes.trim() !== '') {
    shape.valueStart = col;
    shape.value = stripComment(afterDashes);
  }
  return shape;
}

/**
 * The mapping key starting at `col`: a quoted key, or plain text up to the first `:` followed by
 * a space or the line end. A scan, not a regex, so long lines cost linear time.
 */
function keyAt(text: string, col: number): { text: string; end: number; colon: number } | undefined {
  const first = text[col];
  if (first === undefined) return undefined;
  let end: number;
  let keyText: string;
  if (first === '"' || first === "'") {
    let i = col + 1;
    for (; i < text.length; i++) {
      if (first === '"' && text[i] === '\\') i++;
      else if (text[i] === first) {
        if (first === "'" && text[i + 1] === "'") i++;
        else break;
      }
    }
    if (i >= text.length) return undefined;
    end = i + 1;
    keyText = first === "'" ? text.slice(col + 1, i).replace(/''/g, "'") : text.slice(col + 1, i);
  } else {
    if ('#\'"[]{},:?|>&*!%@`'.includes(first) || (first === '-' && /[\s]/.test(text[col + 1] ?? ' '))) return undefined;
    let colon = text.indexOf(':', col);
    while (colon !== -1 && colon + 1 < text.length && !/\s/.test(text[colon + 1])) colon = text.indexOf(':', colon + 1);
    if (colon === -1) return undefined;
    const raw = text.slice(col, colon).trimEnd();
    if (/\s#/.test(raw) || raw === '') return undefined; // a comment starts before the colon
    end = col + raw.length;
    keyText = raw;
  }
  let colon = end;
  while (text[colon] === ' ' || text[colon] === '\t') colon++;
  if (text[colon] !== ':' || (colon + 1 < text.length && !/\s/.test(text[colon + 1]))) return undefined;
  return { text: keyText, end, colon };
}

/** Text before a ` #` comment that is outside quotes, trimmed at the end. */
export function stripComment(value: string): string {
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[,{]/.test(value[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(value[i - 1]))) {
      return value.slice(0, i).trimEnd();
    }
  }
  return value.trimEnd();
}

/** A value that opens a nested block (nothing, or only an anchor/tag) rather than being a scalar. */
function opensBlock(shape: LineShape): boolean {
  const v = shape.value ?? '';
  return v === '' || /^(?:[&!]\S*(?:\s+|$))+$/.test(v);
}

export interface Container {
  path: PathSegment[];
  /** Keys already present in the map (for key positions). */
  siblings: Set<string>;
  /** The position is inside a multi-line scalar (block or plain): nothing structural to offer. */
  inScalar: boolean;
}

/**
 * The container of a position on `line`: a map whose keys start at `column` (mode `map`), or a
 * sequence whose `- ` markers sit at `column` (mode `seq`, `index` items already counted).
 */
export function containerAt(shapes: LineShape[], line: number, column: number, mode: 'map' | 'seq', index = 0): Container {
  const path: PathSegment[] = [];
  const siblings = new Set<string>();
  let col = column;
  let collecting = mode === 'map';
  const collectBelow = collecting;
  for (let l = line - 1; l >= 0; l--) {
    const s = shapes[l];
    if (s.blank) continue;
    const first = s.dashes.length ? s.dashes[0] : s.indent;
    if (first > col) continue;
    const lastDash = s.dashes[s.dashes.length - 1];
    if (mode === 'map') {
      if (s.dashes.length) {
        if (s.key && s.key.start === col) {
          // `- key: …` with the key at our column: our map is this sequence item.
          if (collecting) siblings.add(s.key.text);
          collecting = false;
          mode = 'seq';
          col = lastDash;
          index = 0;
          continue;
        }
        if (lastDash === col) continue; // a compact list belonging to a sibling key
        if (s.key && s.key.start < col) {
          if (!opensBlock(s)) return { path: [], siblings, inScalar: true };
          path.push(s.key.text);
          collecting = false;
        }
        mode = 'seq';
        col = lastDash;
        index = 0;
        continue;
      }
      if (!s.key) continue;
      if (s.key.start === col) {
        if (collecting) siblings.add(s.key.text);
        continue;
      }
      if (!opensBlock(s)) return { path: [], siblings, inScalar: true };
      path.push(s.key.text);
      collecting = false;
      col = s.key.start;
      continue;
    }
    // mode === 'seq'
    if (s.dashes.length && s.dashes[0] === col) {
      index++;
      continue;
    }
    if (s.dashes.length && lastDash < col && s.key && s.key.start <= col) {
      path.push(index, s.key.text);
      col = lastDash;
      index = 0;
      continue;
    }
    if (!s.dashes.length && s.key && s.key.start <= col) {
      path.push(index, s.key.text);
      mode = 'map';
      col = s.key.start;
      continue;
    }
  }
  if (mode === 'seq') path.push(index);
  // Keys after the position at the same column belong to the same map.
  if (collectBelow) for (const key of keysBelow(shapes, line, column)) siblings.add(key);
  return { path: path.reverse(), siblings, inScalar: false };
}

/** Keys at `column` after `line`, up to the end of their map. */
export function keysBelow(shapes: LineShape[], line: number, column: number): Set<string> {
  const out = new Set<string>();
  for (let l = line + 1; l < shapes.length; l++) {
    const s = shapes[l];
    if (s.blank) continue;
    const first = s.dashes.length ? s.dashes[0] : s.indent;
    if (first < column) break;
    if (!s.dashes.length && s.key && s.key.start === column) out.add(s.key.text);
  }
  return out;
}

/** Whether the nearest structural line above at this column or less is a `- ` item at exactly this column. */
export function nearestSeqAt(shapes: LineShape[], line: number, column: number): boolean {
  for (let l = line - 1; l >= 0; l--) {
    const s = shapes[l];
    if (s.blank) continue;
    const first = s.dashes.length ? s.dashes[0] : s.indent;
    if (first > column) continue;
    return s.dashes.length > 0 && first === column;
  }
  return false;
}

/** Scalar items of the block list around `line` whose dashes are at `dash` (excluding the line itself). */
export function blockItems(lines: string[], shapes: LineShape[], line: number, dash: number): string[] {
  const out: string[] = [];
  const scan = (from: number, step: number) => {
    for (let l = from; l >= 0 && l < lines.length; l += step) {
      const s = shapes[l];
      if (s.blank) continue;
      const first = s.dashes.length ? s.dashes[0] : s.indent;
      if (first < dash || (first === dash && !s.dashes.length)) break;
      if (first === dash && s.dashes.length === 1 && !s.key && s.value) out.push(s.value.replace(/^["']|["']$/g, ''));
    }
  };
  scan(line - 1, -1);
  scan(line + 1, 1);
  return out;
}
