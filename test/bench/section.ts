// What a benchmark section is: run.ts runs the sections asked for, prints their tables, then every
// section's targets with ratio and PASS/FAIL, then one JSON line with every section's numbers.
// A new section is one file exporting a `Section`, added to the list in run.ts.
import { ratio as formatRatio } from './stats';

export interface BenchArgs {
  /** Single-charter sizes in lines. */
  sizes: number[];
  quick: boolean;
  seed: number;
  /** Keystrokes per typing session. */
  keystrokes: number;
  /** Fresh processes per server and size for first-check figures. */
  processes: number;
  /** Charters in the generated repository. */
  charters: number;
  profile: boolean;
}

export interface BenchContext {
  /** The repository checkout (dist/, node_modules/, schemas/). */
  root: string;
  /** A temporary folder for this run; each section makes its own sub-folder. */
  workDir: string;
  args: BenchArgs;
  log(line: string): void;
}

export type Status = 'PASS' | 'FAIL' | 'SKIP' | 'ERROR';

export interface TargetResult {
  id: string;
  label: string;
  limit: number;
  ratio: number | undefined;
  status: Status;
  detail: string;
}

export interface SectionResult {
  /** Markdown: headings, tables and notes. */
  report: string;
  targets: TargetResult[];
  /** Every number, for the JSON line. */
  json: unknown;
  /** CPU hot spots (with --profile). */
  hotSpots?: string[];
}

export interface Section {
  name: string;
  /** One line for --help. */
  summary: string;
  /** Not run unless asked for with --only. */
  optIn?: boolean;
  run(ctx: BenchContext): Promise<SectionResult>;
}

/**
 * A target's verdict: PASS when `ratio` ≤ `limit`, ERROR when either side is missing or `invalid`
 * says why the comparison does not hold (e.g. a server that did not report the planted error).
 */
export function judge(id: string, label: string, limit: number, ratio: number | undefined, detail: string, invalid?: string): TargetResult {
  const status: Status = invalid || ratio === undefined || !Number.isFinite(ratio) ? 'ERROR' : ratio <= limit ? 'PASS' : 'FAIL';
  return { id, label, limit, ratio, status, detail: invalid ? `${invalid}; ${detail}` : detail };
}

/** A target this run could not measure (the size or section was not asked for). */
export function skipped(id: string, label: string, limit: number, why: string): TargetResult {
  return { id, label, limit, ratio: undefined, status: 'SKIP', detail: why };
}

export function targetRow(t: TargetResult): string[] {
  return [t.label, formatRatio(t.ratio), `≤ ${t.limit}`, t.status, t.detail];
}
