// Small statistics and formatting helpers for the benchmark report.

/** The median (the mean of the middle two for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  return spread(values).median;
}

/**
 * The spread of a[i] ÷ b[i], for samples taken next to each other in time: a shared machine's speed
 * drifts over seconds, which a ratio of two medians carries into the result and this one mostly does not.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): Spread {
  return spread(a.slice(0, b.length).map((v, i) => v / b[i]));
}

/** Nearest-rank percentile (p in 0–100); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Median and interquartile range of a series of samples (fresh processes, sessions, runs). */
export interface Spread {
  median: number;
  q1: number;
  q3: number;
  n: number;
}

/** Quartiles by linear interpolation between order statistics (the usual "type 7"). */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { median: NaN, q1: NaN, q3: NaN, n: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]);
  };
  return { median: at(0.5), q1: at(0.25), q3: at(0.75), n: sorted.length };
}

/** True when the two interquartile ranges share any value. */
export function iqrOverlap(a: Spread, b: Spread): boolean {
  return a.q1 <= b.q3 && b.q1 <= a.q3;
}

export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  return value >= 100 ? `${Math.round(value).toLocaleString('en-US')} ms` : `${value.toFixed(1)} ms`;
}

export function mib(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '—' : `${Math.round(value)} MiB`;
}

export function ratio(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '—' : `${value.toFixed(2)}×`;
}

/** `123 ms (110–140)`: the median and the interquartile range, in the unit of `format`. */
export function withIqr(s: Spread | undefined, format: (v: number) => string = ms): string {
  if (!s || s.n === 0) return '—';
  const bare = (v: number) => format(v).replace(/ (ms|MiB)$/, '');
  return s.n > 1 ? `${format(s.median)} (${bare(s.q1)}–${bare(s.q3)})` : format(s.median);
}

/**
 * A Markdown table, padded so it also reads well in a terminal. `align` has one letter per column,
 * `l` or `r`; by default the first column aligns left and the others right (numbers).
 */
export function table(header: string[], rows: string[][], align = 'l' + 'r'.repeat(header.length - 1)): string {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const left = (i: number) => align[i] !== 'r';
  const line = (cells: string[]) => `| ${header.map((_, i) => (left(i) ? (cells[i] ?? '').padEnd(widths[i]) : (cells[i] ?? '').padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (left(i) ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Rounds for the JSON line: ms to 0.1, everything else to 3 significant digits. */
export function round(value: number | undefined, digits = 1): number | null {
  if (value === undefined || Number.isNaN(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
