// One field compared across base and head, as a Change or nothing: who owns it, the boundary, the
// cadence, lists of parties or words, `done` criteria, dates, prose and single values. Values are
// compared as YAML data (quoting, trimming and folded lines never count).
import { parseCadence } from '../engine/vocabulary';
import { plural } from '../engine/text';
import type { Category, Change, DateChange, DoneChange, OwnerField, Place, TextChange, Value, ValueChange } from './types';
import { dayNumber, deepEqual, describe, isMissing, multisetMinus, quoteFull, scalarString, stringItems } from './values';

/** What a comparison is about: its report category, where it is, and how messages name it. */
export interface FieldContext {
  category: Category;
  section: Place;
  /** `decision "pick-vendors"`, `updates`, `team`, … */
  subject: string;
  id?: string;
  field: string;
}

export type Emit = (change: Change) => void;

const OWNER_NAME: Record<OwnerField, string> = { owner: 'owner', approver: 'approver', risk_owner: 'risk owner', escalate_to: 'escalate_to' };
const BOUNDARY_RANK: Record<string, number> = { team: 0, consult: 1, escalate: 2 };
const BOUNDARY_MEANING: Record<string, string> = {
  team: 'the team decides alone',
  consult: 'the owner decides after consulting',
  escalate: 'the decision needs approval',
};
/** A check-in without `minutes` lasts this long (as in `checkin-load`). */
export const DEFAULT_MINUTES = 30;

function where(ctx: FieldContext) {
  return { category: ctx.category, section: ctx.section, ...(ctx.id !== undefined ? { id: ctx.id } : {}), subject: ctx.subject };
}

/** Strings trimmed, absent/blank as null: `owner: "ana "` and `owner: ana` are the same owner. */
export function normalize(v: Value): Value {
  if (isMissing(v)) return null;
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map(normalize);
  return v;
}

/** A scalar as text, a collection as its JSON; null when missing. */
function asText(v: Value): string | null {
  return isMissing(v) ? null : scalarString(v) ?? describe(v);
}

/** `set to X` / `removed (was X)` / `<verb> from X to Y`, the wording every single-value change uses. */
function movement(name: string, verb: string, from: string | null, to: string | null): string {
  if (from === null) return `${name} set to ${to}`;
  if (to === null) return `${name} removed (was ${from})`;
  return `${name} ${verb} from ${from} to ${to}`;
}

export function ownerChange(ctx: FieldContext & { field: OwnerField }, before: Value, after: Value, emit: Emit): void {
  const from = normalize(before);
  const to = normalize(after);
  if (deepEqual(from, to)) return;
  const what = movement(OWNER_NAME[ctx.field], 'moved', from === null ? null : describe(from), to === null ? null : describe(to));
  emit({ ...where(ctx), kind: 'owner-changed', section: ctx.section as 'updates', field: ctx.field, from, to, message: `${ctx.subject}: ${what}` });
}

export function boundaryChange(ctx: FieldContext, before: Value, after: Value, emit: Emit): void {
  const from = scalarString(before) || 'team';
  const to = scalarString(after) || 'team';
  if (from === to) return;
  const [rf, rt] = [BOUNDARY_RANK[from], BOUNDARY_RANK[to]];
  const direction = rf === undefined || rt === undefined ? 'changed' : rt > rf ? 'tightened' : 'delegated';
  const what =
    direction === 'changed'
      ? `boundary changed from "${from}" to "${to}"`
      : `boundary moved from ${from} to ${to}: ${direction === 'tightened' ? 'tightening control' : 'delegating'} (${BOUNDARY_MEANING[to]})`;
  emit({ ...where(ctx), kind: 'boundary-changed', section: 'decisions', from, to, direction, message: `${ctx.subject}: ${what}` });
}

export function cadenceChange(ctx: FieldContext, before: Value, after: Value, emit: Emit): void {
  const from = asText(before);
  const to = asText(after);
  if (from === to) return;
  const fromDays = intervalDays(from);
  const toDays = intervalDays(to);
  // `weekly` and `every 7 days` are the same cadence written differently.
  if (fromDays !== null && fromDays === toDays) return;
  const direction = fromDays === null || toDays === null ? 'changed' : toDays < fromDays ? 'more-frequent' : 'less-frequent';
  let what: string;
  if (from === null || to === null) what = movement('cadence', 'changed', from, to);
  else if (direction === 'changed') what = `cadence changed from ${from} to ${to}${to === 'on-milestone' ? ' (no fixed interval)' : ''}`;
  else what = `cadence changed from ${from} to ${to}: ${direction === 'more-frequent' ? 'more' : 'less'} frequent (${every(toDays!)} instead of ${every(fromDays!)})`;
  emit({ ...where(ctx), kind: 'cadence-changed', section: ctx.section as 'checkins', from, to, fromDays, toDays, direction, message: `${ctx.subject}: ${what}` });
}

function intervalDays(cadence: string | null): number | null {
  const parsed = cadence === null ? undefined : parseCadence(cadence);
  return parsed?.kind === 'interval' ? parsed.days : null;
}

function every(days: number): string {
  return days === 1 ? 'every day' : `every ${days} days`;
}

/** Items added and removed, each once; order and repeats are no change. `participants` keeps its own kind. */
export function listChange(ctx: FieldContext, before: Value, after: Value, emit: Emit): void {
  const from = [...new Set(stringItems(before))];
  const to = [...new Set(stringItems(after))];
  const added = multisetMinus(to, from);
  const removed = multisetMinus(from, to);
  if (!added.length && !removed.length) return;
  const parts = [added.length ? `added ${added.map(quoteFull).join(', ')}` : '', removed.length ? `removed ${removed.map(quoteFull).join(', ')}` : ''];
  const message = `${ctx.subject}: ${ctx.field} ${parts.filter(Boolean).join('; ')}`;
  if (ctx.field === 'participants') emit({ ...where(ctx), kind: 'participants-changed', section: 'checkins', added, removed, message });
  else emit({ ...where(ctx), kind: 'list-changed', section: ctx.section as 'updates', field: ctx.field, added, removed, message });
}

/** `done` as criteria: a string is one criterion; whitespace is collapsed (folding a line is no change). */
function criteria(v: Value): string[] | null {
  if (isMissing(v)) return null;
  const items = (Array.isArray(v) ? v : [v]).map((x) => collapse(scalarString(x) ?? (isMissing(x) ? '' : JSON.stringify(x)))).filter((s) => s !== '');
  return items.length ? items : null;
}

export function doneChange(ctx: FieldContext, before: Value, after: Value, emit: Emit): void {
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
  emit({ ...where(ctx), kind: 'done-changed', section: ctx.section as 'intent', change, from, to, criteriaAdded, criteriaRemoved, message: `${ctx.subject}: ${what}` });
}

/** `due`, `revisit`, `until`: moved N days later / earlier, set, removed, or changed when not a date. */
export function dateChange(ctx: FieldContext & { field: DateChange['field'] }, before: Value, after: Value, emit: Emit): void {
  const from = asText(before);
  const to = asText(after);
  if (from === to) return;
  const [df, dt] = [from === null ? undefined : dayNumber(from), to === null ? undefined : dayNumber(to)];
  const days = df !== undefined && dt !== undefined ? dt - df : null;
  const name = ctx.field;
  let direction: DateChange['direction'];
  let what: string;
  if (from === null) [direction, what] = ['set', `${name} set to ${to}`];
  else if (to === null) [direction, what] = ['removed', `${name} removed (was ${from})`];
  else if (days === null) [direction, what] = ['changed', `${name} changed from "${from}" to "${to}"`];
  else [direction, what] = [days > 0 ? 'later' : 'earlier', `${name} moved from ${from} to ${to}, ${plural(Math.abs(days), 'day')} ${days > 0 ? 'later' : 'earlier'}`];
  const kind = ctx.field === 'due' ? 'due-changed' : 'date-changed';
  emit({ ...where(ctx), kind, section: ctx.section as 'milestones', field: ctx.field, from, to, days, direction, message: `${ctx.subject}: ${what}` });
}

/** Whitespace collapsed, so reflowing a paragraph is no change. */
function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Prose (mission, scope, purpose, mitigation, …): added, removed or reworded, both texts in full. */
export function textChange(ctx: FieldContext, before: Value, after: Value, emit: Emit): void {
  const from = isMissing(before) ? null : collapse(asText(before)!);
  const to = isMissing(after) ? null : collapse(asText(after)!);
  if (from === to) return;
  const change: TextChange['change'] = from === null ? 'added' : to === null ? 'removed' : 'reworded';
  const name = ctx.field;
  // The mission and vision are statements: they change. Other prose is reworded.
  const verb = name === 'mission' || name === 'vision' ? 'changed' : 'reworded';
  const what =
    change === 'added' ? `${name} added: ${quoteFull(to!)}` : change === 'removed' ? `${name} removed (was ${quoteFull(from!)})` : `${name} ${verb} from ${quoteFull(from!)} to ${quoteFull(to!)}`;
  // Top-level prose (mission, vision) is its own subject: `mission changed …`, not `mission: mission …`.
  const message = ctx.subject === ctx.field ? what : `${ctx.subject}: ${what}`;
  emit({ ...where(ctx), kind: 'text-changed', field: ctx.field, change, from, to, message });
}

/** A single value; `kind` says what it means. Text values are quoted in full (a retitle is read word by word). */
export function valueChange(ctx: FieldContext, kind: ValueChange['kind'], before: Value, after: Value, emit: Emit): void {
  const from = normalize(before);
  const to = normalize(after);
  if (deepEqual(from, to)) return;
  // Enumerated words (experience, kind) read best bare: `from new to developing`.
  const bare = kind === 'experience-changed' || kind === 'stakeholder-kind-changed';
  const say = (v: Value) => (v === null ? null : typeof v === 'string' && !bare ? quoteFull(v) : scalarString(v) ?? describe(v));
  const [f, t] = [say(from), say(to)];
  const both = f !== null && t !== null;
  let what: string;
  switch (kind) {
    case 'team-renamed':
      what = both ? `team renamed from ${f} to ${t}` : movement('team name', 'changed', f, t);
      break;
    case 'team-id-changed':
      what = movement('team id', 'changed', f, t) + (f !== null ? ': references to it from other charters (parent, stakeholders of kind team) may break' : '');
      break;
    case 'parent-moved':
      what = movement('team parent', 'moved', f, t);
      break;
    case 'priority-retitled':
      what = both ? `retitled from ${f} to ${t}` : movement('title', 'changed', f, t);
      break;
    default:
      what = movement(ctx.field, 'changed', f, t);
  }
  // Team-wide changes are their own subject: `team renamed …`, not `team: team renamed …`.
  const own = kind === 'team-renamed' || kind === 'team-id-changed' || kind === 'parent-moved';
  emit({ ...where(ctx), kind, field: ctx.field, from, to, message: own ? what : `${ctx.subject}: ${what}` });
}

/** `minutes` per occurrence; absent is the default, so writing the default out is no change. */
export function minutesChange(ctx: FieldContext, before: Value, after: Value, emit: Emit): void {
  const from = normalize(before);
  const to = normalize(after);
  const effective = (v: Value) => (v === null ? DEFAULT_MINUTES : v);
  if (deepEqual(effective(from), effective(to))) return;
  const say = (v: Value) => scalarString(v) ?? describe(v);
  let what: string;
  if (from === null) what = `minutes set to ${say(to)} (was the default ${DEFAULT_MINUTES})`;
  else if (to === null) what = `minutes removed (was ${say(from)}; now the default ${DEFAULT_MINUTES})`;
  else what = `minutes changed from ${say(from)} to ${say(to)}`;
  emit({ ...where(ctx), kind: 'minutes-changed', field: 'minutes', from, to, message: `${ctx.subject}: ${what}` });
}
