// What organisation rules see: one summary per charter of the set (parties, decisions, check-ins,
// parent), worked out from each charter's own analysis, and a context to report findings in any
// charter of the set. Plain data with LSP ranges, so summaries can be kept per file and reused
// until that file changes.
import type { Range } from './model';
import type { Boundary, StakeholderKind } from './vocabulary';

export interface PartyDeclaration {
  id: string;
  section: 'members' | 'stakeholders';
  /** The declaration's `id` value. */
  anchor: Range;
  name?: { text: string; range: Range };
  /** Stakeholders: `kind` when valid. */
  kind?: StakeholderKind;
}

export interface DecisionSummary {
  id?: string;
  label: string;
  anchor: Range;
  scope?: { text: string; words: readonly string[]; range: Range };
  /** Undefined when the boundary is invalid (unknown); absent means `team`. */
  boundary: Boundary | undefined;
  /** The people the owner stands for (roles resolved to their holders); empty unless one party is named. */
  owners: readonly string[];
  /** People named as `approver` or `escalate_to` (roles resolved), with the value naming them. */
  approvals: ReadonlyArray<{ person: string; range: Range; field: 'approver' | 'escalate_to' }>;
}

export interface CheckinSummary {
  id?: string;
  label: string;
  anchor: Range;
  /** minutes (default 30) × 7 ÷ interval days; 0 for on-milestone, missing or invalid cadences. */
  weeklyMinutes: number;
  /** Owner and participants, roles resolved to their holders, each once. */
  people: readonly string[];
}

export interface CharterSummary {
  /** Path relative to the set's root, `/`-separated. */
  file: string;
  team: {
    id?: { text: string; range: Range };
    name?: string;
    parent?: { text: string; range: Range };
  };
  parties: readonly PartyDeclaration[];
  decisions: readonly DecisionSummary[];
  checkins: readonly CheckinSummary[];
}

export interface SetReport {
  file: string;
  range: Range;
  message: string;
  /** What the finding is about, stable when lines move (`diff` matches findings on it). */
  subject?: string;
  related?: Array<{ file: string; range: Range; message: string }>;
}

export interface SetContext<O = Readonly<Record<string, unknown>>> {
  /** Every charter of the set, by path (code point order). */
  readonly charters: readonly CharterSummary[];
  readonly options: O;
  /**
   * The charter `team.parent` names: a team id of the set (a duplicated id: the charter with the
   * smallest path), else a path relative to the charter's folder naming a charter of the set.
   * Undefined when it names nothing in the set; null when the charter has no parent.
   */
  parentOf(charter: CharterSummary): CharterSummary | undefined | null;
  report(report: SetReport): void;
}

/**
 * At most this many related places per organisation finding (the message gives the full count): in
 * a set of thousands of charters, "every other claim" would make the output quadratic in size.
 */
export const MAX_RELATED = 20;

/** The first MAX_RELATED of `items`, and how many were left out. */
export function capRelated<T>(items: readonly T[]): { shown: T[]; more: number } {
  return { shown: items.slice(0, MAX_RELATED), more: Math.max(0, items.length - MAX_RELATED) };
}

/** `a, b, c` or `a, b, c and 12 more`, for messages naming files or teams. */
export function listSome(names: readonly string[], max = 5): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
