// What a rule is, and the read-only context it checks.
import type { Node } from 'yaml';
import type { Severity } from './model';
import type { CharterModel, Entry, OffsetRange } from './parse';
import type { CharterIndex } from './indexes';
import type { Edits, OffsetEdit } from './edits';
import type { SchemaResult } from './schema';

export interface FixDraft {
  title: string;
  safe: boolean;
  /** Undefined edits (where no clean edit exists) make the whole fix be dropped. */
  edits: Array<OffsetEdit | undefined>;
}

export interface Report {
  /** Where the finding points: a node (its value range) or an offset range. */
  at: Node | OffsetRange;
  message: string;
  /** The entry the finding is about (an Entry, or a section name for sections and top-level maps). */
  entry?: Entry | { section: string; id?: string };
  related?: Array<{ at: Node | OffsetRange; message: string }>;
  /** What the finding is about when its entry alone does not say it stably (see Finding.subject). */
  subject?: string;
  fixes?: FixDraft[];
}

export interface RuleContext {
  readonly model: CharterModel;
  readonly index: CharterIndex;
  readonly schema: SchemaResult;
  readonly options: Readonly<Record<string, unknown>>;
  /** `YYYY-MM-DD`, or undefined when the caller gave no date. */
  readonly today: string | undefined;
  readonly edits: Edits;
  report(report: Report): void;
  /** Where findings about a missing top-level section point: the `charter` key, else line 1. */
  topAnchor(): Node | OffsetRange;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line, used as SARIF `shortDescription` and in completion/hover of rule ids. */
  description: string;
  defaultOptions?: Readonly<Record<string, unknown>>;
  check(ctx: RuleContext): void;
}

/** Identity helper that gives rule files their type. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
