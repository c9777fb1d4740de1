// One person's week made of other people's check-ins: counted across every charter of the set,
// each check-in once per person, minutes × 7 ÷ its interval in days.
import { defineSetRule } from '../engine/rule';
import type { CharterSummary, CheckinSummary, PartyDeclaration } from '../engine/charter-set';
import { plural } from '../engine/text';

type Place = { c: CharterSummary; p: PartyDeclaration };

export default defineSetRule({
  id: 'checkin-load',
  severity: 'warning',
  description: 'One person takes part in more check-in hours per week than maxHoursPerWeek, across the repository',
  options: {
    maxHoursPerWeek: { type: 'number', default: 5, exclusiveMinimum: 0, description: 'The most hours of check-ins per week one person should carry, across every charter.' },
  },
  checkSet(ctx) {
    // A person: a member id, or a stakeholder of kind person (or no kind), in any charter.
    const persons = new Set<string>();
    for (const c of ctx.charters) for (const p of c.parties) if (p.section === 'members' || p.kind === undefined || p.kind === 'person') persons.add(p.id);
    // Minutes per person first; the check-ins and places only for the few above the limit.
    const minutes = new Map<string, number>();
    for (const c of ctx.charters) {
      for (const checkin of c.checkins) {
        if (checkin.weeklyMinutes <= 0) continue;
        for (const person of checkin.people) if (persons.has(person)) minutes.set(person, (minutes.get(person) ?? 0) + checkin.weeklyMinutes);
      }
    }
    const limit = ctx.options.maxHoursPerWeek * 60;
    const over = new Map<string, { checkins: Array<{ charter: CharterSummary; checkin: CheckinSummary }>; asMember: Place[]; anywhere: Place[] }>();
    for (const [person, total] of minutes) if (total > limit) over.set(person, { checkins: [], asMember: [], anywhere: [] });
    if (over.size === 0) return;
    for (const c of ctx.charters) {
      for (const checkin of c.checkins) {
        if (checkin.weeklyMinutes <= 0) continue;
        for (const person of checkin.people) over.get(person)?.checkins.push({ charter: c, checkin });
      }
      for (const p of c.parties) {
        const here = over.get(p.id);
        if (!here) continue;
        here.anywhere.push({ c, p });
        if (p.section === 'members') here.asMember.push({ c, p });
      }
    }
    for (const [person, { checkins, asMember, anywhere }] of over) {
      const heaviest = [...checkins].sort((a, b) => b.checkin.weeklyMinutes - a.checkin.weeklyMinutes).slice(0, 5);
      const hours = formatHours(minutes.get(person)!);
      const places = asMember.length ? asMember : anywhere;
      for (const { c, p } of places) {
        ctx.report({
          file: c.file,
          range: p.anchor,
          subject: `checkin-load ${person}`,
          message: `"${person}" is in ${plural(checkins.length, 'check-in')} adding up to ${hours} a week, more than ${ctx.options.maxHoursPerWeek}: a week made of other people's check-ins leaves little time for their own work`,
          related: heaviest.map(({ charter, checkin }) => ({ file: charter.file, range: checkin.anchor, message: `${checkin.label}${charter.team.id ? ` (${charter.team.id.text})` : ''}: ${formatHours(checkin.weeklyMinutes)} a week` })),
        });
      }
    }
  },
});

/** `3.6 hours`, `1 hour`, `0.3 hours`. */
function formatHours(minutes: number): string {
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}
