// Carries organisation findings over an edit that only moved things in one charter (typing in a
// purpose, a description, a why): when the charter's new summary says the same as the old one
// apart from positions, and the positions keep their order, the organisation rules would report
// the same findings at the moved positions, so they are moved instead of run again. Anything
// else (a name, an id, a scope, a position that has no counterpart) gives undefined: run them.
import type { CharterSummary } from '../engine/charter-set';
import type { Finding, Range } from '../engine/model';

/** Old range of one charter (`line:char:line:char`) → where it is now. */
export type RangeMoves = ReadonlyMap<string, Range>;

const keyOf = (r: Range) => `${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;

/**
 * Where each range of `before` went in `after`, when the two summaries are the same apart from
 * their ranges and every comparison of two positions of the file comes out the same before and
 * after (rules sort by position); undefined otherwise.
 */
export function movedRanges(before: CharterSummary, after: CharterSummary): RangeMoves | undefined {
  const moves = new Map<string, Range>();
  const pairs: Array<[Range, Range]> = [];
  const same = (a: unknown, b: unknown): boolean => {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
      const bs = b as unknown[];
      return a.length === bs.length && a.every((x, i) => same(x, bs[i]));
    }
    if (isRange(a) && isRange(b)) {
      const key = keyOf(a);
      const known = moves.get(key);
      if (known) return keyOf(known) === keyOf(b);
      moves.set(key, b);
      pairs.push([a, b]);
      return true;
    }
    const ka = Object.keys(a);
    const ob = b as Record<string, unknown>;
    return ka.length === Object.keys(b).length && ka.every((k) => k in ob && same((a as Record<string, unknown>)[k], ob[k]));
  };
  if (!same(before, after)) return undefined;
  return ordered(pairs) ? moves : undefined;
}

/** `findings` (per file of the set) with the places in `file` moved; undefined when one has not moved with the summary. */
export function movedFindings(findings: ReadonlyMap<string, Finding[]>, file: string, moves: RangeMoves): Map<string, Finding[]> | undefined {
  const out = new Map<string, Finding[]>();
  const move = (r: Range) => moves.get(keyOf(r));
  for (const [owner, list] of findings) {
    const here = owner === file;
    const moved: Finding[] = [];
    for (const f of list) {
      const range = here ? move(f.range) : f.range;
      if (!range) return undefined;
      let related = f.related;
      if (related) {
        const next: NonNullable<Finding['related']> = [];
        for (const r of related) {
          const inFile = r.file === undefined ? here : r.file === file;
          const at = inFile ? move(r.range) : r.range;
          if (!at) return undefined;
          next.push(at === r.range ? r : { ...r, range: at });
        }
        related = next;
      }
      moved.push(range === f.range && related === f.related ? f : { ...f, range, ...(related ? { related } : {}) });
    }
    out.set(owner, moved);
  }
  return out;
}

function isRange(x: object): x is Range {
  const r = x as Partial<Range>;
  return typeof r.start === 'object' && typeof r.end === 'object' && r.start !== null && r.end !== null && typeof r.start.line === 'number' && typeof r.end.line === 'number';
}

/** Every pair of positions (starts and ends) compares the same way before and after. */
function ordered(pairs: ReadonlyArray<[Range, Range]>): boolean {
  const points = pairs.flatMap(([a, b]) => [[a.start, b.start], [a.end, b.end]] as const);
  const cmp = (p: Range['start'], q: Range['start']) => p.line - q.line || p.character - q.character;
  points.sort((x, y) => cmp(x[0], y[0]));
  for (let i = 1; i < points.length; i++) {
    const was = Math.sign(cmp(points[i - 1][0], points[i][0]));
    const now = Math.sign(cmp(points[i - 1][1], points[i][1]));
    if (was !== now) return false;
  }
  return true;
}
