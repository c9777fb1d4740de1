// The organisation view in HTML: the teams by `parent` as an inline SVG tree (laid out by dagre)
// and a table, each party's load across teams, and the approvals one team needs from another.
// Static: tables and SVG, no script.
import dagre from '@dagrejs/dagre';
import type { Point } from '@dagrejs/dagre';
import type { CharterReport, OrganisationView } from '../types';
import { charterTitle } from './charter';
import { h, num } from './escape';

export interface OrgOptions {
  /** Element id of charter i's section, for links (`c3`); none in the decision map. */
  charterAnchor?: (charter: number) => string | undefined;
}

/** Above this many teams the tree is left out (the table still lists every team). */
export const MAX_TREE_TEAMS = 300;

export function organisationHtml(org: OrganisationView, charters: readonly CharterReport[], opts: OrgOptions = {}): string {
  const link = (i: number, text: string) => {
    const anchor = opts.charterAnchor?.(i);
    return anchor ? `<a href="#${h(anchor)}">${h(text)}</a>` : h(text);
  };
  const title = (i: number) => charterTitle(charters[i]);

  const teamRows = org.teams
    .map((t) => {
      const c = charters[t.charter];
      const parent =
        t.parent === undefined
          ? '<span class="empty">—</span>'
          : t.parentProblem === 'unknown'
            ? `<code>${h(t.parent)}</code> <span class="sev sev-warning">not in the set</span>`
            : `${t.parentCharter !== undefined ? link(t.parentCharter, title(t.parentCharter)) : h(t.parent)}${t.parentProblem === 'cycle' ? ' <span class="sev sev-error">cycle</span>' : ''}`;
      const count = (s: string) => c.findings.filter((f) => f.severity === s).length;
      return `<tr><th scope="row">${link(t.charter, title(t.charter))}${t.id !== undefined ? ` <code class="muted">${h(t.id)}</code>` : ''}</th><td><code>${h(t.path)}</code></td><td>${parent}</td><td class="num">${c.matrix.rows.length}</td><td class="num">${c.calendar.people.filter((p) => p.kind === 'member').length}</td><td class="num">${count('error')} / ${count('warning')} / ${count('info')}</td></tr>`;
    })
    .join('');
  const teams = `<div class="scroll"><table class="teams"><thead><tr><th scope="col">Team</th><th scope="col">Charter</th><th scope="col">Parent</th><th scope="col">Decisions</th><th scope="col">Members</th><th scope="col">Errors / warnings / infos</th></tr></thead><tbody>${teamRows}</tbody></table></div>`;

  const loadRows = org.loads
    .map((l) => {
      const where = l.charters.map((i) => link(i, title(i))).join(', ');
      const hours = l.checkinHoursPerWeek === undefined ? '<span class="empty">—</span>' : num(l.checkinHoursPerWeek);
      return `<tr><th scope="row"><span class="id">${h(l.id)}</span>${l.name ? `<span class="sub">${h(l.name)}</span>` : ''}</th><td>${h(l.kind)}</td><td>${where}</td><td class="num">${l.owned}</td><td class="num">${l.approvals}</td><td class="num">${l.escalations}</td><td class="num">${hours}</td></tr>`;
    })
    .join('');
  const loads = org.loads.length
    ? `<div class="scroll"><table class="loads"><thead><tr><th scope="col">Party</th><th scope="col">Kind</th><th scope="col">Teams</th><th scope="col">Decisions owned</th><th scope="col">Approvals</th><th scope="col">Escalations received</th><th scope="col">Check-in hours / week</th></tr></thead><tbody>${loadRows}</tbody></table></div>`
    : '<p class="empty">No parties.</p>';

  const approvals = org.approvals.length
    ? `<div class="scroll"><table class="approvals"><thead><tr><th scope="col">Team</th><th scope="col">Needs approval from</th><th scope="col">Of team</th><th scope="col">Decisions</th></tr></thead><tbody>${org.approvals
        .map((a) => `<tr><td>${link(a.from, title(a.from))}</td><td><span class="id">${h(a.approver)}</span></td><td>${link(a.to, title(a.to))}</td><td>${a.decisions.map((d) => `<code>${h(d)}</code>`).join(', ')}</td></tr>`)
        .join('')}</tbody></table></div>`
    : '<p class="empty">No team needs approval from another team of the set.</p>';

  return (
    `<h3>Teams by parent</h3>${treeSvg(org, charters, opts)}${teams}` +
    `<h3>Load across teams</h3><p class="muted">Approvals: decisions where the party is <code>approver</code>; escalations received: where it is <code>escalate_to</code>; check-in hours per week: minutes (default 30) × 7 ÷ days between, once per check-in, roles counted for their holders (as <code>checkin-load</code> counts them).</p>${loads}` +
    `<h3>Approvals across teams</h3>${approvals}`
  );
}

const NODE_HEIGHT = 34;
const CHAR_WIDTH = 7.4;

/** Parents above their teams; a `parent` cycle is drawn dashed. */
function treeSvg(org: OrganisationView, charters: readonly CharterReport[], opts: OrgOptions): string {
  if (org.teams.length > MAX_TREE_TEAMS) return `<p class="muted">The tree is not drawn for more than ${MAX_TREE_TEAMS} teams; the table below lists them all.</p>`;
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 40, marginx: 4, marginy: 4 });
  g.setDefaultEdgeLabel(() => ({}));
  const label = (i: number) => clip(charterTitle(charters[i]), 40);
  for (const t of org.teams) g.setNode(String(t.charter), { width: Math.max(60, label(t.charter).length * CHAR_WIDTH + 20), height: NODE_HEIGHT });
  for (const t of org.teams) if (t.parentCharter !== undefined && t.parentCharter !== t.charter) g.setEdge(String(t.parentCharter), String(t.charter));
  dagre.layout(g);
  const { width = 0, height = 0 } = g.graph();

  const edges = g
    .edges()
    .map((e) => {
      const points = g.edge(e).points ?? [];
      const cycle = org.teams[Number(e.w)].parentProblem === 'cycle' && org.teams[Number(e.v)].parentProblem === 'cycle';
      return `<polyline class="edge${cycle ? ' cycle' : ''}" points="${points.map((p: Point) => `${num(p.x)},${num(p.y)}`).join(' ')}" marker-end="url(#arrow)"/>`;
    })
    .join('');
  const nodes = org.teams
    .map((t) => {
      const n = g.node(String(t.charter));
      const text = `<rect x="${num(n.x - n.width / 2)}" y="${num(n.y - n.height / 2)}" width="${num(n.width)}" height="${num(n.height)}" rx="5"/><text x="${num(n.x)}" y="${num(n.y + 4.5)}" text-anchor="middle">${h(label(t.charter))}</text>`;
      const anchor = opts.charterAnchor?.(t.charter);
      const body = anchor ? `<a href="#${h(anchor)}">${text}</a>` : text;
      return `<g class="team${t.parentProblem ? ' problem' : ''}"><title>${h(`${charters[t.charter].path}${t.parent !== undefined ? ` (parent: ${t.parent}${t.parentProblem ? `, ${t.parentProblem === 'cycle' ? 'a cycle' : 'not in the set'}` : ''})` : ''}`)}</title>${body}</g>`;
    })
    .join('');
  const defs = '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>';
  return `<figure><svg class="tree" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Teams by parent" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}">${defs}${edges}${nodes}</svg><figcaption class="muted">Each team below its parent (<code>team.parent</code>).</figcaption></figure>`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
