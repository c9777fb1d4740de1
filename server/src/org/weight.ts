// What one party carries across a charter set, for hover: decisions owned, approvals and
// escalations received, check-in hours per week (as checkin-load counts them), and the teams
// they appear in. Pure: over the summaries the organisation rules use.
import type { CharterSummary } from '../engine/charter-set';

export interface PartyWeight {
  decisionsOwned: number;
  approvals: number;
  escalations: number;
  minutesPerWeek: number;
  /** Team ids (or charter paths) where the party is declared or named. */
  teams: string[];
  charters: number;
}

export function partyWeight(summaries: readonly CharterSummary[], party: string): PartyWeight {
  const weight: PartyWeight = { decisionsOwned: 0, approvals: 0, escalations: 0, minutesPerWeek: 0, teams: [], charters: summaries.length };
  for (const c of summaries) {
    let appears = c.parties.some((p) => p.id === party);
    for (const d of c.decisions) {
      if (d.owners.includes(party)) {
        weight.decisionsOwned++;
        appears = true;
      }
      const roles = new Set(d.approvals.filter((a) => a.person === party).map((a) => a.field));
      if (roles.has('approver')) weight.approvals++;
      if (roles.has('escalate_to')) weight.escalations++;
      if (roles.size) appears = true;
    }
    for (const checkin of c.checkins) {
      if (!checkin.people.includes(party)) continue;
      weight.minutesPerWeek += checkin.weeklyMinutes;
      appears = true;
    }
    if (appears) weight.teams.push(c.team.id?.text ?? c.file);
  }
  return weight;
}
