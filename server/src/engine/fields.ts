// How the ownership and decision-boundary rules read single-valued fields, so they agree:
// null and blank count as missing; lists and maps where one value belongs are the schema's
// business, so content rules skip them. Findings and edits use the field's own node (an alias
// stays the alias: editing its anchor would change every other use of it).
import { isAlias, isScalar } from 'yaml';
import type { Node, Scalar } from 'yaml';
import type { Edits, OffsetEdit } from './edits';
import { formatScalar } from './edits';
import type { CharterModel, Entry, MapView } from './parse';
import type { CharterIndex } from './indexes';
import { scalarText } from './parse';
import { BOUNDARIES, EXPERIENCE_LEVELS, isDate, splitJoinedParties } from './vocabulary';
import type { Boundary, Experience } from './vocabulary';

export type FieldValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string; at: Node }
  | { kind: 'other'; at: Node };

/** The node written after `key:` (an alias stays an alias); undefined when there is none. */
export function ownNode(holder: MapView, key: string): Node | undefined {
  const raw = holder.pairs.get(key)?.value as Node | null | undefined;
  return raw && raw.range ? raw : undefined;
}

export function fieldValue(holder: MapView, key: string): FieldValue {
  const value = holder.value(key);
  if (value === null) return { kind: 'empty' };
  if (isScalar(value) && (value.value === null || (typeof value.value === 'string' && value.value.trim() === ''))) return { kind: 'empty' };
  const at = ownNode(holder, key) ?? value;
  const text = scalarText(value);
  return text === undefined ? { kind: 'other', at } : { kind: 'text', text: text.trim(), at };
}

/**
 * A decision's boundary: `team` when missing; undefined when the value is not one the format allows
 * (schema-invalid-value reports it, and an invalid value is unknown to every other rule).
 */
export function boundaryOf(decision: MapView): Boundary | undefined {
  const f = fieldValue(decision, 'boundary');
  if (f.kind === 'empty') return 'team';
  return enumValue(decision, 'boundary', BOUNDARIES);
}

/** A field's value when it is one of `allowed` exactly; undefined when absent, blank or invalid. */
export function enumValue<T extends string>(holder: MapView, key: string, allowed: readonly T[]): T | undefined {
  const f = fieldValue(holder, key);
  return f.kind === 'text' && (allowed as readonly string[]).includes(f.text) ? (f.text as T) : undefined;
}

/** A member's experience when valid (an invalid one counts as none). */
export function experienceOf(member: MapView): Experience | undefined {
  return enumValue(member, 'experience', EXPERIENCE_LEVELS);
}

/** A `YYYY-MM-DD` field that is a real date; undefined when absent or invalid. */
export function dateValue(holder: MapView, key: string): { date: string; at: Node } | undefined {
  const f = fieldValue(holder, key);
  if (f.kind !== 'text' || !isDate(f.text)) return undefined;
  return { date: f.text, at: f.at };
}

/** Party ids named by a list-or-string field (`consult`, `inform`, …), trimmed, joined strings split. */
export function partiesIn(holder: MapView, key: string): string[] {
  return holder.texts(key).flatMap((t) => splitJoinedParties(t)).filter((p) => p !== '');
}

/** Replaces a scalar field's value, keeping its quoting (an alias is replaced by plain text). */
export function replaceFieldScalar(edits: Edits, holder: MapView, key: string, value: string): OffsetEdit | undefined {
  const node = ownNode(holder, key);
  if (!node) return undefined;
  if (isAlias(node) || !isScalar(node)) return edits.replace(node, formatScalar(value));
  return edits.replaceScalar(node, value);
}

/** Every map that has an `owner` field: decisions, check-ins, milestones, risks, and `updates`. */
export interface OwnerHolder {
  holder: MapView;
  entry: Entry | { section: string };
  label: string;
  section: 'decisions' | 'checkins' | 'milestones' | 'risks' | 'updates';
}

export function ownerHolders(model: CharterModel): OwnerHolder[] {
  const out: OwnerHolder[] = [];
  for (const section of ['decisions', 'checkins', 'milestones', 'risks'] as const) {
    for (const entry of model.lists[section]) out.push({ holder: entry, entry, label: entry.label, section });
  }
  if (model.updates) out.push({ holder: model.updates, entry: { section: 'updates' }, label: 'updates', section: 'updates' });
  return out;
}

/** The id of the one member whose `name`, or else first name, is `value` (a display name used as a reference). */
export function memberIdNamed(model: CharterModel, value: string): string | undefined {
  const wanted = value.trim().toLowerCase();
  const named = (test: (name: string) => boolean) =>
    model.lists.members.filter((m) => {
      const name = m.text('name')?.trim().toLowerCase();
      return m.id !== undefined && name !== undefined && test(name);
    });
  const full = named((name) => name === wanted);
  const found = full.length ? full : named((name) => name.split(/\s+/)[0] === wanted);
  return found.length === 1 ? found[0].id : undefined;
}

/** The one member a party reference stands for: a member id, or a role exactly one member holds. */
export function solePerson(index: CharterIndex, party: string): string | undefined {
  const members = index.membersOf(party);
  return members.length === 1 ? members[0].id : undefined;
}

/** True when a decision's approver is its owner: the same text, or the same one person through a role. */
export function approvesOwnCall(index: CharterIndex, owner: string, approver: string): boolean {
  if (owner === approver) return true;
  const person = solePerson(index, owner);
  return person !== undefined && person === solePerson(index, approver);
}

/** The scalar items of a list-or-string field with their trimmed text (blank items dropped). */
export function scalarItemsOf(holder: MapView, key: string): Array<{ node: Scalar; text: string }> {
  return holder
    .scalarItems(key)
    .map((node) => ({ node, text: scalarText(node)?.trim() ?? '' }))
    .filter((i) => i.text !== '');
}
