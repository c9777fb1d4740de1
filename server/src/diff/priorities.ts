// Priorities reordered: among the priorities present on both sides, the ones whose relative order
// changed. The others keep their order (the longest run that did), so adding or removing a priority
// never makes the rest "move", and moving the first one to third reports that one alone. Ranks are
// full-list ranks, 1-based: the position in the YAML list, what a reader counts in each version.
import type { EntryRecord } from './entries';
import type { PriorityMove } from './types';

export function priorityMoves(pairs: ReadonlyArray<readonly [EntryRecord, EntryRecord]>): PriorityMove[] {
  // Pairs in head order; their base positions must increase for the order to be unchanged.
  const sorted = [...pairs].sort((a, b) => a[1].index - b[1].index);
  const kept = keptInOrder(sorted.map(([b]) => b.index), sorted.map(([b, h]) => h.index - b.index));
  const moves: PriorityMove[] = [];
  sorted.forEach(([b, h], i) => {
    if (kept.has(i)) return;
    const [fromRank, toRank] = [b.index + 1, h.index + 1];
    moves.push({
      category: 'priorities',
      kind: 'priority-moved',
      section: 'priorities',
      id: h.id ?? `#${h.index + 1}`,
      fromRank,
      toRank,
      subject: h.label,
      message: `${h.label}: reordered, rank ${fromRank} → ${toRank}`,
    });
  });
  return moves;
}

/** Beyond this many shared priorities the choice among equally long runs is not refined (n² work). */
const REFINED_UP_TO = 1000;

/**
 * Indices (into `values`) of one longest strictly increasing subsequence: the priorities that kept
 * their relative order. Among equally long ones, the kept priorities are those whose rank moved
 * least, and then those that moved down, so the report names the big moves, and of two swapped
 * priorities the one that moved up (the new top priority is the news). `shifts[i]` is the rank
 * change of `values[i]` (positive: down the list).
 */
export function keptInOrder(values: readonly number[], shifts: readonly number[]): Set<number> {
  const n = values.length;
  if (n > REFINED_UP_TO) return longestIncreasing(values);
  const length = new Array<number>(n).fill(1);
  const moved = shifts.map((d) => Math.abs(d));
  const down = shifts.map((d) => -d);
  const previous = new Array<number>(n).fill(-1);
  const better = (len: number, cost: number, tie: number, i: number) =>
    len > length[i] || (len === length[i] && (cost < moved[i] || (cost === moved[i] && tie < down[i])));
  for (let i = 0; i < n; i++) {
    const own = [Math.abs(shifts[i]), -shifts[i]];
    for (let j = 0; j < i; j++) {
      if (values[j] >= values[i]) continue;
      const [len, cost, tie] = [length[j] + 1, moved[j] + own[0], down[j] + own[1]];
      if (better(len, cost, tie, i)) [length[i], moved[i], down[i], previous[i]] = [len, cost, tie, j];
    }
  }
  let end = -1;
  for (let i = 0; i < n; i++) if (end === -1 || length[i] > length[end] || (length[i] === length[end] && (moved[i] < moved[end] || (moved[i] === moved[end] && down[i] < down[end])))) end = i;
  const kept = new Set<number>();
  for (let i = end; i !== -1; i = previous[i]) kept.add(i);
  return kept;
}

/** One longest strictly increasing subsequence, by patience sorting (n log n), for very long lists. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i !== -1; i = previous[i]) kept.add(i);
  return kept;
}
