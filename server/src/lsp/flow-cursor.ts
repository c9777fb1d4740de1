// The cursor inside a one-line flow mapping, `- { id: x, owner: |, boundary: }`: a key of that
// map, or the value of one of its keys (maybe an item of a `[...]` list in it). Nested maps and
// flow maps spanning several lines are not read; they get no completion.
import type { CursorContext, PathSegment } from './cursor';

const WORD_CHAR = /[A-Za-z0-9_-]/;
const KEY = /^\s*([A-Za-z0-9_-]+|"[^"]*"|'[^']*')\s*:(?=\s|$)\s*/;

/** Contexts for the cursor at `ch` in the flow map opening at column `open` of `text`, whose path is `mapPath`. */
export function flowMapContexts(text: string, ch: number, open: number, mapPath: PathSegment[]): CursorContext[] {
  const scan = scanFlow(text, open, ch);
  if (!scan) return [];
  const wordEnd = (from: number) => {
    let e = from;
    while (e < text.length && WORD_CHAR.test(text[e])) e++;
    return e;
  };
  const segment = text.slice(scan.segmentStart, ch);
  const key = KEY.exec(segment);
  if (!key) {
    if (scan.quote || scan.listOpen >= 0 || !/^\s*[A-Za-z0-9_-]*$/.test(segment)) return [];
    const start = ch - /[A-Za-z0-9_-]*$/.exec(segment)![0].length;
    const end = wordEnd(ch);
    const typing = text.slice(start, end);
    const siblings = new Set(flowKeys(text, open).filter((k) => k !== typing));
    return [{ kind: 'key', path: mapPath, siblings, start, end, prefix: text.slice(start, ch), hasColon: /^\s*:/.test(text.slice(end)), inFlow: true }];
  }
  const name = key[1].replace(/^["']|["']$/g, '');
  const path = [...mapPath, name];
  const valueStart = scan.segmentStart + key[0].length;
  if (scan.listOpen >= 0) {
    const raw = text.slice(scan.listOpen + 1, ch);
    const lastSep = raw.lastIndexOf(',');
    let start = scan.listOpen + 1 + lastSep + 1;
    start += /^\s*/.exec(text.slice(start, ch))![0].length;
    const quoted = scan.quote !== undefined;
    if (quoted) start++;
    const prefix = text.slice(start, ch);
    const close = text.indexOf(']', ch);
    const inner = text.slice(scan.listOpen + 1, close === -1 ? text.length : close);
    const present = inner.split(',').map((s) => s.trim().replace(/^["']|["']$/g, '')).filter((s) => s !== '' && s !== prefix);
    return [{ kind: 'value', path, listItem: true, start, end: wordEnd(ch), prefix, present, quoted }];
  }
  if (/^[[{|>]/.test(text.slice(valueStart, ch))) return [];
  const quoted = scan.quote !== undefined;
  const start = valueStart + (quoted ? 1 : 0);
  const end = quoted ? ch + /^[^"']*/.exec(text.slice(ch))![0].length : wordEnd(ch);
  return [{ kind: 'value', path, listItem: false, start, end, prefix: text.slice(start, ch), present: [], quoted }];
}

interface FlowScan {
  /** Where the current `key: value` pair of the map starts (after `{` or its `,`). */
  segmentStart: number;
  /** Column of the `[` of an open flow list at the cursor, or -1. */
  listOpen: number;
  /** The quote the cursor is inside, if any. */
  quote?: string;
}

/** Reads from the `{` at `open` to `ch`; undefined when the map closes before the cursor or nests another map. */
function scanFlow(text: string, open: number, ch: number): FlowScan | undefined {
  let segmentStart = open + 1;
  let listOpen = -1;
  let quote: string | undefined;
  for (let i = open + 1; i < ch; i++) {
    const c = text[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') return undefined;
    else if (c === '}') return undefined;
    else if (c === '[') {
      if (listOpen >= 0) return undefined;
      listOpen = i;
    } else if (c === ']') listOpen = -1;
    else if (c === ',' && listOpen < 0) segmentStart = i + 1;
    else if (c === '#' && /\s/.test(text[i - 1])) return undefined; // a comment: the map is not on this line
  }
  return { segmentStart, listOpen, quote };
}

/** The keys of the flow map opening at `open` (top level only). */
function flowKeys(text: string, open: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let segmentStart = open + 1;
  const take = (end: number) => {
    const m = KEY.exec(text.slice(segmentStart, end));
    if (m) keys.push(m[1].replace(/^["']|["']$/g, ''));
  };
  let end = text.length;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || (c === '}' && depth > 0)) depth--;
    else if (c === '}' || (c === '#' && /\s/.test(text[i - 1]))) {
      end = i;
      break;
    }
    else if (c === ',' && depth === 0) {
      take(i);
      segmentStart = i + 1;
    }
  }
  take(end);
  return keys;
}
