// Command-line options of `lint` and `init`, parsed with node's util.parseArgs (strict: unknown
// options are usage errors) and validated into typed values.
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_FILE_SIZE } from '../lint';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface LintArgs {
  paths: string[];
  format: Format;
  fix: boolean;
  today?: string;
  config?: string;
  maxWarnings?: number;
  quiet: boolean;
  maxFileSize: number;
  help: boolean;
}

export interface InitArgs {
  path?: string;
  help: boolean;
}

/** A usage error: the message is one line, without the program name. */
export class UsageError extends Error {}

export const LINT_USAGE = `Usage: team-charter lint [options] [PATH…]

Checks charters. PATH: files (linted whatever their name) or folders (searched for
team-charter.yaml|yml and *.charter.yaml|yml, skipping node_modules and .git). Default: .

Options:
  -f, --format FORMAT      text (default), json, sarif or github
      --fix                apply every safe fix in place, then report what remains
      --today YYYY-MM-DD   the date rules compare with (default: the system date)
  -c, --config FILE        use this config instead of the nearest .charterrc.yaml|yml|json
      --max-warnings N     exit 1 when there are more than N warnings
      --quiet              report (and count) errors only
      --max-file-size N    skip checking files above N bytes (default ${DEFAULT_MAX_FILE_SIZE})
  -h, --help               show this help

Exit status: 0 no errors, 1 errors or too many warnings, 2 usage, config or file problem.`;

export const INIT_USAGE = `Usage: team-charter init [PATH]

Writes a starter charter with every section and TODO placeholders. PATH is a folder (the
charter is written as team-charter.yaml inside it) or a file path; default ./team-charter.yaml.
Never overwrites an existing file.

Options:
  -h, --help               show this help`;

export function parseLintArgs(args: string[]): LintArgs {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f' },
    fix: { type: 'boolean' },
    today: { type: 'string' },
    config: { type: 'string', short: 'c' },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean' },
    'max-file-size': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const format = str(values.format) ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (expected ${FORMATS.join(', ')})`);
  }
  const today = str(values.today);
  if (today !== undefined && !isDate(today)) throw new UsageError(`--today must be a date like 2026-11-25, not "${today}"`);
  const config = str(values.config);
  if (config === '') throw new UsageError('--config needs a file name');
  const maxWarnings = count(values['max-warnings'], '--max-warnings', 0);
  const maxFileSize = count(values['max-file-size'], '--max-file-size', 1) ?? DEFAULT_MAX_FILE_SIZE;
  return {
    paths: positionals.length ? positionals : ['.'],
    format: format as Format,
    fix: values.fix === true,
    ...(today !== undefined ? { today } : {}),
    ...(config !== undefined ? { config } : {}),
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    quiet: values.quiet === true,
    maxFileSize,
    help: values.help === true,
  };
}

export function parseInitArgs(args: string[]): InitArgs {
  const { values, positionals } = parse(args, { help: { type: 'boolean', short: 'h' } });
  if (positionals.length > 1) throw new UsageError(`init takes one PATH, got ${positionals.length}`);
  return { ...(positionals[0] !== undefined ? { path: positionals[0] } : {}), help: values.help === true };
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** util.parseArgs in strict mode, its errors turned into one-line usage errors. */
function parse(args: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (e) {
    throw new UsageError(describeParseError(e as Error & { code?: string }));
  }
}

/** util.parseArgs errors as one plain line: `unknown option "--bogus"`, `option "--format" needs a value`. */
export function describeParseError(e: Error & { code?: string }): string {
  // Node names options like '-f, --format <value>' or '--bogus': show the long name.
  const option = /'(?:-\w, )?(-[^' ]+)/.exec(e.message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option "${option ?? e.message}"`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing/.test(e.message)) return `option "${option}" needs a value`;
      if (/does not take an argument/.test(e.message)) return `option "${option}" does not take a value`;
      if (/ambiguous/.test(e.message)) return `option "${option}" needs a value (write ${option}=VALUE when it starts with "-")`;
      return e.message.split('\n')[0];
    default:
      return e.message.split('\n')[0];
  }
}

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function count(v: string | boolean | undefined, name: string, min: number): number | undefined {
  if (typeof v !== 'string') return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || !Number.isSafeInteger(Number(v))) {
    throw new UsageError(`${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${v}"`);
  }
  return Number(v);
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
