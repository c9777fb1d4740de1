// Command-line options of `report`, parsed with node's util.parseArgs (strict) into typed values.
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_FILE_SIZE } from '../lint';
import { UsageError, describeParseError, isDate } from './args';

export const REPORT_FORMATS = ['html', 'markdown', 'mermaid'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportArgs {
  paths: string[];
  format: ReportFormat;
  out?: string;
  today?: string;
  config?: string;
  /** Globs of charters to skip, relative to the current folder (applied by the host layer). */
  ignore: string[];
  /** No organisation view (and no organisation findings). */
  noOrg: boolean;
  maxFileSize: number;
  help: boolean;
}

export const REPORT_USAGE = `Usage: team-charter report [options] [PATH…]

Draws charters for people: per charter the decision-rights matrix, the check-in calendar and the
findings grouped by rule; for several charters also the organisation view (teams by parent,
each party's load across teams). PATH: files or folders, as for lint. Default: .

Options:
  -f, --format FORMAT      html (default: one self-contained file), markdown or mermaid
  -o, --out FILE           write to FILE (replacing it) instead of standard output
      --today YYYY-MM-DD   the date rules compare with (default: the system date)
  -c, --config FILE        use this config instead of the nearest .charterrc.yaml|yml|json
      --ignore GLOB        skip matching charters (repeatable; relative to the current folder)
      --no-org             each charter alone: no organisation view
      --max-file-size N    list, but do not draw, files above N characters (default ${DEFAULT_MAX_FILE_SIZE})
  -h, --help               show this help

Exit status: 0 report written, 2 usage, config or file problem (the report still holds the
charters that could be read).`;

export function parseReportArgs(args: string[]): ReportArgs {
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        today: { type: 'string' },
        config: { type: 'string', short: 'c' },
        ignore: { type: 'string', multiple: true },
        'no-org': { type: 'boolean' },
        'max-file-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError(describeParseError(e as Error & { code?: string }));
  }
  const format = typeof values.format === 'string' ? values.format : 'html';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (expected ${REPORT_FORMATS.join(', ')})`);
  const today = typeof values.today === 'string' ? values.today : undefined;
  if (today !== undefined && !isDate(today)) throw new UsageError(`--today must be a date like 2026-11-25, not "${today}"`);
  const config = typeof values.config === 'string' ? values.config : undefined;
  if (config === '') throw new UsageError('--config needs a file name');
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (out === '') throw new UsageError('--out needs a file name');
  const ignore = Array.isArray(values.ignore) ? values.ignore : [];
  if (ignore.some((g) => g === '')) throw new UsageError('--ignore needs a glob');
  const size = values['max-file-size'];
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (typeof size === 'string') {
    if (!/^\d+$/.test(size) || Number(size) < 1 || !Number.isSafeInteger(Number(size))) throw new UsageError(`--max-file-size must be a whole number of at least 1, not "${size}"`);
    maxFileSize = Number(size);
  }
  return {
    paths: positionals.length ? positionals : ['.'],
    format: format as ReportFormat,
    ...(out !== undefined ? { out } : {}),
    ...(today !== undefined ? { today } : {}),
    ...(config !== undefined ? { config } : {}),
    ignore,
    noOrg: values['no-org'] === true,
    maxFileSize,
    help: values.help === true,
  };
}
