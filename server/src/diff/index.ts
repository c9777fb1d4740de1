// `diff` as a pure function: (base text | undefined, head text | undefined, lint options) → what the
// change did to findings and to everything a reviewer reads in a charter (see changes.ts).
// Both sides are linted with the same options (the base with its own config when that changed); no
// file system, no git, no clock.
import { analyze, DEFAULT_MAX_FILE_SIZE } from '../lint';
import type { AnalyzeOptions, Analysis } from '../lint';
import type { Severity } from '../engine/model';
import { structuralChanges } from './changes';
import { matchFindings } from './findings';
import type { Finding } from '../engine/model';
import type { Category, CharterChanges, OrganisationFindings } from './types';
import { CATEGORIES } from './types';

export * from './types';

export interface DiffOptions extends AnalyzeOptions {
  /**
   * The organisation rules' findings about this charter on each side (computed over the charter
   * set at base and at head by the organisation layer). They are matched like the charter's own
   * findings and reported among the introduced / resolved ones, marked `organisation`.
   */
  organisation?: OrganisationFindings;
}

/**
 * Compares two versions of one charter; undefined = the charter does not exist on that side.
 * `baseOptions`: the base side's lint options when its config differs (a pull request that changes a `.charterrc`).
 */
export function diffCharters(base: string | undefined, head: string | undefined, diffOptions: DiffOptions = {}, baseOptions?: AnalyzeOptions): CharterChanges {
  const { organisation, ...options } = diffOptions;
  const b = base === undefined ? undefined : analyze(base, baseOptions ?? options);
  const h = head === undefined ? undefined : analyze(head, options);
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const tooLarge = (text: string | undefined) => text !== undefined && text.length > maxSize;
  // A side too large to parse has no structure to compare: its one finding says why.
  const comparable = !tooLarge(base) && !tooLarge(head);
  const { changes, renames, decisionRights } = comparable ? structuralChanges(b?.model, h?.model) : { changes: [], renames: new Map(), decisionRights: [] };
  const findings = matchFindings(b?.findings ?? [], h?.findings ?? [], renames);
  if (organisation) {
    const org = matchFindings(organisation.base, organisation.head, renames);
    findings.introduced.push(...org.introduced.map((f) => ({ ...f, organisation: true as const })));
    findings.resolved.push(...org.resolved.map((f) => ({ ...f, organisation: true as const })));
  }
  return {
    status: b === undefined ? 'added' : h === undefined ? 'deleted' : 'modified',
    syntaxErrors: { base: syntaxErrorCount(b, tooLarge(base)), head: syntaxErrorCount(h, tooLarge(head)) },
    findings,
    changes,
    decisionRights,
  };
}

/** As many as `yaml-syntax` reports: one per line, however many errors the parser raised there. */
function syntaxErrorCount(side: Analysis | undefined, tooLarge: boolean): number {
  if (tooLarge) return 1;
  if (!side) return 0;
  return new Set(side.model.syntaxErrors.map((e) => side.model.lines.lineOf(e.start))).size;
}

/** One charter in a report, named by its path (the head path; `basePath` when the base had another: status `moved` when git saw a rename). */
/**
 * True when the organisation findings of an untouched charter differ between the two sides as a
 * review counts them: matched by rule and entry, so one that only reads differently (a count,
 * another file named) is the same finding.
 */
export function organisationFindingsChanged(base: readonly Finding[], head: readonly Finding[]): boolean {
  const { introduced, resolved } = matchFindings(base, head, new Map());
  return introduced.length > 0 || resolved.length > 0;
}

export interface ChangedCharter extends CharterChanges {
  path: string;
  basePath?: string;
}

/** A charter path left out of the comparison on one side, and why (a symbolic link at REF is not read). */
export interface SkippedCharter {
  path: string;
  reason: string;
}

export interface DiffReport {
  /** What was compared: the git ref or base file as given, and `working tree` or the head file. */
  base: string;
  head: string;
  /** The commit `base` resolved to (git mode). */
  baseCommit?: string;
  charters: ChangedCharter[];
  skipped?: SkippedCharter[];
}

export interface ChangeCounts {
  introduced: Record<Severity, number>;
  resolved: number;
  categories: Record<Category, number>;
}

export function countChanges(charters: readonly CharterChanges[]): ChangeCounts {
  const counts: ChangeCounts = {
    introduced: { error: 0, warning: 0, info: 0 },
    resolved: 0,
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>,
  };
  for (const c of charters) {
    for (const f of c.findings.introduced) counts.introduced[f.severity]++;
    counts.resolved += c.findings.resolved.length;
    for (const change of c.changes) counts.categories[change.category]++;
  }
  return counts;
}

export function introducedTotal(counts: ChangeCounts): number {
  return counts.introduced.error + counts.introduced.warning + counts.introduced.info;
}

/** `diff` exits 1 only when the change introduces error findings. */
export function introducesErrors(report: DiffReport): boolean {
  return report.charters.some((c) => c.findings.introduced.some((f) => f.severity === 'error'));
}
