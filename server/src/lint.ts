// The one entry point: lint(text, { config, today }) → findings. Composes the engine with the rule
// registry (so the engine never imports the rules). The CLI and the language server both call it.
import type { Node } from 'yaml';
import type { CharterConfig, Finding, Fix, LintOptions, Range, Severity, TextEdit } from './engine/model';
import { SEVERITY_ORDER } from './engine/model';
import { LineIndex } from './engine/text';
import { parseCharter } from './engine/parse';
import { toSourcePosition } from './engine/tab-repair';
import type { CharterModel, Entry, OffsetRange } from './engine/parse';
import { buildIndex } from './engine/indexes';
import type { CharterIndex } from './engine/indexes';
import { validateSchema } from './engine/schema';
import type { SchemaResult } from './engine/schema';
import { Edits } from './engine/edits';
import type { OffsetEdit } from './engine/edits';
import { effectiveRules } from './engine/config';
import type { EffectiveRule } from './engine/config';
import { findSuppressions, isSuppressed } from './engine/suppress';
import type { Suppression } from './engine/suppress';
import type { FixDraft, Report, Rule, RuleContext } from './engine/rule';
import { rules as registry } from './rules/registry.generated';

export type { Finding, Fix, TextEdit, Range, Severity, CharterConfig, LintOptions };
export const rules: readonly Rule[] = registry;

export const DEFAULT_DOCS_BASE = 'https://github.com/team-charter/team-charter/blob/main/docs/rules/';
/** Files above this size are not parsed; one finding explains why. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface AnalyzeOptions extends LintOptions {
  maxFileSize?: number;
  /** Called when a rule throws; the rule is then reported as one finding and the others still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /**
   * The analysis of the document's previous version (an editor's last check). Its YAML tree is
   * reused where an edit stays inside one list item; the findings are the same as without it.
   */
  previous?: Analysis;
}

/** Everything one lint pass computed, so editor features reuse the parse and indexes of a version. */
export interface Analysis {
  findings: Finding[];
  model: CharterModel;
  index: CharterIndex;
  /** The file's suppression comments (real YAML comments only). */
  suppressions: Suppression[];
  /** Every finding of the charter's own rules, before suppression comments applied. */
  raw: Finding[];
  /** The file was above the size limit and was not parsed. */
  tooLarge?: true;
}

export function lint(text: string, options: AnalyzeOptions = {}): Finding[] {
  return analyze(text, options).findings;
}

export function ruleDocsUrl(id: string, base = DEFAULT_DOCS_BASE): string {
  return `${base}${id}.md`;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const docsBase = options.docsBaseUrl ?? DEFAULT_DOCS_BASE;
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > maxSize) return tooLarge(text, maxSize, docsBase);

  const model = parseCharter(text, options.previous?.model);
  const index = buildIndex(model);
  const checker = new Checker(model, index, options);
  const raw: Finding[] = [];
  for (const effective of checker.active) {
    const rule = effective.rule;
    if (!rule.check || rule.traits?.afterSuppressions) continue;
    // A document that is not a map has no sections to judge: only rules that explain it run.
    if (model.root === undefined && !rule.traits?.anyDocument) continue;
    raw.push(...checker.run(effective));
  }
  return { ...checker.finish(raw, [], SET_RULE_IDS), raw };
}

/**
 * The analysis with the organisation findings of this file added: suppression comments apply to
 * them too, and `notRun` names the organisation rules that could not run (their suppressions are
 * then never reported unused). Per-charter findings are the same as without the set.
 */
export function withSetFindings(analysis: Analysis, setFindings: readonly Finding[], notRun: ReadonlySet<string>, options: AnalyzeOptions = {}): Analysis {
  if (analysis.tooLarge) return analysis;
  // Nothing to add, and no suppression that could answer differently: the analysis as it is.
  if (setFindings.length === 0 && analysis.suppressions.length === 0) return analysis;
  const checker = new Checker(analysis.model, analysis.index, options);
  return { ...checker.finish(analysis.raw, setFindings, notRun), raw: analysis.raw };
}

/** Runs rules over one parsed charter, and finishes a pass with suppressions. */
class Checker {
  readonly active: EffectiveRule[];
  private schemaResult: SchemaResult | undefined;
  private readonly edits: Edits;
  private readonly docsBase: string;

  constructor(
    private readonly model: CharterModel,
    private readonly index: CharterIndex,
    private readonly options: AnalyzeOptions,
  ) {
    this.active = effectiveRules(rules, options.config).filter((r) => r.severity !== 'off');
    this.edits = new Edits(model);
    this.docsBase = options.docsBaseUrl ?? DEFAULT_DOCS_BASE;
  }

  /** The schema problems, worked out once, only when a rule asks. */
  schema(): SchemaResult {
    return (this.schemaResult ??= validateSchema(this.model));
  }

  run(effective: EffectiveRule, extra?: Pick<RuleContext, 'suppressions' | 'findings' | 'notRun'>): Finding[] {
    const { model } = this;
    const drafts: Report[] = [];
    const ctx = new Context(this, model, this.index, this.edits, effective, this.options.today, drafts, extra);
    try {
      effective.rule.check!(ctx);
      return (model.mergedMaps.size ? onePerMergedValue(model, drafts) : drafts).map((d) => toFinding(model, effective, d, this.docsBase));
    } catch (error) {
      this.options.onRuleError?.(effective.rule.id, error);
      return [crashFinding(effective, error, this.docsBase)];
    }
  }

  /** Applies the suppression comments to every finding, then runs the rules that judge them. */
  finish(raw: readonly Finding[], extra: readonly Finding[], notRun: ReadonlySet<string>): Omit<Analysis, 'raw'> {
    const { model, index } = this;
    const findings = [...raw, ...extra];
    // Fresh each time: a suppression records what it silenced.
    const suppressions = findSuppressions(model.comments, (o) => model.lines.lineOf(o));
    let kept = findings;
    if (suppressions.length) {
      kept = findings.filter((f) => !isSuppressed(suppressions, f.rule, f.range.start.line));
      for (const effective of this.active) {
        if (effective.rule.check && effective.rule.traits?.afterSuppressions) kept.push(...this.run(effective, { suppressions, findings, notRun }));
      }
    }
    return { findings: sortFindings(dedupe(kept)), model, index, suppressions };
  }
}

/** A rule that threw is reported as one finding on line 1; the other rules still ran. */
function crashFinding(effective: EffectiveRule, error: unknown, docsBase: string): Finding {
  const id = effective.rule.id;
  return {
    rule: id,
    severity: effective.severity as Severity,
    message: `the "${id}" check failed on this file and was skipped (${String((error as Error)?.message ?? error).split('\n')[0]})`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    fixes: [],
    docs: ruleDocsUrl(id, docsBase),
  };
}

/** The rule with a given id (undefined for an id this version does not know). */
export function ruleById(id: string): Rule | undefined {
  return RULES_BY_ID.get(id);
}
const RULES_BY_ID = new Map(rules.map((r) => [r.id, r]));
const RULE_IDS = rules.map((r) => r.id);
const NOTHING: ReadonlySet<string> = new Set();
/** Without the set, no organisation rule has run. */
const SET_RULE_IDS: ReadonlySet<string> = new Set(rules.filter((r) => r.checkSet).map((r) => r.id));

/**
 * What a rule sees of one check. A class with methods rather than an object of closures: with
 * closures made for every rule of every check, V8 kept each parsed document alive through
 * young-generation collections, so it was promoted and every check paid for a full collection.
 */
class Context implements RuleContext {
  readonly options: Readonly<Record<string, unknown>>;
  readonly ruleIds = RULE_IDS;
  readonly suppressions: readonly Suppression[];
  readonly findings: readonly Finding[];
  readonly notRun: ReadonlySet<string>;

  constructor(
    private readonly checker: Checker,
    readonly model: CharterModel,
    readonly index: CharterIndex,
    readonly edits: Edits,
    effective: EffectiveRule,
    readonly today: string | undefined,
    private readonly out: Report[],
    extra?: Pick<RuleContext, 'suppressions' | 'findings' | 'notRun'>,
  ) {
    this.options = effective.options;
    this.suppressions = extra?.suppressions ?? [];
    this.findings = extra?.findings ?? [];
    this.notRun = extra?.notRun ?? NOTHING;
  }

  get schema(): SchemaResult {
    return this.checker.schema();
  }

  report(report: Report): void {
    this.out.push(report);
  }

  topAnchor(): Node | OffsetRange {
    return this.model.root?.keyNode('charter') ?? [0, 0];
  }
}

export function offsets(at: Node | OffsetRange): OffsetRange {
  if (Array.isArray(at)) return at;
  const r = (at as Node).range;
  return r ? [r[0], r[1]] : [0, 0];
}

/** Offsets in the parsed text as a range in the document (they differ only on re-indented lines). */
export function sourceRange(model: CharterModel, start: number, end: number): Range {
  const range = model.lines.rangeOf(start, end);
  if (!model.repairs) return range;
  return { start: toSourcePosition(model.repairs, range.start), end: toSourcePosition(model.repairs, range.end) };
}

function toFinding(model: CharterModel, effective: EffectiveRule, report: Report, docsBase: string): Finding {
  const [start, end] = offsets(report.at);
  // Where the YAML does not parse, what an edit lands next to is uncertain: no fix is applied
  // without a person looking (`--fix` and fix-all skip them; quick fixes stay available).
  const brokenYaml = model.syntaxErrors.length > 0;
  const finding: Finding = {
    rule: effective.rule.id,
    severity: effective.severity as Severity,
    message: report.message,
    range: sourceRange(model, start, end),
    fixes: (report.fixes ?? []).map((f) => toFix(model, f, brokenYaml)).filter((f): f is Fix => f !== undefined),
    docs: ruleDocsUrl(effective.rule.id, docsBase),
  };
  if (report.entry) {
    const e = report.entry;
    finding.entry = isEntry(e) ? { section: e.section, ...(e.id !== undefined ? { id: e.id } : {}), index: e.index } : { section: e.section, ...(e.id !== undefined ? { id: e.id } : {}) };
  }
  if (report.subject !== undefined) finding.subject = report.subject;
  if (report.related?.length) {
    finding.related = report.related.map((r) => {
      const [s, e] = offsets(r.at);
      return { range: sourceRange(model, s, e), message: r.message };
    });
  }
  return finding;
}

function isEntry(e: unknown): e is Entry {
  return typeof (e as Entry).index === 'number' && typeof (e as Entry).section === 'string' && 'node' in (e as object);
}

/** Converts a fix draft; drops it when an edit is missing or two edits overlap. */
/**
 * A value written once in a map that several entries merge (`<<: *defaults`) gets one finding per
 * rule, not one per entry: the first report, saying how many more entries share it.
 */
function onePerMergedValue(model: CharterModel, drafts: Report[]): Report[] {
  const out: Report[] = [];
  const byRange = new Map<string, { report: Report; more: number }>();
  for (const d of drafts) {
    const [start, end] = offsets(d.at);
    if (!insideMergedMap(model, start, end, 1)) {
      out.push(d);
      continue;
    }
    const key = `${start}:${end}`;
    const group = byRange.get(key);
    if (group) group.more++;
    else {
      const fresh = { report: { ...d }, more: 0 };
      byRange.set(key, fresh);
      out.push(fresh.report);
    }
  }
  for (const { report, more } of byRange.values()) if (more) report.message += ` (and ${more} more ${more === 1 ? 'entry' : 'entries'} merging the same value)`;
  return out;
}

/** True when [start, end) touches a map merged (`<<`) into at least `minUses` other maps. */
function insideMergedMap(model: CharterModel, start: number, end: number, minUses: number): boolean {
  for (const [map, uses] of model.mergedMaps) {
    const r = map.range;
    if (uses >= minUses && r && start < r[1] && (end > r[0] || start >= r[0])) return true;
  }
  return false;
}

function toFix(model: CharterModel, draft: FixDraft, brokenYaml: boolean): Fix | undefined {
  if (draft.edits.length === 0 || draft.edits.some((e) => e === undefined)) return undefined;
  // Editing a map that several maps merge would change every one of them.
  if (model.mergedMaps.size && (draft.edits as OffsetEdit[]).some((e) => insideMergedMap(model, e.start, e.end, 2))) return undefined;
  const sorted = [...(draft.edits as OffsetEdit[])].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) return undefined;
  const edits: TextEdit[] = sorted.map((e) => ({ range: sourceRange(model, e.start, e.end), newText: e.text }));
  return { title: draft.title, safe: draft.safe && !brokenYaml, edits };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
}

/** A file above the size limit is not parsed; the rule that reports file problems says why. */
function tooLarge(text: string, maxSize: number, docsBase: string): Analysis {
  const model = parseCharter('');
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const rule = rules.find((r) => r.traits?.fileProblems)!;
  return {
    model,
    index: buildIndex(model),
    suppressions: [],
    raw: [],
    tooLarge: true,
    findings: [
      {
        rule: rule.id,
        severity: rule.severity,
        message: `this file is ${mb(text.length)}, above the ${mb(maxSize)} size limit, so it was not checked; raise the limit (maxFileSize) to check it`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        fixes: [],
        docs: ruleDocsUrl(rule.id, docsBase),
      },
    ],
  };
}

/** Applies edits (LSP ranges over `text`) and returns the new text. Edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const withOffsets = edits.map((e, i) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText, i }));
  // From the end backwards, so earlier offsets stay valid; equal positions keep their given order.
  withOffsets.sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * Picks fixes whose edits do not overlap any fix picked before (in document order), like ESLint.
 * Inserts at the same position do not conflict.
 */
export function nonConflictingEdits(text: string, fixes: readonly Fix[]): { edits: TextEdit[]; applied: Fix[] } {
  const lines = new LineIndex(text);
  const taken: Array<[number, number]> = [];
  const edits: TextEdit[] = [];
  const applied: Fix[] = [];
  const spans = (f: Fix) => f.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as [number, number]);
  const ordered = [...fixes].sort((a, b) => Math.min(...spans(a).map((s) => s[0])) - Math.min(...spans(b).map((s) => s[0])));
  for (const fix of ordered) {
    const mine = spans(fix);
    const clash = mine.some(([s, e]) => taken.some(([ts, te]) => (s < te && ts < e) || (s === e && ts < s && s < te) || (ts === te && s < ts && ts < e)));
    if (clash) continue;
    taken.push(...mine);
    edits.push(...fix.edits);
    applied.push(fix);
  }
  return { edits, applied };
}

/** One fix that fix-all applied: `line` is the 1-based line of its first edit in the text of its round. */
export interface AppliedFix {
  rule: string;
  title: string;
  line: number;
}

export interface FixAllResult {
  text: string;
  passes: number;
  fixed: number;
  /** The fixes applied, round by round, in document order within a round. */
  applied: AppliedFix[];
  /** The findings of `text`, when the last round linted it. */
  findings?: Finding[];
}

/**
 * Applies every safe fix, re-linting until nothing changes (at most `maxPasses` rounds). A round
 * whose result would break the file (a new YAML error, such as two fixes inserting the same key)
 * is retried one fix at a time, keeping each fix that leaves the file sound; the others wait for
 * the next round, and are dropped when they break the file on their own.
 */
export function fixAll(text: string, options: AnalyzeOptions = {}, maxPasses = 10): FixAllResult {
  let current = text;
  const applied: AppliedFix[] = [];
  let passes = 0;
  let findings = lint(current, options);
  for (; passes < maxPasses; passes++) {
    const safe = findings.flatMap((f) => f.fixes.filter((x) => x.safe).map((fix) => ({ fix, rule: f.rule })));
    if (safe.length === 0) break;
    const round = applyRound(current, safe, options);
    if (!round) break;
    applied.push(...round.applied);
    current = round.text;
    findings = round.findings;
  }
  return { text: current, passes, fixed: applied.length, applied, findings };
}

/** One round of fix-all: every non-overlapping safe fix or, when that breaks the file, those that do not. */
function applyRound(
  text: string,
  safe: Array<{ fix: Fix; rule: string }>,
  options: AnalyzeOptions,
): { text: string; findings: Finding[]; applied: AppliedFix[] } | undefined {
  const ruleOf = new Map(safe.map((s) => [s.fix, s.rule]));
  const describe = (fixes: readonly Fix[]): AppliedFix[] =>
    fixes.map((fix) => ({ rule: ruleOf.get(fix)!, title: fix.title, line: 1 + Math.min(...fix.edits.map((e) => e.range.start.line)) }));
  // Safe fixes exist only in files that parse (see toFix), so "sound" is: still no YAML error.
  const check = (next: string) => {
    const analysis = analyze(next, options);
    return { findings: analysis.findings, sound: analysis.model.syntaxErrors.length === 0 };
  };

  const all = nonConflictingEdits(text, safe.map((s) => s.fix));
  const next = applyEdits(text, all.edits);
  if (next === text) return undefined;
  const whole = check(next);
  if (whole.sound) return { text: next, findings: whole.findings, applied: describe(all.applied) };

  // A fix, or two together (the same key inserted twice), broke the file: keep, one by one, the
  // fixes that leave it sound; the others wait for the next round or are dropped.
  const kept: Fix[] = [];
  let current = { text, findings: [] as Finding[] };
  for (const fix of all.applied) {
    const candidate = applyEdits(text, nonConflictingEdits(text, [...kept, fix]).edits);
    if (candidate === current.text) continue;
    const result = check(candidate);
    if (!result.sound) continue;
    kept.push(fix);
    current = { text: candidate, findings: result.findings };
  }
  return kept.length ? { ...current, applied: describe(kept) } : undefined;
}
