// The cursor inside one-line flow collections: an item of a `[...]` list, or a key or value of a
// `{ ... }` map (`- { id: x, owner: |, boundary: }`), maybe a list inside it. Nested maps and flow
// maps spanning several lines are not read; they get no completion.
import type { CursorContext, PathSegment } from './cursor';

export const WORD_CHAR = /[A-Za-z0-9_-]/;
const KEY = /^\s*([A-Za-z0-9_-]+|"[^"]*"|'[^']*')\s*:(?=\s|$)\s*/;

/** End of the word that starts (or continues) at `from`. */
export function wordEnd(text: string, from: number): number {
  let e = from;
  while (e < text.length && WORD_CHAR.test(text[e])) e++;
  return e;
}

/** The cursor at `ch` in the flow list whose `[` is at `listOpen`: a new or half-typed item of the list at `path`. */
export function flowListItem(text: string, listOpen: number, ch: number, path: PathSegment[]): CursorContext {
  const lastSep = text.slice(listOpen + 1, ch).lastIndexOf(',');
  let start = listOpen + 1 + lastSep + 1;
  start += /^\s*/.exec(text.slice(start, ch))![0].length;
  const quoted = /^["']/.test(text.slice(start, ch));
  if (quoted) start++;
  const prefix = text.slice(start, ch);
  const close = text.indexOf(']', ch);
  const inner = text.slice(listOpen + 1, close === -1 ? text.length : close).split(/\s#/)[0];
  const present = inner.split(',').map((s) => s.trim().replace(/^["']|["']$/g, '')).filter((s) => s !== '' && s !== prefix);
  return { kind: 'value', path, listItem: true, start, end: wordEnd(text, ch), prefix, present, quoted };
}

/** Contexts for the cursor at `ch` in the flow map opening at column `open` of `text`, whose path is `mapPath`. */
export function flowMapContexts(text: string, ch: number, open: number, mapPath: PathSegment[]): CursorContext[] {
  const scan = scanFlowMap(text, open, ch);
  if (scan.closed >= 0 || scan.nested || scan.comment) return [];
  const segmentStart = scan.segments[scan.segments.length - 1];
  const segment = text.slice(segmentStart, ch);
  const key = KEY.exec(segment);
  if (!key) {
    if (scan.quote || scan.listOpen >= 0 || !/^\s*[A-Za-z0-9_-]*$/.test(segment)) return [];
    let start = ch;
    while (start > segmentStart && WORD_CHAR.test(text[start - 1])) start--;
    const end = wordEnd(text, ch);
    const typing = text.slice(start, end);
    const siblings = new Set(flowMapKeys(text, open).filter((k) => k !== typing));
    return [{ kind: 'key', path: mapPath, siblings, start, end, prefix: text.slice(start, ch), hasColon: /^\s*:/.test(text.slice(end)), inFlow: true }];
  }
  const path = [...mapPath, unquote(key[1])];
  if (scan.listOpen >= 0) return [flowListItem(text, scan.listOpen, ch, path)];
  const valueStart = segmentStart + key[0].length;
  if (/^[[{|>]/.test(text.slice(valueStart, ch))) return [];
  const quoted = scan.quote !== undefined;
  const start = valueStart + (quoted ? 1 : 0);
  const end = quoted ? ch + /^[^"']*/.exec(text.slice(ch))![0].length : wordEnd(text, ch);
  return [{ kind: 'value', path, listItem: false, start, end, prefix: text.slice(start, ch), present: [], quoted }];
}

interface FlowScan {
  /** Where each `key: value` pair of the map starts (after `{` or its `,`). */
  segments: number[];
  /** Column of the `[` of a list still open at the limit, or -1. */
  listOpen: number;
  /** The quote still open at the limit, if any. */
  quote?: string;
  /** Column of the map's closing `}` before the limit, or -1. */
  closed: number;
  /** A map inside the map, or a list inside a list (not read). */
  nested: boolean;
  /** A comment starts before the limit: the map does not end on this line. */
  comment: boolean;
}

/** Reads the flow map opening at `open` up to `limit` (or its closing brace), outside quotes. */
function scanFlowMap(text: string, open: number, limit: number): FlowScan {
  const scan: FlowScan = { segments: [open + 1], listOpen: -1, closed: -1, nested: false, comment: false };
  for (let i = open + 1; i < limit; i++) {
    const c = text[i];
    if (scan.quote) {
      if (scan.quote === '"' && c === '\\') i++;
      else if (c === scan.quote) {
        if (scan.quote === "'" && text[i + 1] === "'") i++;
        else scan.quote = undefined;
      }
    } else if (c === '"' || c === "'") scan.quote = c;
    else if (c === '{' || (c === '[' && scan.listOpen >= 0)) scan.nested = true;
    else if (c === '[') scan.listOpen = i;
    else if (c === ']') scan.listOpen = -1;
    else if (c === '}') {
      scan.closed = i;
      break;
    } else if (c === ',' && scan.listOpen < 0) scan.segments.push(i + 1);
    else if (c === '#' && /\s/.test(text[i - 1])) {
      scan.comment = true;
      break;
    }
    if (scan.nested) break;
  }
  return scan;
}

/** The keys of the flow map opening at `open`. */
function flowMapKeys(text: string, open: number): string[] {
  const scan = scanFlowMap(text, open, text.length);
  const ends = [...scan.segments.slice(1).map((s) => s - 1), scan.closed >= 0 ? scan.closed : text.length];
  return scan.segments.flatMap((start, i) => {
    const m = KEY.exec(text.slice(start, ends[i]));
    return m ? [unquote(m[1])] : [];
  });
}

function unquote(key: string): string {
  return key.replace(/^["']|["']$/g, '');
}
