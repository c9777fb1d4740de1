// Command-line options of `lint`, `diff` and `init`, parsed with node's util.parseArgs (strict: unknown
// options are usage errors) and validated into typed values.
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_FILE_SIZE } from '../lint';
import type { CliIO } from './io';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface LintArgs {
  paths: string[];
  format: Format;
  fix: boolean;
  /** --fix-dry-run: the fixes and a unified diff are printed, nothing is written. */
  fixDryRun: boolean;
  /** --ignore GLOB (repeatable), relative to the current folder. */
  ignore: string[];
  /** --no-org: each charter alone (no charter set, no organisation rules). */
  noOrg: boolean;
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

/**
 * A command's parsed options, or the exit status when there is nothing to run: 2 after a usage
 * error (said on stderr with a pointer to --help), 0 after printing the usage for --help.
 */
export function commandOptions<T extends { help: boolean }>(command: string, usage: string, parse: (args: string[]) => T, args: string[], io: Pick<CliIO, 'stdout' | 'stderr'>): T | number {
  let opts: T;
  try {
    opts = parse(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`team-charter ${command}: ${e.message}\nRun "team-charter ${command} --help" for usage.\n`);
    return 2;
  }
  if (!opts.help) return opts;
  io.stdout(usage + '\n');
  return 0;
}

export const LINT_USAGE = `Usage: team-charter lint [options] [PATH…]

Checks charters. PATH: files (linted whatever their name) or folders (searched for
team-charter.yaml|yml and *.charter.yaml|yml, skipping node_modules and .git). Default: .

Options:
  -f, --format FORMAT      text (default), json, sarif or github
      --fix                apply every safe fix in place, print each one, then report what remains
      --fix-dry-run        print the safe fixes and a unified diff per file; write nothing
      --ignore GLOB        skip charters matching GLOB (gitignore-style, relative to the current
                           folder; repeatable); adds to "ignores" in .charterrc.*
      --no-org             check each charter alone (no charter set, no organisation rules)
      --today YYYY-MM-DD   the date rules compare with (default: the system date)
  -c, --config FILE        use this config (and its ignores) instead of the .charterrc.yaml|yml|json files
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
    'fix-dry-run': { type: 'boolean' },
    ignore: { type: 'string', multiple: true },
    'no-org': { type: 'boolean' },
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
  if (values.fix === true && values['fix-dry-run'] === true) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  const ignore = (values.ignore as string[] | undefined) ?? [];
  for (const glob of ignore) {
    if (glob.trim() === '') throw new UsageError('--ignore needs a glob');
    if (glob.startsWith('!')) throw new UsageError(`--ignore "${glob}": negation ("!") is not supported`);
  }
  const maxWarnings = count(values['max-warnings'], '--max-warnings', 0);
  const maxFileSize = count(values['max-file-size'], '--max-file-size', 1) ?? DEFAULT_MAX_FILE_SIZE;
  return {
    paths: positionals.length ? positionals : ['.'],
    format: format as Format,
    fix: values.fix === true,
    fixDryRun: values['fix-dry-run'] === true,
    ignore,
    noOrg: values['no-org'] === true,
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

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
type Values = Record<string, string | boolean | string[] | undefined>;

/** util.parseArgs in strict mode, its errors turned into one-line usage errors (`describe` may reword them). */
function parse(args: string[], options: OptionSpec, describe = describeParseError): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Values, positionals };
  } catch (e) {
    throw new UsageError(describe(e as Error & { code?: string }));
  }
}

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffArgs {
  format: DiffFormat;
  git?: string;
  paths: string[];
  today?: string;
  config?: string;
  color?: boolean;
  help: boolean;
}

export function parseDiffArgs(args: string[]): DiffArgs {
  const { values, positionals } = parse(
    args,
    {
      git: { type: 'string' },
      format: { type: 'string', short: 'f' },
      today: { type: 'string' },
      config: { type: 'string', short: 'c' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    describeDiffParseError,
  );
  if (values.help) return { format: 'text', paths: [], help: true };
  const format = str(values.format) ?? 'text';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (expected ${DIFF_FORMATS.join(', ')})`);
  const today = str(values.today);
  if (today !== undefined && !isDate(today)) throw new UsageError(`--today must be a date like 2026-11-25, not "${today}"`);
  const config = str(values.config);
  if (config === '') throw new UsageError('--config needs a file name');
  const git = str(values.git);
  if (git !== undefined && (git === '' || git.startsWith('-'))) throw new UsageError(`--git needs a revision (a commit, branch or tag), not "${git}"`);
  if (git === undefined && positionals.length !== 2) {
    throw new UsageError(positionals.length < 2 ? 'diff needs two files, BASE and HEAD (or --git REF)' : `diff takes two files, BASE and HEAD, got ${positionals.length}; use --git REF PATH… to limit a git comparison`);
  }
  return {
    format: format as DiffFormat,
    paths: positionals,
    ...(git !== undefined ? { git } : {}),
    ...(today !== undefined ? { today } : {}),
    ...(config !== undefined ? { config } : {}),
    ...(values.color || values['no-color'] ? { color: values.color === true && !values['no-color'] } : {}),
    help: false,
  };
}

/** The shared wording, plus what --git expects. */
function describeDiffParseError(e: Error & { code?: string }): string {
  const message = describeParseError(e);
  return message.startsWith('option "--git" needs a value') ? 'option "--git" needs a value (a revision: a commit, branch or tag)' : message;
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

function str(v: string | boolean | string[] | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function count(v: string | boolean | string[] | undefined, name: string, min: number): number | undefined {
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
