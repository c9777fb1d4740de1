// Where the cursor is in the YAML structure, read from indentation and `- ` markers rather than
// from the parsed document: while someone types, the line under the cursor rarely parses
// (`    own` has no colon yet), but its indentation still says which map or list it belongs to.

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

const KEY_RE = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},:?|>&*!%@`-][^#:]*?|-[^\s#:][^#:]*?)\s*:(?=\s|$)/;

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
  const key = KEY_RE.exec(afterDashes);
  if (key) {
    const raw = key[1];
    const unquoted = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
    shape.key = { text: unquoted, start: col, end: col + raw.length };
    const colon = col + key[0].length;
    const after = text.slice(colon + 1);
    const lead = /^\s*/.exec(after)![0].length;
    shape.valueStart = colon + 1 + lead;
    shape.value = stripComment(after.slice(lead));
  } else if (afterDashes.trim() !== '') {
    shape.valueStart = col;
    shape.value = stripComment(afterDashes);
  }
  return shape;
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
  return v === '' || /^([&!][^\s]*\s*)+$/.test(v);
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
  if (collectBelow) {
    // Keys after the position at the same column belong to the same map.
    for (let l = line + 1; l < shapes.length; l++) {
      const s = shapes[l];
      if (s.blank) continue;
      const first = s.dashes.length ? s.dashes[0] : s.indent;
      if (first < column) break;
      if (!s.dashes.length && s.key && s.key.start === column) siblings.add(s.key.text);
    }
  }
  return { path: path.reverse(), siblings, inScalar: false };
}

/** Keys of the map on the current line's item that come after it (`- id: x` then `  scope:`). */
function keysBelow(shapes: LineShape[], line: number, column: number): Set<string> {
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

export type CursorContext =
  | {
      kind: 'key';
      /** Path of the map the key would go into. */
      path: PathSegment[];
      siblings: Set<string>;
      /** Columns of the key text being typed (start, end of the word, which may extend past the cursor). */
      start: number;
      end: number;
      prefix: string;
      /** The line already has `key:` after the word: insert the name only. */
      hasColon: boolean;
    }
  | {
      kind: 'value';
      /** Path of the value (ends with its key, or with the list's key for list items). */
      path: PathSegment[];
      listItem: boolean;
      start: number;
      end: number;
      prefix: string;
      /** Other items already in the list (flow or block). */
      present: string[];
      /** Inside quotes: insert the bare value. */
      quoted: boolean;
    }
  | {
      kind: 'item';
      /** Path of the list a new item would go into. */
      path: PathSegment[];
      /** Column where the item's `- ` goes, and whether the line already has it. */
      dashColumn: number;
      hasDash: boolean;
      start: number;
      end: number;
      prefix: string;
    };

const WORD_CHAR = /[A-Za-z0-9_-]/;

/** Every reading of the cursor position (a blank line in a list can be a new key or a new item). */
export function cursorContexts(lines: string[], line: number, character: number): CursorContext[] {
  if (line < 0 || line >= lines.length) return [];
  const text = lines[line];
  const ch = Math.max(0, Math.min(character, text.length));
  const before = text.slice(0, ch);
  if (/(^|\s)#/.test(stripQuoted(before))) return []; // inside a comment
  const shapes = lines.map((l, i) => (i === line ? lineShape(before) : lineShape(l)));
  const here = lineShape(before);
  const out: CursorContext[] = [];

  const wordEnd = (from: number) => {
    let e = from;
    while (e < text.length && WORD_CHAR.test(text[e])) e++;
    return e;
  };

  if (here.key && here.valueStart !== undefined) {
    // `key: val|` — a value, maybe an item of a flow list.
    const container = here.dashes.length
      ? containerAt(shapes, line, here.dashes[here.dashes.length - 1], 'seq')
      : containerAt(shapes, line, here.key.start, 'map');
    if (container.inScalar) return [];
    const path = [...container.path, here.key.text];
    const raw = text.slice(here.valueStart, ch);
    const whole = lineShape(text);
    const valueEnd = Math.max(ch, (whole.valueStart ?? ch) + (whole.value ?? '').length);
    if (raw.startsWith('[')) {
      const lastSep = Math.max(raw.lastIndexOf('['), raw.lastIndexOf(','));
      const lead = /^\s*/.exec(raw.slice(lastSep + 1))![0].length;
      let start = here.valueStart + lastSep + 1 + lead;
      if (/^["']/.test(text.slice(start, ch))) start++;
      const prefix = text.slice(start, ch);
      const inner = (whole.value ?? '').replace(/^\[/, '').replace(/\].*$/, '');
      const present = inner.split(',').map((s) => s.trim().replace(/^["']|["']$/g, '')).filter((s) => s !== '' && s !== prefix);
      const quoted = /["']/.test(text[start - 1] ?? '');
      return [{ kind: 'value', path, listItem: true, start, end: wordEnd(ch), prefix, present, quoted }];
    }
    if (/^[|>{]/.test(raw)) return [];
    const quoted = /^["']/.test(raw);
    const start = here.valueStart + (quoted ? 1 : 0);
    const end = quoted ? ch + /^[^"']*/.exec(text.slice(ch))![0].length : valueEnd;
    return [{ kind: 'value', path, listItem: false, start, end, prefix: text.slice(start, ch), present: [], quoted }];
  }

  const wordMatch = /(?:[A-Za-z0-9_][A-Za-z0-9_-]*)?$/.exec(before)!;
  const prefix = wordMatch[0];
  const start = ch - prefix.length;
  const end = wordEnd(ch);
  const rest = text.slice(end);
  const hasColon = /^\s*:/.test(rest);
  const typed = before.slice(0, start);
  if (!/^ *(- +)*-?$/.test(typed)) return [];

  if (here.dashes.length) {
    // `  - wor|`: a new item of the list at the last dash; it may be a map (keys) or a scalar (value).
    const dash = here.dashes[here.dashes.length - 1];
    const container = containerAt(shapes, line, dash, 'seq');
    if (container.inScalar) return [];
    const seqPath = container.path.slice(0, -1);
    const itemPath = container.path;
    const keyColumn = start;
    out.push({ kind: 'item', path: seqPath, dashColumn: dash, hasDash: true, start, end, prefix });
    out.push({ kind: 'key', path: itemPath, siblings: keysBelow(shapes, line, keyColumn), start, end, prefix, hasColon });
    out.push({ kind: 'value', path: seqPath, listItem: true, start, end, prefix, present: blockItems(lines, shapes, line, dash), quoted: false });
    return out;
  }

  // `    wor|` or an empty line: a key of the map at this column, or a new list item here.
  const column = start;
  const asKey = containerAt(shapes, line, column, 'map');
  if (asKey.inScalar) return [];
  out.push({ kind: 'key', path: asKey.path, siblings: asKey.siblings, start, end, prefix, hasColon });
  const seqAbove = nearestSeqAt(shapes, line, column);
  if (seqAbove) {
    const asItem = containerAt(shapes, line, column, 'seq', 1);
    if (!asItem.inScalar) out.push({ kind: 'item', path: asItem.path.slice(0, -1), dashColumn: column, hasDash: false, start, end, prefix });
  }
  return out;
}

/** Whether the nearest structural line above at this column or less is a `- ` item at exactly this column. */
function nearestSeqAt(shapes: LineShape[], line: number, column: number): boolean {
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
function blockItems(lines: string[], shapes: LineShape[], line: number, dash: number): string[] {
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

/** The text with quoted parts blanked, so `#` inside quotes is not taken for a comment. */
function stripQuoted(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"?|'(?:[^']|'')*'?/g, (m) => ' '.repeat(m.length));
}
