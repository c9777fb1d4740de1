// One person's week made of other people's check-ins: counted across every charter of the set,
// each check-in once per person, minutes × 7 ÷ its interval in days.
import { defineSetRule } from '../engine/rule';
import type { CharterSummary, CheckinSummary } from '../engine/charter-set';
import { plural } from '../engine/text';

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
    const load = new Map<string, Array<{ charter: CharterSummary; checkin: CheckinSummary }>>();
    for (const c of ctx.charters) {
      for (const checkin of c.checkins) {
        if (checkin.weeklyMinutes <= 0) continue;
        for (const person of checkin.people) {
          if (!persons.has(person)) continue;
          const list = load.get(person);
          if (list) list.push({ charter: c, checkin });
          else load.set(person, [{ charter: c, checkin }]);
        }
      }
    }
    const limit = ctx.options.maxHoursPerWeek * 60;
    for (const [person, checkins] of load) {
      const minutes = checkins.reduce((n, x) => n + x.checkin.weeklyMinutes, 0);
      if (minutes <= limit) continue;
      const heaviest = [...checkins].sort((a, b) => b.checkin.weeklyMinutes - a.checkin.weeklyMinutes).slice(0, 5);
      const hours = formatHours(minutes);
      const asMember = ctx.charters.flatMap((c) => c.parties.filter((p) => p.id === person && p.section === 'members').map((p) => ({ c, p })));
      const places = asMember.length ? asMember : ctx.charters.flatMap((c) => c.parties.filter((p) => p.id === person).map((p) => ({ c, p })));
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
