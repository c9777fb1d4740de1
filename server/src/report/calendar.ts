// The check-in calendar of one charter: people (members, then stakeholders named in check-ins) ×
// check-ins, with each check-in's cadence and weekly minutes, each person's experience and weekly
// total, and who agreed. Roles stand for the members who hold them in this charter.
import { isScalar } from 'yaml';
import type { Entry } from '../engine/parse';
import type { Finding } from '../engine/model';
import type { Analysis } from '../lint';
import { entrySpot, findingsInside, partiesNamed, spotOf, textOf } from './source';
import type { CalendarCell, CalendarCheckin, CalendarPerson, CheckinCalendar, SourceSpot } from './types';

/** `minutes` when the field is missing or not a positive whole number (as `checkin-load` reads it). */
export const DEFAULT_CHECKIN_MINUTES = 30;

/** Length of one occurrence: `minutes` when it is a positive whole number, else 30. */
export function checkinMinutes(checkin: Entry): number {
  const v = checkin.value('minutes');
  const n = isScalar(v) ? v.value : undefined;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : DEFAULT_CHECKIN_MINUTES;
}

/** minutes × 7 ÷ interval days; 0 for `on-milestone` and for a missing or invalid cadence. */
export function weeklyMinutesOf(analysis: Analysis, checkin: Entry): { minutes: number; intervalDays?: number | null; weekly: number } {
  const minutes = checkinMinutes(checkin);
  const cadence = analysis.index.cadence(checkin);
  if (!cadence) return { minutes, weekly: 0 };
  if (cadence.kind === 'on-milestone') return { minutes, intervalDays: null, weekly: 0 };
  return { minutes, intervalDays: cadence.days, weekly: (minutes * 7) / cadence.days };
}

/** The person ids (member or stakeholder ids) a party reference stands for; roles → their holders. */
export function peopleNamed(analysis: Analysis, value: string): string[] {
  const out: string[] = [];
  for (const party of partiesNamed(analysis, value)) {
    const decl = analysis.index.party(party);
    if (!decl) continue;
    if (decl.section === 'roles') {
      for (const m of analysis.index.membersOf(party)) if (m.id !== undefined && !out.includes(m.id)) out.push(m.id);
    } else if (!out.includes(party)) out.push(party);
  }
  return out;
}

export function checkinCalendar(analysis: Analysis, findings: readonly Finding[]): CheckinCalendar {
  const { model, index } = analysis;
  const checkins: CalendarCheckin[] = model.lists.checkins.map((c) => {
    const time = weeklyMinutesOf(analysis, c);
    return {
      ...(c.id !== undefined ? { id: c.id } : {}),
      label: c.label,
      ...(textOf(c, 'cadence') !== undefined ? { cadence: textOf(c, 'cadence') } : {}),
      ...(time.intervalDays !== undefined ? { intervalDays: time.intervalDays } : {}),
      minutes: time.minutes,
      weeklyMinutes: time.weekly,
      ...(textOf(c, 'purpose') !== undefined ? { purpose: textOf(c, 'purpose') } : {}),
      at: entrySpot(analysis, c),
      findings: findingsInside(analysis, c, findings),
    };
  });

  // Who each check-in reaches, by person id.
  const parts = model.lists.checkins.map(() => new Map<string, CalendarCell>());
  model.lists.checkins.forEach((checkin, i) => {
    const cellFor = (person: string) => {
      let cell = parts[i].get(person);
      if (!cell) parts[i].set(person, (cell = { agreed: false }));
      return cell;
    };
    // Owner first: running a check-in is the stronger part when a person is also a participant.
    for (const field of ['owner', 'participants', 'agreed_with'] as const) {
      for (const ref of index.references) {
        if (ref.entry !== checkin || ref.field !== field || ref.kind !== 'party') continue;
        for (const person of peopleNamed(analysis, ref.value)) {
          const cell = cellFor(person);
          const at: SourceSpot | undefined = spotOf(analysis, ref.node);
          if (field === 'agreed_with') {
            cell.agreed = true;
            if (!cell.at && at) cell.at = at;
          } else if (!cell.part) {
            cell.part = field === 'owner' ? 'owner' : 'participant';
            if (at) cell.at = at;
          }
        }
      }
    }
  });

  const people: CalendarPerson[] = [];
  const seen = new Set<string>();
  for (const m of model.lists.members) {
    if (m.id === undefined || seen.has(m.id)) continue;
    seen.add(m.id);
    people.push({ id: m.id, kind: 'member', ...opt('name', textOf(m, 'name')), ...opt('experience', textOf(m, 'experience')), weeklyMinutes: 0, at: entrySpot(analysis, m) });
  }
  for (const s of model.lists.stakeholders) {
    if (s.id === undefined || seen.has(s.id) || !parts.some((p) => p.has(s.id!))) continue;
    seen.add(s.id);
    people.push({ id: s.id, kind: 'stakeholder', ...opt('name', textOf(s, 'name')), weeklyMinutes: 0, at: entrySpot(analysis, s) });
  }
  const cells = people.map((person) =>
    parts.map((p, i) => {
      const cell = p.get(person.id);
      if (cell?.part) person.weeklyMinutes += checkins[i].weeklyMinutes;
      return cell;
    }),
  );
  return { checkins, people, cells };
}

function opt<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
