// Per-version indexes built once and shared by every rule and editor feature:
// declarations by namespace, every reference with its node, owner shapes, check-in intervals.
import { isScalar, isSeq } from 'yaml';
import type { Node, Scalar } from 'yaml';
import { Entry, MapView, scalarText } from './parse';
import type { CharterModel, ListSection } from './parse';
import { isOwnerPlaceholder, parseCadence, splitJoinedParties } from './vocabulary';
import type { Cadence } from './vocabulary';

export type Namespace = 'party' | 'priority' | 'decision' | 'checkin' | 'milestone' | 'risk';

export const SECTION_NAMESPACE: Record<ListSection, Namespace> = {
  members: 'party',
  roles: 'party',
  stakeholders: 'party',
  priorities: 'priority',
  decisions: 'decision',
  checkins: 'checkin',
  milestones: 'milestone',
  risks: 'risk',
};

/** Fields holding party references, per place. `updates.owner` is listed under `updates`. */
export const PARTY_FIELDS: Record<string, readonly string[]> = {
  decisions: ['owner', 'approver', 'risk_owner', 'escalate_to', 'consult', 'inform'],
  checkins: ['owner', 'participants', 'agreed_with'],
  milestones: ['owner'],
  risks: ['owner'],
  updates: ['owner'],
};
export const PARTY_FIELD_NAMES = new Set(Object.values(PARTY_FIELDS).flat());

export type ReferenceKind = 'party' | 'milestone' | 'decision' | 'role';

export interface Reference {
  kind: ReferenceKind;
  field: string;
  value: string;
  node: Scalar;
  /** The entry holding the reference; undefined for `updates.owner`. */
  entry: Entry | undefined;
  /** The map holding the field (the entry, or the `updates` map). */
  holder: MapView;
  /** True when the reference is an item of a list (`consult: [a, b]`). */
  inList: boolean;
}

/** What an `owner` value is, so one rule reports a bad owner and the others stay quiet. */
export type OwnerShape =
  | { kind: 'missing' }
  | { kind: 'multiple'; readonly parties: readonly string[] }
  | { kind: 'placeholder'; value: string }
  | { kind: 'single'; party: string }
  | { kind: 'other' };

export interface CharterIndex {
  /** Declarations per namespace, in document order (duplicates keep every entry). */
  declared: Record<Namespace, Map<string, Entry[]>>;
  references: Reference[];
  /** References by `kind:id`. */
  referencesTo(kind: ReferenceKind, id: string): Reference[];
  /** The first declaration of a party id (member, role or stakeholder). */
  party(id: string): Entry | undefined;
  isDeclared(kind: ReferenceKind, id: string): boolean;
  /** Members whose role is `lead`. */
  leads: Entry[];
  /** The shape of a holder's `owner`, worked out once per holder and shared (do not change it). */
  ownerShape(holder: MapView): OwnerShape;
  /**
   * True when a party reference is a stand-in word (`all`, `team`, `TBD`…) that names no declared
   * party: a member whose id happens to be `all` is a person, not a placeholder.
   */
  isStandIn(value: string): boolean;
  /** Each check-in's parsed cadence (undefined when missing or invalid). */
  cadence(checkin: Entry): Cadence | undefined;
  /** Members a party reference stands for: the member itself, or every holder of a role. */
  membersOf(partyId: string): Entry[];
  /**
   * The people a party reference counts for: a member itself, each holder of a role, and as
   * themselves a stakeholder, a role nobody holds, or an undeclared id.
   */
  people(partyId: string): string[];
  /** What a party id is: a member, a role or a stakeholder (see duplicates below); undefined when undeclared. */
  partyKind(partyId: string): 'member' | 'role' | 'stakeholder' | undefined;
}

export function buildIndex(model: CharterModel): CharterIndex {
  const declared: Record<Namespace, Map<string, Entry[]>> = {
    party: new Map(),
    priority: new Map(),
    decision: new Map(),
    checkin: new Map(),
    milestone: new Map(),
    risk: new Map(),
  };
  for (const [section, entries] of Object.entries(model.lists) as [ListSection, Entry[]][]) {
    const ns = declared[SECTION_NAMESPACE[section]];
    for (const entry of entries) {
      if (entry.id === undefined) continue;
      const list = ns.get(entry.id);
      if (list) list.push(entry);
      else ns.set(entry.id, [entry]);
    }
  }
  // Members, roles and stakeholders share one namespace: "first" and "later" follow the file.
  const offset = (e: Entry) => e.anchor.range?.[0] ?? 0;
  for (const entries of declared.party.values()) if (entries.length > 1) entries.sort((a, b) => offset(a) - offset(b));

  const references: Reference[] = [];
  const addRefs = (kind: ReferenceKind, field: string, holder: MapView, entry: Entry | undefined) => {
    const value = holder.value(field);
    if (isScalar(value)) {
      const text = scalarText(value);
      if (text !== undefined && text.trim() !== '') references.push({ kind, field, value: text.trim(), node: value, entry, holder, inList: false });
    } else if (isSeq(value)) {
      for (const item of holder.scalarItems(field)) {
        const text = scalarText(item);
        if (text !== undefined && text.trim() !== '') references.push({ kind, field, value: text.trim(), node: item, entry, holder, inList: true });
      }
    }
  };
  for (const [section, fields] of Object.entries(PARTY_FIELDS)) {
    if (section === 'updates') {
      if (model.updates) for (const f of fields) addRefs('party', f, model.updates, undefined);
      continue;
    }
    for (const entry of model.lists[section as ListSection]) for (const f of fields) addRefs('party', f, entry, entry);
  }
  for (const c of model.lists.checkins) addRefs('milestone', 'milestones', c, c);
  for (const r of model.lists.risks) addRefs('decision', 'decisions', r, r);
  if (model.root?.has('roles')) for (const m of model.lists.members) addRefs('role', 'role', m, m);

  const byTarget = new Map<string, Reference[]>();
  for (const ref of references) {
    const key = `${ref.kind === 'role' ? 'party' : ref.kind}:${ref.value}`;
    const list = byTarget.get(key);
    if (list) list.push(ref);
    else byTarget.set(key, [ref]);
  }

  const roleIds = new Set(model.lists.roles.map((r) => r.id).filter((id): id is string => id !== undefined));
  const isDeclared = (kind: ReferenceKind, id: string): boolean => {
    if (kind === 'role') return roleIds.has(id);
    if (kind === 'party') return declared.party.has(id);
    return declared[kind].has(id);
  };
  // A stand-in word that names no declared party: a member whose id happens to be `all` is a person.
  const isStandIn = (value: string): boolean => isOwnerPlaceholder(value) && !declared.party.has(value.trim());

  const membersByRole = new Map<string, Entry[]>();
  for (const m of model.lists.members) {
    const role = m.text('role');
    if (role === undefined) continue;
    const list = membersByRole.get(role.trim());
    if (list) list.push(m);
    else membersByRole.set(role.trim(), [m]);
  }

  function membersOf(partyId: string): Entry[] {
    const decl = declared.party.get(partyId)?.[0];
    if (!decl) return [];
    if (decl.section === 'members') return [decl];
    if (decl.section === 'roles') return membersByRole.get(partyId) ?? [];
    return [];
  }

  return {
    declared,
    references,
    referencesTo: (kind, id) => byTarget.get(`${kind === 'role' ? 'party' : kind}:${id}`) ?? [],
    party: (id) => declared.party.get(id)?.[0],
    isDeclared,
    leads: membersByRole.get('lead') ?? [],
    // Several rules ask about the same entries: each answer is worked out once per holder.
    ownerShape: oncePerKey((holder: MapView) => ownerShape(holder.value('owner'), isStandIn)),
    isStandIn,
    cadence: oncePerKey((checkin: Entry) => {
      const text = checkin.text('cadence');
      return text === undefined ? undefined : parseCadence(text.trim());
    }),
    membersOf,
    people(partyId) {
      const ids = membersOf(partyId).map((m) => m.id).filter((id): id is string => id !== undefined);
      return ids.length ? [...new Set(ids)] : [partyId];
    },
    partyKind(partyId) {
      // An id declared twice (duplicate-id reports it) is a member if any declaration is one:
      // someone listed both in the team and outside it is in the team.
      const sections = new Set((declared.party.get(partyId) ?? []).map((e) => e.section));
      return sections.has('members') ? 'member' : sections.has('roles') ? 'role' : sections.has('stakeholders') ? 'stakeholder' : undefined;
    },
  };
}

/** `compute` memoised per key, for answers the index gives many rules about the same entries. */
function oncePerKey<K, V>(compute: (key: K) => V): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    if (!answers.has(key)) answers.set(key, compute(key));
    return answers.get(key) as V;
  };
}

/** `isStandIn` says which single values are stand-ins (a declared id never is, whatever it reads). */
export function ownerShape(value: Node | null, isStandIn: (value: string) => boolean): OwnerShape {
  if (value === null || (isScalar(value) && (value.value === null || String(value.value).trim() === ''))) return { kind: 'missing' };
  if (isSeq(value)) {
    const parties = value.items.map((i) => scalarText(i as Node)).filter((t): t is string => t !== undefined);
    return value.items.length === 0 ? { kind: 'missing' } : { kind: 'multiple', parties };
  }
  const text = scalarText(value);
  if (text === undefined) return { kind: 'other' };
  if (isStandIn(text)) return { kind: 'placeholder', value: text.trim() };
  const parties = splitJoinedParties(text);
  if (parties.length > 1) return { kind: 'multiple', parties };
  return { kind: 'single', party: text.trim() };
}
