// Two teams each think a call is theirs: decisions in two charters with the same scope (as
// scope-overlap matches them), both taken inside the team, by different people.
import { defineSetRule } from '../engine/rule';
import type { CharterSummary, DecisionSummary } from '../engine/charter-set';
import { MAX_RELATED, listSome } from '../engine/charter-set';

interface Claim {
  charter: CharterSummary;
  decision: DecisionSummary;
  /** Its distinct words as ranks (rarest first, see below), ascending. */
  words: Int32Array;
}

// Jaccard ≥ 0.8 as integers: 5·|A ∩ B| ≥ 4·|A ∪ B|.
const NUM = 4;
const DEN = 5;

export default defineSetRule({
  id: 'scope-claimed-twice',
  severity: 'warning',
  description: 'Two charters claim the same decision scope inside their teams, with different owners',
  minCharters: 2,
  checkSet(ctx) {
    const drafts: Array<{ charter: CharterSummary; decision: DecisionSummary; words: Set<string> }> = [];
    for (const charter of ctx.charters) {
      for (const decision of charter.decisions) {
        if (decision.boundary !== 'team' || !decision.scope || decision.owners.length === 0 || decision.scope.words.length === 0) continue;
        drafts.push({ charter, decision, words: new Set(decision.scope.words) });
      }
    }
    // Candidates through shared rare words (prefix filtering): two sets with Jaccard ≥ t share a
    // word among the first |A| − ⌈t·|A|⌉ + 1 rarest words of each. Words become ranks in that
    // order (fewest claims first, then alphabetical), so a claim's rarest words are its first.
    const frequency = new Map<string, number>();
    for (const c of drafts) for (const w of c.words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    const rank = new Map([...frequency.keys()].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : 1)).map((w, i) => [w, i]));
    const claims: Claim[] = drafts.map((d) => ({ charter: d.charter, decision: d.decision, words: Int32Array.from(d.words, (w) => rank.get(w)!).sort() }));
    const postings: number[][] = Array.from({ length: rank.size }, () => []);
    // Per claim: how many rivals, and the first few (a set where thousands claim one scope stays linear in size).
    const matches = new Map<number, { count: number; first: number[] }>();
    const note = (i: number, j: number) => {
      const m = matches.get(i) ?? { count: 0, first: [] };
      m.count++;
      if (m.first.length < MAX_RELATED) m.first.push(j);
      matches.set(i, m);
    };
    // seenBy[j] === i: claim j was already a candidate of claim i.
    const seenBy = new Int32Array(claims.length).fill(-1);
    claims.forEach((claim, i) => {
      const size = claim.words.length;
      const prefix = size - Math.ceil((NUM * size) / DEN) + 1;
      for (let k = 0; k < prefix; k++) {
        const list = postings[claim.words[k]];
        for (const j of list) {
          if (seenBy[j] === i) continue;
          seenBy[j] = i;
          if (claims[j].charter !== claim.charter && similar(claim.words, claims[j].words) && disjoint(claim.decision.owners, claims[j].decision.owners)) {
            note(i, j);
            note(j, i);
          }
        }
        list.push(i);
      }
    });
    for (const [i, { count, first }] of matches) {
      const { charter, decision } = claims[i];
      const rivals = [...first].sort((a, b) => a - b).map((j) => claims[j]);
      ctx.report({
        file: charter.file,
        range: decision.scope!.range,
        subject: `scope ${decision.id ?? decision.label}`,
        message: `${decision.label} ("${decision.scope!.text}") is taken inside the team by ${decision.owners.join(', ')}, but ${count > 3 ? `${count} other teams claim it too (${listSome(rivals.map((r) => r.charter.team.id?.text ?? r.charter.file), 3)})` : rivals.map((r) => `${r.charter.team.id?.text ?? r.charter.file} claims it too (${r.decision.owners.join(', ')})`).join('; ')}: two teams each think the call is theirs`,
        related: rivals.map((r) => ({ file: r.charter.file, range: r.decision.scope!.range, message: `${r.decision.label} claims the same scope, owned by ${r.decision.owners.join(', ')}` })),
      });
    }
  },
});

/** Jaccard of two ascending rank lists ≥ NUM/DEN. */
function similar(a: Int32Array, b: Int32Array): boolean {
  let inter = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return DEN * inter >= NUM * (a.length + b.length - inter);
}

function disjoint(a: readonly string[], b: readonly string[]): boolean {
  return !a.some((x) => b.includes(x));
}
