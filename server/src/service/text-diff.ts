// The smallest set of text edits turning one text into another: a line diff (LCS), each changed
// hunk then trimmed to the characters that differ. Used where the engine changed the text in
// several passes (fix-all), so editors get minimal `changes`, not a whole-document replacement.
import type { TextEdit } from '../engine/model';
import { LineIndex } from '../engine/text';

/** Above this many line comparisons the changed middle is replaced as one hunk. */
const MAX_LCS_CELLS = 4_000_000;

export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitKeepingBreaks(before);
  const b = splitKeepingBreaks(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const hunks = lineHunks(a.slice(start, endA), b.slice(start, endB)).map((h) => ({
    fromA: h.fromA + start,
    toA: h.toA + start,
    fromB: h.fromB + start,
    toB: h.toB + start,
  }));

  const offsetsA = lineOffsets(a);
  const offsetsB = lineOffsets(b);
  const lines = new LineIndex(before);
  return hunks.map((h) => {
    let s = offsetsA[h.fromA];
    let e = offsetsA[h.toA];
    let ns = offsetsB[h.fromB];
    let ne = offsetsB[h.toB];
    while (s < e && ns < ne && before[s] === after[ns]) {
      s++;
      ns++;
    }
    while (e > s && ne > ns && before[e - 1] === after[ne - 1]) {
      e--;
      ne--;
    }
    // Never split a surrogate pair.
    if (s > 0 && isHighSurrogate(before.charCodeAt(s - 1))) {
      s--;
      ns--;
    }
    if (e < before.length && isLowSurrogate(before.charCodeAt(e))) {
      e++;
      ne++;
    }
    return { range: lines.rangeOf(s, e), newText: after.slice(ns, ne) };
  });
}

interface Hunk {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
}

/** Changed runs between two line lists, from their longest common subsequence. */
function lineHunks(a: string[], b: string[]): Hunk[] {
  if (a.length === 0 || b.length === 0 || a.length * b.length > MAX_LCS_CELLS) return [{ fromA: 0, toA: a.length, fromB: 0, toB: b.length }];
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | undefined;
  const close = () => {
    if (open) hunks.push(open);
    open = undefined;
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { fromA: i, toA: i, fromB: j, toB: j };
    if (j < b.length && (i === a.length || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j])) open.toB = ++j;
    else open.toA = ++i;
  }
  close();
  return hunks;
}

function splitKeepingBreaks(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', from)) {
    out.push(text.slice(from, i + 1));
    from = i + 1;
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}

function lineOffsets(lines: string[]): number[] {
  const out = [0];
  for (const l of lines) out.push(out[out.length - 1] + l.length);
  return out;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
