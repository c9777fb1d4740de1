// What a rule is, and the read-only context it checks. A rule's definition is its single source of
// truth: id, severity, traits that change how the engine and editors treat it, typed options.
import type { Node } from 'yaml';
import type { Finding, Severity } from './model';
import type { CharterModel, Entry, OffsetRange } from './parse';
import type { CharterIndex } from './indexes';
import type { Edits, OffsetEdit } from './edits';
import type { SchemaResult } from './schema';
import type { Suppression } from './suppress';
import type { OptionSpecs, OptionValues } from './options';
import type { SetContext } from './charter-set';

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

export interface RuleContext<O = Readonly<Record<string, unknown>>> {
  readonly model: CharterModel;
  readonly index: CharterIndex;
  readonly schema: SchemaResult;
  /** The rule's options: every declared option, validated, defaults filled in. */
  readonly options: O;
  /** `YYYY-MM-DD`, or undefined when the caller gave no date. */
  readonly today: string | undefined;
  readonly edits: Edits;
  report(report: Report): void;
  /** Where findings about a missing top-level section point: the `charter` key, else line 1. */
  topAnchor(): Node | OffsetRange;
  /** Every rule id the engine knows (so a misspelt id can be told apart from one that found nothing). */
  readonly ruleIds: readonly string[];
  /** Only for rules with the `afterSuppressions` trait: the suppression comments, with what they silenced. */
  readonly suppressions: readonly Suppression[];
  /** Only for rules with the `afterSuppressions` trait: every finding, before suppressions applied. */
  readonly findings: readonly Finding[];
  /** Only for rules with the `afterSuppressions` trait: rules that did not run on this file (organisation rules without a set). */
  readonly notRun: ReadonlySet<string>;
}

/** How the engine and the editors treat a rule, beyond "check and report". */
export interface RuleTraits {
  /** Also runs when the document is not a map (a list, a scalar, nothing): it explains what is wrong. */
  anyDocument?: boolean;
  /** Reports problems of the file itself (YAML the parser rejects, a file too large to check). */
  fileProblems?: boolean;
  /** Editors offer "Disable <rule> for this line / file" (default true). */
  suppressible?: boolean;
  /** LSP diagnostic tags for its findings (`unnecessary` fades the text). */
  tags?: ReadonlyArray<'unnecessary' | 'deprecated'>;
  /** Runs after every other rule and after suppressions, with `ctx.suppressions` and `ctx.findings`. */
  afterSuppressions?: boolean;
}

export interface RuleDefinition<S extends OptionSpecs> {
  id: string;
  severity: Severity;
  /** One line, used as SARIF `shortDescription` and in completion/hover of rule ids. */
  description: string;
  traits?: RuleTraits;
  /** Typed options with defaults, ranges and descriptions (validated once, by the engine). */
  options?: S;
  check(ctx: RuleContext<OptionValues<S>>): void;
}

/**
 * An organisation rule: it checks the charter set as one system, over per-charter summaries
 * (charter-set.ts), and reports in any charter of the set.
 */
export interface SetRuleDefinition<S extends OptionSpecs> extends Omit<RuleDefinition<S>, 'check'> {
  /** The fewest charters a set needs before the rule can find anything. */
  minCharters?: number;
  checkSet(ctx: SetContext<OptionValues<S>>): void;
}

/** A rule as the engine holds it: options arrive as resolved values (see options.ts). */
export type CharterRule = Omit<RuleDefinition<OptionSpecs>, 'check'> & { check(ctx: RuleContext): void; checkSet?: undefined };
export type SetRule = Omit<SetRuleDefinition<OptionSpecs>, 'checkSet'> & { checkSet(ctx: SetContext): void; check?: undefined };
export type Rule = CharterRule | SetRule;

/** Gives rule files their types: `ctx.options` is typed from the declared options. */
export function defineRule<const S extends OptionSpecs = Record<never, never>>(rule: RuleDefinition<S>): Rule {
  return rule as unknown as Rule;
}

/** The same for organisation rules. */
export function defineSetRule<const S extends OptionSpecs = Record<never, never>>(rule: SetRuleDefinition<S>): Rule {
  return rule as unknown as Rule;
}
