// What `team-charter diff` reports about one charter: findings introduced / resolved, and the
// changes a reviewer cares about (what the team is for, its priorities and people, who decides
// what, who carries risk, how often we check in, what done means).
import type { EntryRef, Finding, Range, Severity } from '../engine/model';
import type { ListSection } from '../engine/parse';

/** Report sections, in the order every format shows them. */
export const CATEGORIES = ['team', 'priorities', 'people', 'decisions', 'ownership', 'boundaries', 'checkins', 'updates', 'done', 'milestones', 'risks'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_TITLES: Record<Category, string> = {
  team: 'Team and mission',
  priorities: 'Priorities',
  people: 'Members, roles and stakeholders',
  decisions: 'Decisions',
  ownership: 'Ownership',
  boundaries: 'Decision boundaries',
  checkins: 'Check-ins',
  updates: 'Updates',
  done: 'Definition of done',
  milestones: 'Milestones',
  risks: 'Risks',
};

/** A finding as `diff` reports it: where it is on its own side (head for introduced, base for resolved). */
export interface DiffFinding {
  rule: string;
  severity: Severity;
  message: string;
  entry?: EntryRef;
  range: Range;
  docs: string;
  /** Set on findings of the organisation rules (about the charter set, not this file alone). */
  organisation?: true;
}

/** A field value as plain YAML data (string, number, list, …); null when absent. */
export type Value = unknown;

/** Where a top-level change is: a map section, or `mission` / `vision` (plain top-level keys). */
export type Place = ListSection | 'team' | 'intent' | 'updates' | 'mission' | 'vision';

interface ChangeBase {
  category: Category;
  /** `decision "pick-vendors"`, `intent`, `updates`, `team`, `mission`: what the change is about. */
  subject: string;
  /** One sentence naming the subject, e.g. `decision "x": owner moved from "ana" to "ben"`. */
  message: string;
}

export interface EntryChange extends ChangeBase {
  kind: 'entry-added' | 'entry-removed';
  section: ListSection;
  id?: string;
  /** The entry's data (head side when added, base side when removed). */
  data: Value;
  /** Priorities only: the 1-based rank in its side's full list. */
  rank?: number;
}

export interface RenameChange extends ChangeBase {
  kind: 'entry-renamed';
  section: ListSection;
  from: string;
  to: string;
}

/** Single-party fields: who makes, approves, absorbs or receives (escalations) a call. */
export type OwnerField = 'owner' | 'approver' | 'risk_owner' | 'escalate_to';

export interface OwnerChange extends ChangeBase {
  kind: 'owner-changed';
  section: ListSection | 'updates';
  id?: string;
  field: OwnerField;
  from: Value;
  to: Value;
}

export interface BoundaryChange extends ChangeBase {
  kind: 'boundary-changed';
  section: 'decisions';
  id?: string;
  from: string;
  to: string;
  /** team → consult → escalate tightens control; the reverse delegates; unknown values just change. */
  direction: 'tightened' | 'delegated' | 'changed';
}

export interface CadenceChange extends ChangeBase {
  kind: 'cadence-changed';
  section: 'checkins' | 'updates';
  id?: string;
  from: string | null;
  to: string | null;
  /** Interval in days (null: absent, invalid, or on-milestone). */
  fromDays: number | null;
  toDays: number | null;
  direction: 'more-frequent' | 'less-frequent' | 'changed';
}

export interface ParticipantsChange extends ChangeBase {
  kind: 'participants-changed';
  section: 'checkins';
  id?: string;
  added: string[];
  removed: string[];
}

/** A list of ids or words changed: `consult`, `inform`, `agreed_with`, `covers`, … */
export interface ListChange extends ChangeBase {
  kind: 'list-changed';
  section: ListSection | 'updates';
  id?: string;
  field: string;
  added: string[];
  removed: string[];
}

export interface DoneChange extends ChangeBase {
  kind: 'done-changed';
  section: 'intent' | 'milestones';
  id?: string;
  change: 'added' | 'removed' | 'changed';
  /** The criteria (a single `done` string is one criterion); null when absent. */
  from: string[] | null;
  to: string[] | null;
  criteriaAdded: string[];
  criteriaRemoved: string[];
}

/** A date moved: a milestone's `due` (`due-changed`), a decision's `revisit`, a check-in's `until`. */
export interface DateChange extends ChangeBase {
  kind: 'due-changed' | 'date-changed';
  section: 'milestones' | 'decisions' | 'checkins';
  id?: string;
  field: 'due' | 'revisit' | 'until';
  from: string | null;
  to: string | null;
  /** Calendar days between the two dates (positive: later); null unless both are dates. */
  days: number | null;
  direction: 'later' | 'earlier' | 'set' | 'removed' | 'changed';
}

/** Prose whose words changed (whitespace and line folding aside): mission, scope, mitigation, … */
export interface TextChange extends ChangeBase {
  kind: 'text-changed';
  section: Place;
  id?: string;
  field: string;
  change: 'added' | 'removed' | 'reworded';
  from: string | null;
  to: string | null;
}

/**
 * A single value changed. `team-renamed` (team.name), `team-id-changed` (team.id: other charters'
 * references may break), `parent-moved` (team.parent), `priority-retitled`, `role-changed` (a
 * member's role), `experience-changed`, `stakeholder-kind-changed`, `minutes-changed` (an absent
 * `minutes` counts as the default 30), and `value-changed` for any other field of the format.
 */
export interface ValueChange extends ChangeBase {
  kind: 'team-renamed' | 'team-id-changed' | 'parent-moved' | 'priority-retitled' | 'role-changed' | 'experience-changed' | 'stakeholder-kind-changed' | 'minutes-changed' | 'value-changed';
  section: Place;
  id?: string;
  field: string;
  from: Value;
  to: Value;
}

/** Priorities present on both sides whose relative order changed: full-list ranks, 1-based. */
export interface PriorityMove extends ChangeBase {
  kind: 'priority-moved';
  section: 'priorities';
  id: string;
  fromRank: number;
  toRank: number;
}

/** Every `kind` a Change can have, in the order the docs list them. */
export const CHANGE_KINDS = [
  'team-renamed',
  'team-id-changed',
  'parent-moved',
  'text-changed',
  'entry-added',
  'entry-removed',
  'entry-renamed',
  'priority-moved',
  'priority-retitled',
  'role-changed',
  'experience-changed',
  'stakeholder-kind-changed',
  'list-changed',
  'owner-changed',
  'boundary-changed',
  'cadence-changed',
  'participants-changed',
  'date-changed',
  'minutes-changed',
  'value-changed',
  'done-changed',
  'due-changed',
] as const;

export type Change =
  | EntryChange
  | RenameChange
  | OwnerChange
  | BoundaryChange
  | CadenceChange
  | ParticipantsChange
  | ListChange
  | DoneChange
  | DateChange
  | TextChange
  | ValueChange
  | PriorityMove;

// CHANGE_KINDS and the Change union name the same kinds (a compile error here says which is missing).
const _everyKindListed: Record<Change['kind'], true> = Object.fromEntries(CHANGE_KINDS.map((k) => [k, true])) as Record<(typeof CHANGE_KINDS)[number], true>;
const _onlyKindsListed: readonly Change['kind'][] = CHANGE_KINDS;
void [_everyKindListed, _onlyKindsListed];

/** O owner · A approver · C consult · I inform · R risk owner · E escalate to. */
export type RightLetter = 'O' | 'A' | 'C' | 'I' | 'R' | 'E';
export const RIGHT_LETTERS: readonly RightLetter[] = ['O', 'A', 'C', 'I', 'R', 'E'];
export const RIGHT_FIELDS: Record<RightLetter, string> = { O: 'owner', A: 'approver', C: 'consult', I: 'inform', R: 'risk_owner', E: 'escalate_to' };

/** One party's link to a decision, as drawn: unchanged, added (bold) or removed (dashed). */
export interface RightEdge {
  party: string;
  letter: RightLetter;
  status: 'kept' | 'added' | 'removed';
}

/** A decision whose parties changed (added and removed decisions included), with every edge. */
export interface DecisionRights {
  /** The head id (base id for a removed decision); `#N` (its position) when it has none. */
  decision: string;
  status: 'added' | 'removed' | 'changed';
  edges: RightEdge[];
}

/** Findings about the charter set (organisation rules) for this charter, per side; the organisation layer computes them. */
export interface OrganisationFindings {
  base: readonly Finding[];
  head: readonly Finding[];
}

export interface CharterChanges {
  status: 'added' | 'deleted' | 'modified' | 'moved';
  /** YAML syntax errors on each side: when non-zero, changes come from what parsed. */
  syntaxErrors: { base: number; head: number };
  findings: { introduced: DiffFinding[]; resolved: DiffFinding[] };
  changes: Change[];
  /** The decisions whose parties changed, in head order (removed ones last): the markdown's picture. */
  decisionRights: DecisionRights[];
}
