// Priorities reordered: among the priorities present on both sides, the ones whose relative order
// changed. The others keep their order (the longest run that did), so adding or removing a priority
// never makes the rest "move", and moving the first one to third reports that one alone. Ranks are
// full-list ranks, 1-based: the position in the YAML list, what a reader counts in each version.
import type { EntryRecord } from './entries';
import type { PriorityMove } from './types';

export function priorityMoves(pairs: ReadonlyArray<readonly [EntryRecord, EntryRecord]>): PriorityMove[] {
  // Pairs in head order; their base positions must increase for the order to be unchanged.
  const sorted = [...pairs].sort((a, b) => a[1].index - b[1].index);
  const kept = longestIncreasing(sorted.map(([b]) => b.index));
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

/**
 * Indices (into `values`) of one longest strictly increasing subsequence (patience sorting, n log n).
 * Among equally long ones it keeps the smallest values, so of two swapped priorities the one that
 * moved up is reported: the new top priority is the news.
 */
export function longestIncreasing(values: readonly number[]): Set<number> {
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
