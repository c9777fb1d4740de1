// Small statistics and formatting helpers for the benchmark report.

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0–100); NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
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
