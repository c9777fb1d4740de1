// The review-relevant changes between two parsed charters. Every field of the format is compared
// (keys outside the format are the findings' business): entries added / removed / renamed per list
// section, priorities reordered, then each field of each entry present on both sides, then the
// team, mission, vision, intent and updates. Values are compared as YAML data, so quoting,
// comments, key order and entry order never show up.
import type { CharterModel, ListSection } from '../engine/parse';
import { LIST_SECTIONS } from '../engine/parse';
import type { Category, Change, OwnerField, Value, ValueChange } from './types';
import { CATEGORIES } from './types';
import { entryRecords, matchEntries } from './entries';
import type { EntryMatch, EntryRecord } from './entries';
import type { Renames } from './findings';
import { boundaryChange, cadenceChange, dateChange, doneChange, listChange, minutesChange, ownerChange, textChange, valueChange } from './compare';
import type { Emit, FieldContext } from './compare';
import { priorityMoves } from './priorities';
import { decisionRights } from './rights';
import type { DecisionRights } from './types';
import { describe, isMissing, isRecord, quoteFull, scalarString, stringItems } from './values';

type Compare = (ctx: FieldContext, before: Value, after: Value, emit: Emit) => void;
type FieldSpec = [field: string, category: Category, compare: Compare];

const owner: Compare = (ctx, b, a, emit) => ownerChange({ ...ctx, field: ctx.field as OwnerField }, b, a, emit);
const date: Compare = (ctx, b, a, emit) => dateChange({ ...ctx, field: ctx.field as 'due' }, b, a, emit);
const value =
  (kind: ValueChange['kind']): Compare =>
  (ctx, b, a, emit) =>
    valueChange(ctx, kind, b, a, emit);
const other = value('value-changed');

/** Each section's fields in the order they are reported, with the category each one goes to. */
const ENTRY_FIELDS: Record<ListSection, FieldSpec[]> = {
  members: [['role', 'people', value('role-changed')], ['experience', 'people', value('experience-changed')], ['name', 'people', other], ['contact', 'people', other]],
  roles: [['title', 'people', other], ['responsibilities', 'people', listChange]],
  stakeholders: [['kind', 'people', value('stakeholder-kind-changed')], ['name', 'people', other]],
  priorities: [['title', 'priorities', value('priority-retitled')], ['why', 'priorities', textChange]],
  decisions: [
    ['scope', 'decisions', textChange],
    ['owner', 'ownership', owner],
    ['approver', 'ownership', owner],
    ['risk_owner', 'ownership', owner],
    ['escalate_to', 'ownership', owner],
    ['boundary', 'boundaries', boundaryChange],
    ['consult', 'decisions', listChange],
    ['inform', 'decisions', listChange],
    ['revisit', 'decisions', date],
  ],
  checkins: [
    ['cadence', 'checkins', cadenceChange],
    ['owner', 'ownership', owner],
    ['participants', 'checkins', listChange],
    ['agreed_with', 'checkins', listChange],
    ['milestones', 'checkins', listChange],
    ['purpose', 'checkins', textChange],
    ['format', 'checkins', other],
    ['until', 'checkins', date],
    ['minutes', 'checkins', minutesChange],
  ],
  milestones: [['title', 'milestones', other], ['owner', 'ownership', owner], ['done', 'done', doneChange], ['due', 'milestones', date], ['status', 'milestones', other]],
  risks: [['description', 'risks', textChange], ['owner', 'ownership', owner], ['mitigation', 'risks', textChange], ['decisions', 'risks', listChange]],
};

/** Where added, removed, renamed and reordered entries of each section are reported. */
const ENTRY_CATEGORY: Record<ListSection, Category> = {
  members: 'people',
  roles: 'people',
  stakeholders: 'people',
  priorities: 'priorities',
  decisions: 'decisions',
  checkins: 'checkins',
  milestones: 'milestones',
  risks: 'risks',
};

export interface StructuralChanges {
  changes: Change[];
  renames: Renames;
  decisionRights: DecisionRights[];
}

export function structuralChanges(base: CharterModel | undefined, head: CharterModel | undefined): StructuralChanges {
  const out = new Map<Category, Change[]>(CATEGORIES.map((c) => [c, []]));
  const emit: Emit = (change) => out.get(change.category)!.push(change);
  const matches = {} as Record<ListSection, EntryMatch>;
  const renames: Renames = new Map();
  for (const section of LIST_SECTIONS) {
    matches[section] = matchEntries(entryRecords(base, section), entryRecords(head, section));
    renames.set(section, new Map(matches[section].renamed.flatMap(([b, h]) => (b.id !== undefined && h.id !== undefined ? [[b.id, h.id]] : []))));
  }
  const b = topLevel(base);
  const h = topLevel(head);
  const compare = (subject: string, section: FieldContext['section'], [key, category, fn]: FieldSpec, before: Value, after: Value, id?: string) =>
    fn({ category, section, subject, field: key, ...(id !== undefined ? { id } : {}) }, before, after, emit);

  // What the team is and is for.
  for (const spec of [['name', 'team', value('team-renamed')], ['id', 'team', value('team-id-changed')], ['parent', 'team', value('parent-moved')], ['description', 'team', textChange]] as FieldSpec[]) {
    compare('team', 'team', spec, field(b.team, spec[0]), field(h.team, spec[0]));
  }
  for (const key of ['mission', 'vision'] as const) compare(key, key, [key, 'team', textChange], b[key], h[key]);
  for (const spec of [['what', 'team', textChange], ['why', 'team', textChange], ['done', 'done', doneChange]] as FieldSpec[]) {
    compare('intent', 'intent', spec, field(b.intent, spec[0]), field(h.intent, spec[0]));
  }

  for (const section of LIST_SECTIONS) {
    const match = matches[section];
    entryChanges(match, ENTRY_CATEGORY[section], emit);
    if (section === 'priorities') for (const move of priorityMoves(match.pairs)) emit(move);
    for (const [bb, hh] of match.pairs) for (const spec of ENTRY_FIELDS[section]) compare(hh.label, section, spec, bb.data[spec[0]], hh.data[spec[0]], hh.id);
  }

  for (const spec of [['cadence', 'updates', cadenceChange], ['channel', 'updates', other], ['covers', 'updates', listChange], ['owner', 'ownership', owner]] as FieldSpec[]) {
    compare('updates', 'updates', spec, field(b.updates, spec[0]), field(h.updates, spec[0]));
  }

  // Within a category: in the order emitted above (entries added/renamed/removed first per section).
  return { changes: CATEGORIES.flatMap((c) => out.get(c)!), renames, decisionRights: decisionRights(matches.decisions) };
}

function topLevel(model: CharterModel | undefined): Record<string, Value> {
  return model && isRecord(model.data) ? model.data : {};
}

function field(holder: Value, key: string): Value {
  return isRecord(holder) ? holder[key] : undefined;
}

function entryChanges(match: EntryMatch, category: Category, emit: Emit): void {
  const ordered: Array<{ at: number; change: Change }> = [];
  for (const h of match.added) {
    ordered.push({ at: h.index, change: { category, kind: 'entry-added', section: h.section, ...idOf(h), ...rankOf(h), subject: h.label, message: `${h.label} added (${summary(h)})`, data: h.data } });
  }
  for (const [b, h] of match.renamed) {
    ordered.push({ at: h.index, change: { category, kind: 'entry-renamed', section: h.section, from: b.id!, to: h.id!, subject: b.label, message: `${b.label} renamed to "${h.id}"` } });
  }
  ordered.sort((a, b) => a.at - b.at);
  for (const { change } of ordered) emit(change);
  for (const b of match.removed) {
    emit({ category, kind: 'entry-removed', section: b.section, ...idOf(b), ...rankOf(b), subject: b.label, message: `${b.label} removed (${summary(b)})`, data: b.data });
  }
}

function idOf(r: EntryRecord): { id?: string } {
  return r.id !== undefined ? { id: r.id } : {};
}

function rankOf(r: EntryRecord): { rank?: number } {
  return r.section === 'priorities' ? { rank: r.index + 1 } : {};
}

/** What a reviewer needs to know about an added or removed entry, in a few words. */
function summary(r: EntryRecord): string {
  const d = r.data;
  const word = (key: string, none: string) => (isMissing(d[key]) ? none : `${key} ${scalarString(d[key]) ?? describe(d[key])}`);
  const quoted = (key: string, none: string) => (isMissing(d[key]) ? none : `${key} ${describe(d[key])}`);
  const owner = quoted('owner', 'no owner');
  switch (r.section) {
    case 'members':
      return `${quoted('role', 'no role')}, ${word('experience', 'no experience')}`;
    case 'roles':
      return quoted('title', 'no title');
    case 'stakeholders':
      return word('kind', 'no kind');
    case 'priorities':
      return `rank ${r.index + 1}: ${isMissing(d.title) ? 'no title' : quoteFull(scalarString(d.title) ?? describe(d.title))}`;
    case 'decisions':
      return `${owner}, boundary ${scalarString(d.boundary) ?? 'team'}`;
    case 'checkins': {
      const people = stringItems(d.participants);
      const cadence = isMissing(d.cadence) ? 'no cadence' : `cadence ${scalarString(d.cadence) ?? describe(d.cadence)}`;
      return `${cadence}, ${people.length ? `participants ${people.map(quoteFull).join(', ')}` : 'no participants'}`;
    }
    case 'milestones':
      return `${isMissing(d.due) ? 'no due date' : `due ${scalarString(d.due) ?? describe(d.due)}`}, ${owner}`;
    default:
      return owner;
  }
}
