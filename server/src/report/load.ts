// Each party's load across a set of charters: decisions owned, approvals (decisions where it is
// `approver`), escalations received (`escalate_to`) and check-in hours per week as `checkin-load`
// counts them (minutes, default 30, × 7 ÷ interval days; on-milestone, missing or invalid cadence
// 0; a check-in once per person; roles resolve to their holders in the charter that names them).
// Kept apart so the organisation layer's per-charter summary can replace it.
import type { Analysis } from '../lint';
import { peopleNamed, weeklyMinutesOf } from './calendar';
import { partiesNamed, textOf } from './source';
import type { PartyLoad } from './types';

/**
 * Parties a decision field names, each once: roles become their holders; a role nobody holds
 * counts for nobody (role ids are local to a charter); undeclared ids count as themselves.
 */
function partiesOfField(analysis: Analysis, values: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const value of values) {
    for (const party of partiesNamed(analysis, value)) {
      const decl = analysis.index.party(party);
      if (decl?.section === 'roles') for (const m of analysis.index.membersOf(party)) m.id !== undefined && out.add(m.id);
      else out.add(party);
    }
  }
  return out;
}

/** `analyses[i]` is the charter at index i of the set (undefined for one that was not drawn). */
export function partyLoads(analyses: ReadonlyArray<Analysis | undefined>): PartyLoad[] {
  const loads = new Map<string, PartyLoad & { minutes: number; isPerson: boolean }>();
  const load = (id: string, charter: number) => {
    let l = loads.get(id);
    if (!l) loads.set(id, (l = { id, kind: 'person', charters: [], owned: 0, approvals: 0, escalations: 0, minutes: 0, isPerson: false }));
    if (!l.charters.includes(charter)) l.charters.push(charter);
    return l;
  };

  analyses.forEach((analysis, charter) => {
    if (!analysis) return;
    const { model } = analysis;
    // Who is a person in this charter (checkin-load: members, stakeholders of kind person or none).
    const persons = new Set<string>();
    for (const m of model.lists.members) {
      if (m.id === undefined) continue;
      persons.add(m.id);
      const l = load(m.id, charter);
      l.isPerson = true;
      l.kind = 'person';
      l.name ??= textOf(m, 'name');
    }
    for (const s of model.lists.stakeholders) {
      if (s.id === undefined) continue;
      const kind = textOf(s, 'kind')?.toLowerCase();
      const l = load(s.id, charter);
      l.name ??= textOf(s, 'name');
      if (kind === undefined || kind === 'person') {
        persons.add(s.id);
        l.isPerson = true;
      } else if (!l.isPerson && (kind === 'team' || kind === 'group')) l.kind = kind;
    }

    for (const decision of model.lists.decisions) {
      // As the counting rules read owners: a placeholder word or several joined owners own nothing.
      const owner = analysis.index.ownerShape(decision);
      if (owner.kind === 'single') for (const id of partiesOfField(analysis, [owner.party])) load(id, charter).owned++;
      for (const id of partiesOfField(analysis, decision.texts('approver'))) load(id, charter).approvals++;
      for (const id of partiesOfField(analysis, decision.texts('escalate_to'))) load(id, charter).escalations++;
    }

    for (const checkin of model.lists.checkins) {
      const weekly = weeklyMinutesOf(analysis, checkin).weekly;
      const takingPart = new Set<string>();
      for (const field of ['owner', 'participants']) {
        for (const value of checkin.texts(field)) for (const p of peopleNamed(analysis, value)) if (persons.has(p)) takingPart.add(p);
      }
      for (const p of takingPart) load(p, charter).minutes += weekly;
    }
  });

  const out: PartyLoad[] = [];
  for (const l of loads.values()) {
    const { minutes, isPerson, ...rest } = l;
    out.push({ ...rest, kind: isPerson ? 'person' : rest.kind, ...(isPerson ? { checkinHoursPerWeek: minutes / 60 } : {}) });
  }
  const weight = (l: PartyLoad) => l.owned + l.approvals + l.escalations;
  return out.sort((a, b) => weight(b) - weight(a) || (b.checkinHoursPerWeek ?? 0) - (a.checkinHoursPerWeek ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
