// Offsets ↔ LSP positions (0-based line, UTF-16 character) and small string helpers.
import type { Position, Range } from './model';

export class LineIndex {
  /** Offset of the first character of every line. */
  readonly starts: number[];
  /** The file's own line break, reused by every inserted line so CRLF files stay CRLF. */
  readonly eol: '\n' | '\r\n' | '\r';

  /** Lines end at `\r\n`, `\n` or a lone `\r`, as in LSP (and YAML). */
  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.eol = '\n';
    } else {
      const breaks = /\r\n?|\n/g;
      for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length);
      this.eol = (/\r\n?|\n/.exec(text)?.[0] ?? '\n') as '\n' | '\r\n' | '\r';
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    // An offset inside a CRLF break (on its LF) is the line's end, as LSP reads a character past it.
    return { line, character: Math.min(clamped, this.lineEndOf(line)) - this.starts[line] };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    // Past the end of its line, a position means the line's end (LSP).
    return Math.min(this.starts[pos.line] + Math.max(0, pos.character), this.lineEndOf(pos.line));
  }

  /** End of the line's content (before its line break); with `includeBreak`, after it. */
  lineEndOf(line: number, includeBreak = false): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[line + 1];
    if (includeBreak) return next;
    return this.text[next - 1] === '\n' && this.text[next - 2] === '\r' && next - 2 >= this.starts[line] ? next - 2 : next - 1;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEndOf(line));
  }

  /** Column of the first non-blank character of the line. */
  indentOf(line: number): number {
    const start = this.starts[line];
    let i = start;
    while (this.text[i] === ' ') i++;
    return i - start;
  }
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Candidates at the smallest distance ≤ maxDistance from `value` (sorted, no duplicates). */
export function closestMatches(value: string, candidates: Iterable<string>, maxDistance: number): string[] {
  let best = maxDistance + 1;
  let found: string[] = [];
  for (const c of new Set(candidates)) {
    if (c === value) continue;
    const d = editDistance(value, c, best);
    if (d < best) {
      best = d;
      found = [c];
    } else if (d === best && d <= maxDistance) {
      found.push(c);
    }
  }
  return best <= maxDistance ? found.sort() : [];
}

/**
 * `closestMatches` over a large, fixed set of ids (every party of a big charter), without
 * comparing each query with every id: two strings within edit distance d share at least
 * max(|a|, |b|) + 1 − 2d of their bigrams (each edit touches at most two), so only ids found
 * through shared bigrams are compared. Short queries, where the bound says nothing, compare
 * with the ids of similar length.
 */
export class NearestIds {
  private readonly ids: string[];
  private byGram: Map<string, number[]> | undefined;
  private byLength: Map<number, number[]> | undefined;

  /** Below this many ids, comparing with each is cheaper than building the index. */
  static readonly INDEX_FROM = 256;

  constructor(ids: Iterable<string>) {
    this.ids = [...new Set(ids)];
  }

  closest(value: string, maxDistance: number): string[] {
    if (this.ids.length < NearestIds.INDEX_FROM) return closestMatches(value, this.ids, maxDistance);
    const { byGram, byLength } = this.index();
    const candidates: number[] = [];
    if (value.length + 1 - 2 * maxDistance <= 1) {
      for (let len = value.length - maxDistance; len <= value.length + maxDistance; len++) candidates.push(...(byLength.get(len) ?? []));
    } else {
      const shared = new Map<number, number>();
      for (const gram of bigrams(value)) for (const i of byGram.get(gram) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
      for (const [i, n] of shared) if (n >= Math.max(value.length, this.ids[i].length) + 1 - 2 * maxDistance) candidates.push(i);
    }
    return closestMatches(value, candidates.map((i) => this.ids[i]), maxDistance);
  }

  private index(): { byGram: Map<string, number[]>; byLength: Map<number, number[]> } {
    if (!this.byGram || !this.byLength) {
      const byGram = new Map<string, number[]>();
      const byLength = new Map<number, number[]>();
      this.ids.forEach((id, i) => {
        for (const gram of bigrams(id)) push(byGram, gram, i);
        push(byLength, id.length, i);
      });
      [this.byGram, this.byLength] = [byGram, byLength];
    }
    return { byGram: this.byGram, byLength: this.byLength };
  }
}

function bigrams(s: string): string[] {
  const padded = `\u0002${s}\u0003`;
  const out: string[] = [];
  for (let i = 0; i + 1 < padded.length; i++) out.push(padded.slice(i, i + 2));
  return out;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * `text` without the characters at its end that `char` (a test of one character) matches. A regex
 * anchored at the end (`/[\s.]+$/`) is tried from every position of a long run: quadratic.
 */
export function trimEndMatching(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0 && char.test(text[end - 1])) end--;
  return text.slice(0, end);
}

/** Quotes a value for a message: `"pick-vendors"`. */
export function q(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const short = s.length > 60 ? s.slice(0, 57) + '…' : s;
  return `"${short.replace(/\s+/g, ' ').replace(NON_PRINTABLE, escapeChar).replace(BIDI_CONTROLS, escapeChar)}"`;
}

/**
 * Bidirectional formatting characters: YAML allows them, but quoted raw in a message they would
 * reorder the rest of it wherever it is shown (terminal, editor, code-scanning page).
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Characters YAML does not allow in a stream (outside c-printable): C0 and C1 controls but tab,
 * LF, CR and NEL, DEL, U+FFFE/U+FFFF and lone surrogates. The parser accepts them silently.
 */
export const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `U+0000` for a character a message must not print raw. */
export function escapeChar(c: string): string {
  return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}
