// The organisation view of a set of charters: teams by `parent` (resolved as the organisation
// rules read it: a team id of the set first, else a path relative to the charter's folder), each
// party's load across teams, and the approvals one team needs from a party of another team.
import path from 'node:path';
import type { Analysis } from '../lint';
import { partyLoads } from './load';
import { partiesNamed, textOf } from './source';
import type { CharterInput, CrossTeamApproval, OrgTeam, OrganisationView } from './types';

export function organisationView(inputs: readonly CharterInput[]): OrganisationView {
  const analyses = inputs.map((c) => (c.tooLarge ? undefined : c.analysis));
  const teams: OrgTeam[] = inputs.map((c, i) => {
    const team = analyses[i]?.model.team;
    const id = team ? textOf(team, 'id') : undefined;
    const name = team ? textOf(team, 'name') : undefined;
    const parent = team ? textOf(team, 'parent') : undefined;
    return { charter: i, path: c.path, ...(id !== undefined ? { id } : {}), ...(name !== undefined ? { name } : {}), ...(parent !== undefined ? { parent } : {}) };
  });
  resolveParents(teams);
  return { teams, loads: partyLoads(analyses), approvals: crossTeamApprovals(teams, analyses) };
}

function resolveParents(teams: OrgTeam[]): void {
  // A team id names the charter with the smallest path when several declare it.
  const byId = new Map<string, number>();
  const byPath = new Map<string, number>();
  const order = [...teams].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const t of order) {
    if (t.id !== undefined && !byId.has(t.id)) byId.set(t.id, t.charter);
    byPath.set(path.posix.normalize(t.path), t.charter);
  }
  for (const t of teams) {
    if (t.parent === undefined) continue;
    const target = byId.get(t.parent) ?? byRelativePath(t, byPath);
    if (target === undefined) t.parentProblem = 'unknown';
    else t.parentCharter = target;
  }
  // Follow each chain with a visited set: a cycle is marked, never followed twice.
  for (const start of teams) {
    const seen: number[] = [];
    for (let at: number | undefined = start.charter; at !== undefined; at = teams[at].parentCharter) {
      const loopAt = seen.indexOf(at);
      if (loopAt >= 0) {
        for (const c of seen.slice(loopAt)) teams[c].parentProblem = 'cycle';
        break;
      }
      if (teams[at].parentProblem === 'cycle') break;
      seen.push(at);
    }
  }
}

/** `parent` as a `/`-separated path relative to the charter's folder (never absolute, never a URL). */
function byRelativePath(team: OrgTeam, byPath: Map<string, number>): number | undefined {
  const parent = team.parent!;
  if (parent.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(parent) || parent.includes('\\')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(team.path), parent));
  return byPath.get(target);
}

/**
 * Decisions whose approver belongs to another team of the set: a member of that team's charter,
 * or a stakeholder whose id is that team's `team.id`. Grouped by (team, approver, other team).
 */
function crossTeamApprovals(teams: readonly OrgTeam[], analyses: ReadonlyArray<Analysis | undefined>): CrossTeamApproval[] {
  const homes = new Map<string, number[]>();
  const home = (party: string, charter: number) => {
    const list = homes.get(party) ?? [];
    if (!list.includes(charter)) list.push(charter);
    homes.set(party, list);
  };
  analyses.forEach((a, i) => a?.model.lists.members.forEach((m) => m.id !== undefined && home(m.id, i)));
  teams.forEach((t) => t.id !== undefined && analyses[t.charter] && home(t.id, t.charter));

  const grouped = new Map<string, CrossTeamApproval>();
  analyses.forEach((analysis, from) => {
    if (!analysis) return;
    for (const decision of analysis.model.lists.decisions) {
      for (const value of decision.texts('approver')) {
        for (const party of partiesNamed(analysis, value)) {
          // A role is local: its holders are members of this team, so never another team.
          if (analysis.index.party(party)?.section === 'roles') continue;
          for (const to of homes.get(party) ?? []) {
            if (to === from || analysis.model.lists.members.some((m) => m.id === party)) continue;
            const key = `${from}\u0000${to}\u0000${party}`;
            let g = grouped.get(key);
            if (!g) grouped.set(key, (g = { from, to, approver: party, decisions: [] }));
            g.decisions.push(decision.id ?? decision.label);
          }
        }
      }
    }
  });
  return [...grouped.values()];
}
