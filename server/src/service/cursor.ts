// Where the cursor is for completion: a key position, a value (maybe a list item), or a place for
// a new list item, with the path of the map or list it belongs to (see line-shapes.ts).
import { blockItems, containerAt, keysBelow, lineShape, nearestSeqAt } from './line-shapes';
import type { PathSegment } from './line-shapes';
import { WORD_CHAR, flowListItem, flowMapContexts, wordEnd } from './flow-cursor';

export type { PathSegment };

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
      /** Inside a flow map `{ … }`: a key is always followed by `: ` and a value on the same line. */
      inFlow?: boolean;
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

  if (here.dashes.length && !here.key && here.valueStart !== undefined && text[here.valueStart] === '{') {
    // `  - { id: x, own|`: a list item written as a flow map.
    const container = containerAt(shapes, line, here.dashes[here.dashes.length - 1], 'seq');
    return container.inScalar ? [] : flowMapContexts(text, ch, here.valueStart, container.path);
  }

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
    if (raw.startsWith('[')) return [flowListItem(text, here.valueStart, ch, path)];
    if (raw.startsWith('{')) return flowMapContexts(text, ch, here.valueStart, path);
    if (/^[|>]/.test(raw)) return [];
    const quoted = /^["']/.test(raw);
    const start = here.valueStart + (quoted ? 1 : 0);
    const end = quoted ? ch + /^[^"']*/.exec(text.slice(ch))![0].length : valueEnd;
    return [{ kind: 'value', path, listItem: false, start, end, prefix: text.slice(start, ch), present: [], quoted }];
  }

  // The word before the cursor (not starting with `-`), scanned backwards: a regex would be quadratic on long lines.
  let start = ch;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
  while (start < ch && text[start] === '-') start++;
  const prefix = text.slice(start, ch);
  const end = wordEnd(text, ch);
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

/** The text with quoted parts blanked, so `#` inside quotes is not taken for a comment. */
function stripQuoted(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"?|'(?:[^']|'')*'?/g, (m) => ' '.repeat(m.length));
}
