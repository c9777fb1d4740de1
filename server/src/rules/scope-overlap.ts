import type { Node } from 'yaml';
import { defineRule } from '../engine/rule';
import type { RuleContext } from '../engine/rule';
import type { CharterIndex } from '../engine/indexes';
import type { Entry } from '../engine/parse';
import { q } from '../engine/text';
import { scopeWords } from '../engine/vocabulary';
import { fieldValue } from '../engine/fields';

// Jaccard threshold 0.8 as the fraction 4/5, so every filter below is exact integer arithmetic.
const NUM = 4;
const DEN = 5;

interface Scoped {
  decision: Entry;
  scopeNode: Node;
  /** Content words in order, joined: equal strings mean the same scope after normalising. */
  sequence: string;
  words: Set<string>;
  /** The distinct words, rarest first (one global order, which prefix filtering relies on); only
   *  computed for sets of MID words or more, which go through prefix filtering. */
  byRarity: string[];
  /** The distinct words in alphabetical order (set identity and deletion keys). */
  sorted: string[];
  /** Undefined for a decision without an owner: it differs from every owner, even another missing one. */
  ownerKey: string | undefined;
  ownerText: string | undefined;
  order: number;
}

/** Decisions whose scopes have the same word set; only two are needed to find one with another owner. */
interface Group {
  first: Scoped;
  /** The first later member whose owner differs from `first`'s. */
  otherOwner?: Scoped;
}

/**
 * Sets of up to SMALL words are matched through deletion keys: with Jaccard ≥ 0.8, A and B differ
 * in at most ⌊|A|/4⌋ words of A and ⌊|B|/4⌋ of B, so A minus its extra words and B minus its extra
 * words are the same key (A ∩ B), and each set needs at most 67 keys. Larger sets (only sets of
 * MID words or more can match them) go through prefix filtering instead: two sets with
 * Jaccard ≥ t share a word among the first |A| − ⌈t·|A|⌉ + 1 rarest words of each.
 */
const SMALL = 11;
const MID = Math.ceil((NUM * (SMALL + 1)) / DEN);

export default defineRule({
  id: 'scope-overlap',
  severity: 'warning',
  description: 'Two decisions cover the same scope but have different owners',
  check(ctx) {
    const items = collect(ctx.model.lists.decisions, ctx.index);
    const groups = new Map<string, Group>();
    const byKey = new Map<string, Group[]>();
    const postings = new Map<string, Group[]>();

    for (const item of items) {
      const size = item.sorted.length;
      const small = size <= SMALL;
      let best: { rep: Scoped; inter: number; union: number } | undefined;
      const seen = new Set<Group>();
      const consider = (group: Group) => {
        if (seen.has(group)) return;
        seen.add(group);
        const other = group.first.sorted.length;
        if (DEN * Math.min(size, other) < NUM * Math.max(size, other)) return; // size filter
        const inter = intersectionSize(item.words, group.first.words);
        const union = size + other - inter;
        if (DEN * inter < NUM * union) return;
        const rep = differs(item.ownerKey, group.first.ownerKey) ? group.first : group.otherOwner;
        if (!rep) return;
        const better = !best || inter * best.union > best.inter * union || (inter * best.union === best.inter * union && rep.order < best.rep.order);
        if (better) best = { rep, inter, union };
      };
      const keys = small ? deletionKeys(item.sorted, Math.floor(size / 4)) : [];
      for (const key of keys) for (const group of byKey.get(key) ?? []) consider(group);
      if (size >= MID) {
        for (const word of item.byRarity.slice(0, prefixLength(size))) {
          for (const group of postings.get(word) ?? []) if (!(small && group.first.sorted.length <= SMALL)) consider(group);
        }
      }
      if (best) report(ctx, item, best.rep);

      const exact = keys[0] ?? item.sorted.join('\u0000');
      const group = groups.get(exact);
      if (!group) {
        const created: Group = { first: item };
        groups.set(exact, created);
        for (const key of keys) push(byKey, key, created);
        if (size >= MID) for (const word of item.byRarity.slice(0, prefixLength(size))) push(postings, word, created);
      } else if (!group.otherOwner && differs(item.ownerKey, group.first.ownerKey)) {
        group.otherOwner = item;
      }
    }
  },
});

/** The set itself and every subset missing up to `radius` (0–2) of its sorted words, as keys. */
function deletionKeys(sorted: string[], radius: number): string[] {
  const keys = [sorted.join('\u0000')];
  const without = (skip: (i: number) => boolean) => sorted.filter((_, i) => !skip(i)).join('\u0000');
  if (radius >= 1) for (let i = 0; i < sorted.length; i++) keys.push(without((k) => k === i));
  if (radius >= 2) for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) keys.push(without((k) => k === i || k === j));
  return keys;
}

function push(map: Map<string, Group[]>, key: string, group: Group): void {
  const list = map.get(key);
  if (list) list.push(group);
  else map.set(key, [group]);
}

function collect(decisions: Entry[], index: CharterIndex): Scoped[] {
  const items: Array<Omit<Scoped, 'byRarity' | 'sorted'> & Partial<Scoped>> = [];
  const frequency = new Map<string, number>();
  decisions.forEach((decision, order) => {
    const scope = fieldValue(decision, 'scope');
    if (scope.kind !== 'text') return;
    const sequence = scopeWords(scope.text);
    if (sequence.length === 0) return;
    const words = new Set(sequence);
    for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    const shape = index.ownerShape(decision);
    const [ownerKey, ownerText] =
      shape.kind === 'single'
        ? [`party:${shape.party}`, shape.party]
        : shape.kind === 'placeholder'
          ? [`placeholder:${shape.value.toLowerCase()}`, shape.value]
          : shape.kind === 'multiple'
            ? [`parties:${[...shape.parties].map((p) => p.trim()).sort().join(',')}`, shape.parties.join(', ')]
            : [undefined, undefined];
    items.push({ decision, scopeNode: scope.at, sequence: sequence.join(' '), words, ownerKey, ownerText, order });
  });
  const rarity = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  // Only sets that go through prefix filtering need the rarity order.
  for (const item of items as Scoped[]) {
    item.sorted = [...item.words].sort();
    item.byRarity = item.words.size >= MID ? [...item.words].sort(rarity) : item.sorted;
  }
  return items as Scoped[];
}

/** |A| − ⌈0.8·|A|⌉ + 1. */
function prefixLength(size: number): number {
  return size - Math.ceil((NUM * size) / DEN) + 1;
}

function intersectionSize(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const w of small) if (large.has(w)) n++;
  return n;
}

function differs(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a !== b;
}

function report(ctx: RuleContext, later: Scoped, earlier: Scoped): void {
  const same = later.sequence === earlier.sequence ? 'the same scope' : 'nearly the same scope';
  const owner = (s: Scoped) => (s.ownerText === undefined ? 'no owner' : q(s.ownerText));
  ctx.report({
    at: later.scopeNode,
    entry: later.decision,
    // Reordering the two decisions moves the finding to the other one: the pair is what it is about.
    subject: ['decisions', ...[later.decision.id ?? '', earlier.decision.id ?? ''].sort()].join(' '),
    message: `${later.decision.label} has ${same} as ${earlier.decision.label} but a different owner (${owner(later)} vs ${owner(earlier)}): both may think the call is theirs`,
    related: [{ at: earlier.scopeNode, message: `${earlier.decision.label} covers this scope, owned by ${owner(earlier)}` }],
  });
}
