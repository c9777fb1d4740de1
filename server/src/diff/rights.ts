// The decision rights that changed, as edges party → decision labelled O/A/C/I/R/E: for every
// decision whose parties changed (added and removed decisions included), each edge kept, added or
// removed. The markdown draws them as a Mermaid flowchart; json lists them.
import type { EntryMatch, EntryRecord } from './entries';
import type { DecisionRights, RightEdge, RightLetter } from './types';
import { RIGHT_FIELDS, RIGHT_LETTERS } from './types';
import { stringItems } from './values';

export function decisionRights(match: EntryMatch): DecisionRights[] {
  const out: Array<{ at: number; rights: DecisionRights }> = [];
  for (const [b, h] of match.pairs) {
    const before = edgesOf(b);
    const after = edgesOf(h);
    const edges: RightEdge[] = [];
    for (const [key, edge] of after) edges.push({ ...edge, status: before.has(key) ? 'kept' : 'added' });
    for (const [key, edge] of before) if (!after.has(key)) edges.push({ ...edge, status: 'removed' });
    if (edges.some((e) => e.status !== 'kept')) out.push({ at: h.index, rights: { decision: nameOf(h), status: 'changed', edges: ordered(edges) } });
  }
  for (const h of match.added) {
    const edges = [...edgesOf(h).values()].map((e): RightEdge => ({ ...e, status: 'added' }));
    if (edges.length) out.push({ at: h.index, rights: { decision: nameOf(h), status: 'added', edges } });
  }
  out.sort((x, y) => x.at - y.at);
  const removed = match.removed.flatMap((b): DecisionRights[] => {
    const edges = [...edgesOf(b).values()].map((e): RightEdge => ({ ...e, status: 'removed' }));
    return edges.length ? [{ decision: nameOf(b), status: 'removed', edges }] : [];
  });
  return [...out.map((x) => x.rights), ...removed];
}

function nameOf(r: EntryRecord): string {
  return r.id ?? `#${r.index + 1}`;
}

/** Each (party, letter) once, in letter order then as written. */
function edgesOf(r: EntryRecord): Map<string, Omit<RightEdge, 'status'>> {
  const edges = new Map<string, Omit<RightEdge, 'status'>>();
  for (const letter of RIGHT_LETTERS) {
    for (const party of stringItems(r.data[RIGHT_FIELDS[letter]])) edges.set(JSON.stringify([party, letter]), { party, letter });
  }
  return edges;
}

/** By letter (O A C I R E), kept before removed before added within a letter, so pictures read the same way every time. */
function ordered(edges: RightEdge[]): RightEdge[] {
  const statusRank = { kept: 0, removed: 1, added: 2 } as const;
  const letterRank = (l: RightLetter) => RIGHT_LETTERS.indexOf(l);
  return edges
    .map((e, i) => ({ e, i }))
    .sort((a, b) => letterRank(a.e.letter) - letterRank(b.e.letter) || statusRank[a.e.status] - statusRank[b.e.status] || a.i - b.i)
    .map((x) => x.e);
}
