// The review-relevant changes between two parsed charters: entries added / removed / renamed,
// ownership, boundaries, cadence, participants, `done`, and `due` dates. Values are compared as
// YAML data, so quoting, comments, key order and entry order never show up.
import type { CharterModel, ListSection } from '../engine/parse';
import { LIST_SECTIONS } from '../engine/parse';
import { parseCadence } from '../engine/vocabulary';
import { plural } from '../engine/text';
import type { Category, Change, DoneChange, OwnerField, Value } from './types';
import { CATEGORIES } from './types';
import { entryRecords, matchEntries } from './entries';
import type { EntryMatch, EntryRecord } from './entries';
import type { Renames } from './findings';
import { dayNumber, deepEqual, describe, isMissing, isRecord, multisetMinus, quoteFull, scalarString, stringItems } from './values';

/** Sections whose entries are reported when added, removed or renamed (each under its own category). */
const ENTRY_SECTIONS = ['decisions', 'checkins', 'milestones', 'risks'] as const;
/** Fields saying who is accountable, per section, in the order they are reported. */
const OWNER_FIELDS: Array<[ListSection, OwnerField[]]> = [
  ['decisions', ['owner', 'approver', 'risk_owner']],
  ['checkins', ['owner']],
  ['milestones', ['owner']],
  ['risks', ['owner']],
];
const FIELD_NAME: Record<OwnerField, string> = { owner: 'owner', approver: 'approver', risk_owner: 'risk owner' };
const BOUNDARY_RANK: Record<string, number> = { team: 0, consult: 1, escalate: 2 };
const BOUNDARY_MEANING: Record<string, string> = {
  team: 'the team decides alone',
  consult: 'the owner decides after consulting',
  escalate: 'the decision needs approval',
};

export function structuralChanges(base: CharterModel | undefined, head: CharterModel | undefined): { changes: Change[]; renames: Renames } {
  const out = new Map<Category, Change[]>(CATEGORIES.map((c) => [c, []]));
  const add = (change: Change) => out.get(change.category)!.push(change);
  const matches = {} as Record<ListSection, EntryMatch>;
  const renames: Renames = new Map();
  for (const section of LIST_SECTIONS) {
    matches[section] = matchEntries(entryRecords(base, section), entryRecords(head, section));
    renames.set(section, new Map(matches[section].renamed.flatMap(([b, h]) => (b.id !== undefined && h.id !== undefined ? [[b.id, h.id]] : []))));
  }
  const baseData = topLevel(base);
  const headData = topLevel(head);

  for (const section of ENTRY_SECTIONS) entryChanges(matches[section], section, add);
  for (const [section, fields] of OWNER_FIELDS) {
    for (const [b, h] of matches[section].pairs) for (const key of fields) ownerChange(section, h.label, h.id, key, b.data[key], h.data[key], add);
  }
  ownerChange('updates', 'updates', undefined, 'owner', field(baseData.updates, 'owner'), field(headData.updates, 'owner'), add);
  for (const [b, h] of matches.decisions.pairs) boundaryChange(h, b.data.boundary, h.data.boundary, add);
  for (const [b, h] of matches.checkins.pairs) {
    cadenceChange('checkins', h.label, h.id, b.data.cadence, h.data.cadence, add);
    participantsChange(h, b.data.participants, h.data.participants, add);
  }
  cadenceChange('updates', 'updates', undefined, field(baseData.updates, 'cadence'), field(headData.updates, 'cadence'), add);
  doneChange('intent', 'intent', undefined, field(baseData.intent, 'done'), field(headData.intent, 'done'), add);
  for (const [b, h] of matches.milestones.pairs) doneChange('milestones', h.label, h.id, b.data.done, h.data.done, add);
  for (const [b, h] of matches.milestones.pairs) dueChange(h, b.data.due, h.data.due, add);

  // Within a category: entries added/renamed/removed first (grouped by the loop order above).
  return { changes: CATEGORIES.flatMap((c) => out.get(c)!), renames };
}

function topLevel(model: CharterModel | undefined): Record<string, Value> {
  return model && isRecord(model.data) ? model.data : {};
}

function field(holder: Value, key: string): Value {
  return isRecord(holder) ? holder[key] : undefined;
}

function entryChanges(match: EntryMatch, category: Category, add: (c: Change) => void): void {
  const ordered: Array<{ at: number; change: Change }> = [];
  for (const h of match.added) {
    ordered.push({ at: h.index, change: { category, kind: 'entry-added', section: h.section, ...idOf(h), subject: h.label, message: `${h.label} added (${summary(h)})`, data: h.data } });
  }
  for (const [b, h] of match.renamed) {
    ordered.push({ at: h.index, change: { category, kind: 'entry-renamed', section: h.section, from: b.id!, to: h.id!, subject: b.label, message: `${b.label} renamed to "${h.id}"` } });
  }
  ordered.sort((a, b) => a.at - b.at);
  for (const { change } of ordered) add(change);
  for (const b of match.removed) {
    add({ category, kind: 'entry-removed', section: b.section, ...idOf(b), subject: b.label, message: `${b.label} removed (${summary(b)})`, data: b.data });
  }
}

function idOf(r: EntryRecord): { id?: string } {
  return r.id !== undefined ? { id: r.id } : {};
}

/** What a reviewer needs to know about an added or removed entry, in a few words. */
function summary(r: EntryRecord): string {
  const d = r.data;
  const owner = isMissing(d.owner) ? 'no owner' : `owner ${describe(d.owner)}`;
  switch (r.section) {
    case 'decisions':
      return `${owner}, boundary ${scalarString(d.boundary) ?? 'team'}`;
    case 'checkins': {
      const people = stringItems(d.participants);
      const cadence = isMissing(d.cadence) ? 'no cadence' : `cadence ${scalarString(d.cadence) ?? describe(d.cadence)}`;
      return `${cadence}, ${people.length ? `participants ${people.map((p) => `"${p}"`).join(', ')}` : 'no participants'}`;
    }
    case 'milestones':
      return `${isMissing(d.due) ? 'no due date' : `due ${scalarString(d.due) ?? describe(d.due)}`}, ${owner}`;
    default:
      return owner;
  }
}

/** Strings trimmed, absent/blank as null: `owner: "ana "` and `owner: ana` are the same owner. */
function normalize(v: Value): Value {
  if (isMissing(v)) return null;
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map(normalize);
  return v;
}

function ownerChange(section: ListSection | 'updates', subject: string, id: string | undefined, key: OwnerField, before: Value, after: Value, add: (c: Change) => void): void {
  const from = normalize(before);
  const to = normalize(after);
  if (deepEqual(from, to)) return;
  const name = FIELD_NAME[key];
  const what =
    from === null ? `${name} set to ${describe(to)}` : to === null ? `${name} removed (was ${describe(from)})` : `${name} moved from ${describe(from)} to ${describe(to)}`;
  add({ category: 'ownership', kind: 'owner-changed', section, ...(id !== undefined ? { id } : {}), field: key, from, to, subject, message: `${subject}: ${what}` });
}

function boundaryChange(h: EntryRecord, before: Value, after: Value, add: (c: Change) => void): void {
  const from = scalarString(before) || 'team';
  const to = scalarString(after) || 'team';
  if (from === to) return;
  const [rf, rt] = [BOUNDARY_RANK[from], BOUNDARY_RANK[to]];
  const direction = rf === undefined || rt === undefined ? 'changed' : rt > rf ? 'tightened' : 'delegated';
  const what =
    direction === 'changed'
      ? `boundary changed from "${from}" to "${to}"`
      : `boundary moved from ${from} to ${to}: ${direction === 'tightened' ? 'tightening control' : 'delegating'} (${BOUNDARY_MEANING[to]})`;
  add({ category: 'boundaries', kind: 'boundary-changed', section: 'decisions', ...idOf(h), from, to, direction, subject: h.label, message: `${h.label}: ${what}` });
}

function cadenceChange(section: 'checkins' | 'updates', subject: string, id: string | undefined, before: Value, after: Value, add: (c: Change) => void): void {
  const from = isMissing(before) ? null : scalarString(before) ?? describe(before);
  const to = isMissing(after) ? null : scalarString(after) ?? describe(after);
  if (from === to) return;
  const fromDays = intervalDays(from);
  const toDays = intervalDays(to);
  // `weekly` and `every 7 days` are the same cadence written differently.
  if (fromDays !== null && fromDays === toDays) return;
  const direction = fromDays === null || toDays === null ? 'changed' : toDays < fromDays ? 'more-frequent' : 'less-frequent';
  let what: string;
  if (from === null) what = `cadence set to ${to}`;
  else if (to === null) what = `cadence removed (was ${from})`;
  else if (direction === 'changed') what = `cadence changed from ${from} to ${to}${to === 'on-milestone' ? ' (no fixed interval)' : ''}`;
  else what = `cadence changed from ${from} to ${to}: ${direction === 'more-frequent' ? 'more' : 'less'} frequent (${every(toDays!)} instead of ${every(fromDays!)})`;
  add({ category: 'checkins', kind: 'cadence-changed', section, ...(id !== undefined ? { id } : {}), from, to, fromDays, toDays, direction, subject, message: `${subject}: ${what}` });
}

function intervalDays(cadence: string | null): number | null {
  const parsed = cadence === null ? undefined : parseCadence(cadence);
  return parsed?.kind === 'interval' ? parsed.days : null;
}

function every(days: number): string {
  return days === 1 ? 'every day' : `every ${days} days`;
}

function participantsChange(h: EntryRecord, before: Value, after: Value, add: (c: Change) => void): void {
  const from = [...new Set(stringItems(before))];
  const to = [...new Set(stringItems(after))];
  const added = multisetMinus(to, from);
  const removed = multisetMinus(from, to);
  if (!added.length && !removed.length) return;
  const parts = [added.length ? `added ${added.map((p) => `"${p}"`).join(', ')}` : '', removed.length ? `removed ${removed.map((p) => `"${p}"`).join(', ')}` : ''];
  const what = `participants ${parts.filter(Boolean).join('; ')}`;
  add({ category: 'checkins', kind: 'participants-changed', section: 'checkins', ...idOf(h), added, removed, subject: h.label, message: `${h.label}: ${what}` });
}

/** `done` as criteria: a string is one criterion; whitespace is collapsed (folding a line is no change). */
function criteria(v: Value): string[] | null {
  if (isMissing(v)) return null;
  const items = (Array.isArray(v) ? v : [v]).map((x) => (scalarString(x) ?? (isMissing(x) ? '' : JSON.stringify(x))).replace(/\s+/g, ' ').trim()).filter((s) => s !== '');
  return items.length ? items : null;
}

function doneChange(section: DoneChange['section'], subject: string, id: string | undefined, before: Value, after: Value, add: (c: Change) => void): void {
  const from = criteria(before);
  const to = criteria(after);
  const criteriaRemoved = multisetMinus(from ?? [], to ?? []);
  const criteriaAdded = multisetMinus(to ?? [], from ?? []);
  // Reordering criteria is no change.
  if (!criteriaAdded.length && !criteriaRemoved.length) return;
  const list = (items: string[]) => items.map(quoteFull).join('; ');
  const count = (items: string[]) => (items.length === 1 ? list(items) : `${plural(items.length, 'criterion', 'criteria')}: ${list(items)}`);
  let change: DoneChange['change'];
  let what: string;
  if (from === null) {
    change = 'added';
    what = `done added: ${count(to!)}`;
  } else if (to === null) {
    change = 'removed';
    what = `done removed (was ${count(from)})`;
  } else {
    change = 'changed';
    if (from.length === 1 && to.length === 1) what = `done changed from ${quoteFull(from[0])} to ${quoteFull(to[0])}`;
    else {
      const parts: string[] = [];
      if (criteriaRemoved.length) parts.push(`done ${criteriaRemoved.length === 1 ? 'criterion' : 'criteria'} removed: ${list(criteriaRemoved)}`);
      if (criteriaAdded.length) parts.push(`${parts.length ? '' : 'done '}${criteriaAdded.length === 1 ? 'criterion' : 'criteria'} added: ${list(criteriaAdded)}`);
      what = parts.join('; ');
    }
  }
  add({ category: 'done', kind: 'done-changed', section, ...(id !== undefined ? { id } : {}), change, from, to, criteriaAdded, criteriaRemoved, subject, message: `${subject}: ${what}` });
}

function dueChange(h: EntryRecord, before: Value, after: Value, add: (c: Change) => void): void {
  const from = isMissing(before) ? null : scalarString(before) ?? describe(before);
  const to = isMissing(after) ? null : scalarString(after) ?? describe(after);
  if (from === to) return;
  const [df, dt] = [from === null ? undefined : dayNumber(from), to === null ? undefined : dayNumber(to)];
  const days = df !== undefined && dt !== undefined ? dt - df : null;
  let direction: 'later' | 'earlier' | 'set' | 'removed' | 'changed';
  let what: string;
  if (from === null) [direction, what] = ['set', `due set to ${to}`];
  else if (to === null) [direction, what] = ['removed', `due removed (was ${from})`];
  else if (days === null) [direction, what] = ['changed', `due changed from "${from}" to "${to}"`];
  else [direction, what] = [days > 0 ? 'later' : 'earlier', `due moved from ${from} to ${to}, ${plural(Math.abs(days), 'day')} ${days > 0 ? 'later' : 'earlier'}`];
  add({ category: 'milestones', kind: 'due-changed', section: 'milestones', ...idOf(h), from, to, days, direction, subject: h.label, message: `${h.label}: ${what}` });
}
