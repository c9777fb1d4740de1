// The picture in `diff --format markdown`: a Mermaid flowchart of the decisions whose parties
// changed (GitHub renders ```mermaid blocks in comments and job summaries). One node per decision,
// one per party, an edge party → decision per letter set (O owner, A approver, C consult, I inform,
// R risk owner, E escalate to): kept edges plain, added edges bold (==>), removed edges dashed (-.->).
import type { DecisionRights, RightEdge, RightLetter } from '../../diff';
import { RIGHT_LETTERS } from '../../diff';

/** More decisions than this are not drawn: a line under the picture says how many were left out. */
export const MAX_DRAWN_DECISIONS = 30;

const ARROW: Record<RightEdge['status'], string> = { kept: '-->', added: '==>', removed: '-.->' };
const STATUS_NOTE: Record<DecisionRights['status'], string> = { added: ' (new)', removed: ' (removed)', changed: '' };

export const RIGHTS_LEGEND = 'O owner · A approver · C consult · I inform · R risk owner · E escalate to; bold arrows were added, dashed arrows removed.';

/** The ```mermaid block and the lines under it, or nothing when no decision's parties changed. */
export function decisionRightsPicture(rights: readonly DecisionRights[]): string[] {
  if (!rights.length) return [];
  const drawn = rights.slice(0, MAX_DRAWN_DECISIONS);
  const parties = new Map<string, string>();
  const nodes: string[] = [];
  const edges: string[] = [];
  drawn.forEach((d, i) => {
    const decisionNode = `d${i + 1}`;
    nodes.push(`  ${decisionNode}["${mermaidLabel(d.decision + STATUS_NOTE[d.status])}"]`);
    // One edge per party and status, its letters in O A C I R E order (`OR`), as the report's cells.
    const grouped = new Map<string, { party: string; status: RightEdge['status']; letters: Set<RightLetter> }>();
    for (const e of d.edges) {
      const key = JSON.stringify([e.party, e.status]);
      const group = grouped.get(key) ?? grouped.set(key, { party: e.party, status: e.status, letters: new Set() }).get(key)!;
      group.letters.add(e.letter);
    }
    for (const { party, status, letters } of grouped.values()) {
      let partyNode = parties.get(party);
      if (!partyNode) {
        partyNode = `p${parties.size + 1}`;
        parties.set(party, partyNode);
        nodes.push(`  ${partyNode}(["${mermaidLabel(party)}"])`);
      }
      const label = RIGHT_LETTERS.filter((l) => letters.has(l)).join('');
      edges.push(`  ${partyNode} ${ARROW[status]}|${label}| ${decisionNode}`);
    }
  });
  const out = ['```mermaid', 'flowchart LR', ...nodes, ...edges, '```', '', RIGHTS_LEGEND];
  const more = rights.length - drawn.length;
  if (more > 0) out.push('', `…and ${more} more ${more === 1 ? 'decision' : 'decisions'} whose parties changed, not drawn (listed below).`);
  return out;
}

/**
 * Text for a quoted Mermaid label. Everything but letters, digits, spaces and `.,_()/+-` is written as
 * a Mermaid entity code (`#35;`), so no value can close the label, start a statement, add HTML or
 * markdown, or end the code block; line breaks and other control characters become spaces.
 */
export function mermaidLabel(s: string): string {
  const text = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  return Array.from(text, (ch) => (/[\p{L}\p{N} .,_()/+-]/u.test(ch) ? ch : `#${ch.codePointAt(0)};`)).join('');
}
