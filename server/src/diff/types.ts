// What `team-charter diff` reports about one charter: findings introduced / resolved, and the
// changes a reviewer cares about (who decides, who carries risk, how often we check in, what done means).
import type { EntryRef, Range, Severity } from '../engine/model';
import type { ListSection } from '../engine/parse';

/** Report sections, in the order every format shows them. */
export const CATEGORIES = ['decisions', 'ownership', 'boundaries', 'checkins', 'done', 'milestones', 'risks'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_TITLES: Record<Category, string> = {
  decisions: 'Decisions',
  ownership: 'Ownership',
  boundaries: 'Decision boundaries',
  checkins: 'Check-ins',
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
}

/** A field value as plain YAML data (string, number, list, …); null when absent. */
export type Value = unknown;

interface ChangeBase {
  category: Category;
  /** `decision "pick-vendors"`, `intent`, `updates`: what the change is about. */
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
}

export interface RenameChange extends ChangeBase {
  kind: 'entry-renamed';
  section: ListSection;
  from: string;
  to: string;
}

export type OwnerField = 'owner' | 'approver' | 'risk_owner';

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

export interface DueChange extends ChangeBase {
  kind: 'due-changed';
  section: 'milestones';
  id?: string;
  from: string | null;
  to: string | null;
  /** Calendar days between the two dates (positive: later); null unless both are dates. */
  days: number | null;
  direction: 'later' | 'earlier' | 'set' | 'removed' | 'changed';
}

export type Change = EntryChange | RenameChange | OwnerChange | BoundaryChange | CadenceChange | ParticipantsChange | DoneChange | DueChange;

export interface CharterChanges {
  status: 'added' | 'deleted' | 'modified';
  /** YAML syntax errors on each side: when non-zero, changes come from what parsed. */
  syntaxErrors: { base: number; head: number };
  findings: { introduced: DiffFinding[]; resolved: DiffFinding[] };
  changes: Change[];
}
