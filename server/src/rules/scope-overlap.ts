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
  /** The distinct words, rarest first (one global order, which prefix filtering relies on). */
  byRarity: string[];
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

export default defineRule({
  id: 'scope-overlap',
  severity: 'warning',
  description: 'Two decisions cover the same scope but have different owners',
  check(ctx) {
    const items = collect(ctx.model.lists.decisions, ctx.index);
    const groups = new Map<string, Group>();
    // Inverted index over each group's prefix words: two sets with Jaccard ≥ t share a word
    // among the first |A| − ⌈t·|A|⌉ + 1 rarest words of each, so only those are probed.
    const postings = new Map<string, Group[]>();

    for (const item of items) {
      const size = item.byRarity.length;
      let best: { rep: Scoped; inter: number; union: number } | undefined;
      const seen = new Set<Group>();
      for (const word of item.byRarity.slice(0, prefixLength(size))) {
        for (const group of postings.get(word) ?? []) {
          if (seen.has(group)) continue;
          seen.add(group);
          const other = group.first.byRarity.length;
          if (DEN * Math.min(size, other) < NUM * Math.max(size, other)) continue; // size filter
          const inter = intersectionSize(item.words, group.first.words);
          const union = size + other - inter;
          if (DEN * inter < NUM * union) continue;
          const rep = differs(item.ownerKey, group.first.ownerKey) ? group.first : group.otherOwner;
          if (!rep) continue;
          const better = !best || inter * best.union > best.inter * union || (inter * best.union === best.inter * union && rep.order < best.rep.order);
          if (better) best = { rep, inter, union };
        }
      }
      if (best) report(ctx, item, best.rep);

      const key = item.byRarity.join('\u0000');
      const group = groups.get(key);
      if (!group) {
        const created: Group = { first: item };
        groups.set(key, created);
        for (const word of item.byRarity.slice(0, prefixLength(size))) {
          const list = postings.get(word);
          if (list) list.push(created);
          else postings.set(word, [created]);
        }
      } else if (!group.otherOwner && differs(item.ownerKey, group.first.ownerKey)) {
        group.otherOwner = item;
      }
    }
  },
});

function collect(decisions: Entry[], index: CharterIndex): Scoped[] {
  const items: Array<Omit<Scoped, 'byRarity'> & { byRarity?: string[] }> = [];
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
  return items.map((item) => ({ ...item, byRarity: [...item.words].sort(rarity) }));
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
    message: `${later.decision.label} has ${same} as ${earlier.decision.label} but a different owner (${owner(later)} vs ${owner(earlier)}): both may think the call is theirs`,
    related: [{ at: earlier.scopeNode, message: `${earlier.decision.label} covers this scope, owned by ${owner(earlier)}` }],
  });
}
