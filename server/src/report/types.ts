// The report as plain data: what `team-charter report` and the editor's decision map draw. Built
// by report/build.ts from analyses; every renderer (html, markdown, mermaid) reads only this.
import type { Analysis } from '../lint';
import type { Finding } from '../engine/model';

/** The parts a party plays in a decision, in the order a matrix cell lists them. */
export const LETTERS = ['O', 'A', 'C', 'I', 'R', 'E'] as const;
export type Letter = (typeof LETTERS)[number];

/** The decision field each letter comes from. */
export const LETTER_FIELD: Record<Letter, string> = {
  O: 'owner',
  A: 'approver',
  C: 'consult',
  I: 'inform',
  R: 'risk_owner',
  E: 'escalate_to',
};

/** What each letter means, for a cell's `title` and the legend. */
export const LETTER_TITLE: Record<Letter, string> = {
  O: 'owner: makes the call',
  A: 'approver: must approve it',
  C: 'consulted before the call',
  I: 'informed afterwards',
  R: 'risk owner: carries the consequences',
  E: 'escalate to: where a blocked or contested call goes',
};

/** One charter given to the report. */
export interface CharterInput {
  /** As shown to the user (`/`-separated, relative to the current folder or the workspace). */
  path: string;
  analysis: Analysis;
  /** Set when the file is above `maxFileSize`: it is listed, not drawn. */
  tooLarge?: { size: number; limit: number };
  /** Organisation findings for this file (from the organisation layer), shown with its own. */
  orgFindings?: Finding[];
}

/** A place in the charter, 0-based (LSP), for links back to the source. */
export interface SourceSpot {
  line: number;
  character: number;
}

export type PartyKind = 'member' | 'role' | 'stakeholder' | 'undeclared';

export interface MatrixColumn {
  id: string;
  kind: PartyKind;
  /** `name` of a member or stakeholder, `title` of a role. */
  name?: string;
  /** A member's role, a stakeholder's kind. */
  detail?: string;
  at?: SourceSpot;
}

export interface MatrixCell {
  /** In the order O A C I R E, each once. */
  letters: Letter[];
  /** Where each letter is written. */
  at: Partial<Record<Letter, SourceSpot>>;
}

export type BoundaryKind = 'team' | 'consult' | 'escalate' | 'invalid';

export interface MatrixRow {
  id?: string;
  /** `decision "id"`, or `decision #3` without an id. */
  label: string;
  scope?: string;
  boundary: { kind: BoundaryKind; word: string; defaulted: boolean };
  at: SourceSpot;
  /** One per column (same order); undefined where the party plays no part. */
  cells: Array<MatrixCell | undefined>;
  /** Indexes into the charter's `findings` of those pointing inside this decision. */
  findings: number[];
}

export interface DecisionMatrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

export interface CalendarCheckin {
  id?: string;
  label: string;
  /** As written; undefined when missing. */
  cadence?: string;
  /** Days between occurrences; null for `on-milestone`; undefined when missing or invalid. */
  intervalDays?: number | null;
  /** One occurrence (the `minutes` field, 30 when missing or invalid). */
  minutes: number;
  /** minutes × 7 ÷ interval days; 0 for on-milestone, missing or invalid cadence. */
  weeklyMinutes: number;
  purpose?: string;
  at: SourceSpot;
  findings: number[];
}

export interface CalendarPerson {
  id: string;
  kind: 'member' | 'stakeholder';
  name?: string;
  experience?: string;
  /** Sum of the weekly minutes of the check-ins the person runs or takes part in (each once). */
  weeklyMinutes: number;
  at?: SourceSpot;
}

export interface CalendarCell {
  /** `owner` runs it; a participant takes part; undefined when the person only agreed to it. */
  part?: 'owner' | 'participant';
  /** The person (or a role they hold) is in `agreed_with`. */
  agreed: boolean;
  /** The reference that puts the person there. */
  at?: SourceSpot;
}

export interface CheckinCalendar {
  checkins: CalendarCheckin[];
  people: CalendarPerson[];
  /** cells[person][checkin] */
  cells: Array<Array<CalendarCell | undefined>>;
}

export interface ReportFinding extends Finding {
  /** True for a finding of the organisation layer. */
  organisation?: boolean;
}

export interface FindingGroup {
  rule: string;
  docs: string;
  /** Indexes into the charter's `findings`, in file order. */
  findings: number[];
}

export type CharterState = 'ok' | 'broken-yaml' | 'too-large';

export interface CharterReport {
  path: string;
  team: { id?: string; name?: string; parent?: string };
  state: CharterState;
  tooLarge?: { size: number; limit: number };
  matrix: DecisionMatrix;
  calendar: CheckinCalendar;
  findings: ReportFinding[];
  /** By severity (errors first), then rule id. */
  groups: FindingGroup[];
}

export interface OrgTeam {
  /** Index into `charters`. */
  charter: number;
  id?: string;
  name?: string;
  path: string;
  /** `team.parent` as written. */
  parent?: string;
  /** The charter `parent` resolves to. */
  parentCharter?: number;
  /** Why `parent` does not resolve, or that following it loops. */
  parentProblem?: 'unknown' | 'cycle';
}

/** What one party carries across the set (see report/load.ts). */
export interface PartyLoad {
  id: string;
  name?: string;
  /** `person` for members and stakeholders of kind person (or no kind); else the stakeholder kind. */
  kind: 'person' | 'team' | 'group';
  /** Indexes of the charters that declare or name it. */
  charters: number[];
  owned: number;
  approvals: number;
  escalations: number;
  /** Check-in hours per week as `checkin-load` counts them; undefined for teams and groups. */
  checkinHoursPerWeek?: number;
}

/** Decisions of one team that need the approval of a party belonging to another team of the set. */
export interface CrossTeamApproval {
  from: number;
  to: number;
  approver: string;
  decisions: string[];
}

export interface OrganisationView {
  teams: OrgTeam[];
  loads: PartyLoad[];
  approvals: CrossTeamApproval[];
}

export interface ReportData {
  charters: CharterReport[];
  /** Present for a set of several charters (unless organisation is off). */
  organisation?: OrganisationView;
}
