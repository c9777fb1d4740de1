// `team-charter diff BASE HEAD` and `team-charter diff --git REF [PATH…]`: reviews a charter change.
// Reads the two sides (files, or git blobs and the working tree), lints both with the same
// options through server/src/diff, and prints text, markdown (a PR comment) or json.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { rules } from '../lint';
import type { CharterConfig } from '../lint';
import { checkConfig } from '../engine/config';
import { findConfig, isFile, readConfigFile } from '../node/config-lookup';
import { diffCharters, introducesErrors } from '../diff';
import type { ChangedCharter, DiffReport, SkippedCharter } from '../diff';
import { describeParseError, isDate, UsageError } from './args';
import { comparePaths, isCharterFileName } from './discover';
import { FileError, decodeCharter, readCharter } from './files';
import { formatDiffText } from './formats/diff-text';
import { formatDiffMarkdown } from './formats/diff-markdown';
import { formatDiffJson } from './formats/diff-json';
import type { CliIO } from './io';
import { useColor } from './io';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

export const DIFF_USAGE = `Usage: team-charter diff [options] BASE HEAD
       team-charter diff [options] --git REF [PATH…]

Reviews a charter change: findings introduced and resolved, and every change a reviewer reads:
team renamed or moved, mission, vision and priorities; members, roles and stakeholders; decisions
and who owns, approves, is consulted, informed or escalated to; boundaries; check-ins; updates;
"done"; milestones; risks. The markdown draws the decision rights that changed.

BASE and HEAD are charter files (/dev/null for a side that does not exist). With --git, the
working tree's charters (team-charter.yaml|yml, *.charter.yaml|yml) are compared with the same
paths at REF, new and deleted charters included, and a charter git sees as renamed with its old
path; PATH limits them to these files or folders.

Options:
      --git REF            compare the working tree with REF (a commit, branch or tag)
  -f, --format FORMAT      text (default), markdown (a pull-request comment) or json
      --today YYYY-MM-DD   the date rules compare with (default: the system date)
  -c, --config FILE        lint both sides with this config instead of the nearest .charterrc.*
      --color, --no-color  colour text output or not (default: colour on a terminal)
  -h, --help               show this help

Exit status: 0 the change introduces no error finding, 1 it introduces one or more,
2 usage error, unreadable file or config, or git failure.`;

/** Absent side in file mode, as in `git diff`. */
const NULL_FILES = new Set(['/dev/null', 'NUL']);

interface DiffArgs {
  format: DiffFormat;
  git?: string;
  paths: string[];
  today?: string;
  config?: string;
  color?: boolean;
  help: boolean;
}

/** git is missing, the folder is not a repository, or the ref does not exist: exit 2. */
class GitError extends Error {}

export async function runDiff(args: string[], io: CliIO): Promise<number> {
  try {
    const opts = parseDiffArgs(args);
    if (opts.help) {
      io.stdout(DIFF_USAGE + '\n');
      return 0;
    }
    const today = opts.today ?? io.today();
    const configFor = configSource(opts.config, io);
    const report = opts.git !== undefined ? gitReport(opts.git, opts.paths, today, configFor, io) : fileReport(opts.paths, today, configFor, io);
    io.stdout(render(report, opts, io));
    return introducesErrors(report) ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`team-charter diff: ${e.message}\nRun "team-charter diff --help" for usage.\n`);
      return 2;
    }
    if (e instanceof GitError || e instanceof FileError || e instanceof ConfigError) {
      io.stderr(`team-charter diff: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function parseDiffArgs(args: string[]): DiffArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        git: { type: 'string' },
        format: { type: 'string', short: 'f' },
        today: { type: 'string' },
        config: { type: 'string', short: 'c' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(describeDiffParseError(e as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  if (values.help) return { format: 'text', paths: [], help: true };
  const format = values.format ?? 'text';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (expected ${DIFF_FORMATS.join(', ')})`);
  if (values.today !== undefined && !isDate(values.today)) throw new UsageError(`--today must be a date like 2026-11-25, not "${values.today}"`);
  if (values.config === '') throw new UsageError('--config needs a file name');
  if (values.git !== undefined && (values.git === '' || values.git.startsWith('-'))) throw new UsageError(`--git needs a revision (a commit, branch or tag), not "${values.git}"`);
  if (values.git === undefined && positionals.length !== 2) {
    throw new UsageError(positionals.length < 2 ? 'diff needs two files, BASE and HEAD (or --git REF)' : `diff takes two files, BASE and HEAD, got ${positionals.length}; use --git REF PATH… to limit a git comparison`);
  }
  return {
    format: format as DiffFormat,
    paths: positionals,
    ...(values.git !== undefined ? { git: values.git } : {}),
    ...(values.today !== undefined ? { today: values.today } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.color || values['no-color'] ? { color: values.color === true && !values['no-color'] } : {}),
    help: false,
  };
}

/** The shared wording, plus what --git expects. */
function describeDiffParseError(e: Error & { code?: string }): string {
  const message = describeParseError(e);
  return message.startsWith('option "--git" needs a value') ? 'option "--git" needs a value (a revision: a commit, branch or tag)' : message;
}

/** A config that cannot be read or parsed: exit 2. */
class ConfigError extends Error {}

type ConfigFor = (charterPath: string, stopAt?: string) => CharterConfig | undefined;

/** `--config` for every charter, else the `.charterrc.*` nearest to each charter's (head) path. */
function configSource(configArg: string | undefined, io: CliIO): ConfigFor {
  const warned = new Set<string>();
  const checked = (file: string, config: CharterConfig) => {
    if (!warned.has(file)) {
      warned.add(file);
      for (const problem of checkConfig(config, rules)) io.stderr(`team-charter diff: warning: ${file}: ${problem}\n`);
    }
    return config;
  };
  const load = <T>(read: () => T): T => {
    try {
      return read();
    } catch (e) {
      throw new ConfigError((e as Error).message);
    }
  };
  if (configArg !== undefined) {
    const file = path.resolve(io.cwd, configArg);
    const config = checked(configArg, load(() => readConfigFile(file)));
    return () => config;
  }
  return (charterPath, stopAt) => {
    const found = load(() => findConfig(charterPath, stopAt));
    return found ? checked(path.relative(io.cwd, found.file) || found.file, found.config) : undefined;
  };
}

function fileReport([baseArg, headArg]: string[], today: string, configFor: ConfigFor, io: CliIO): DiffReport {
  const read = (arg: string) => (NULL_FILES.has(arg) ? undefined : readCharter(path.resolve(io.cwd, arg), arg).text);
  if (NULL_FILES.has(baseArg) && NULL_FILES.has(headArg)) throw new UsageError('BASE and HEAD cannot both be /dev/null');
  const base = read(baseArg);
  const head = read(headArg);
  const shown = head !== undefined ? headArg : baseArg;
  const changes = diffCharters(base, head, { today, config: configFor(path.resolve(io.cwd, shown)) });
  const charter: ChangedCharter = { path: toPosix(shown), ...(base !== undefined && baseArg !== shown ? { basePath: toPosix(baseArg) } : {}), ...changes };
  return { base: baseArg, head: headArg, charters: [charter] };
}

function gitReport(ref: string, pathArgs: string[], today: string, configFor: ConfigFor, io: CliIO): DiffReport {
  const root = gitText(['rev-parse', '--show-toplevel'], io.cwd, io, (err) => `not inside a git repository (${err})`).trim();
  const commit = gitText(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root, io, () => `unknown git revision "${ref}"`).trim();
  const headFiles = gitList(['ls-files', '--cached', '--others', '--exclude-standard', '-z'], root, io);
  const baseTree = treeEntries(commit, root, io);
  const baseFiles = [...baseTree.keys()];
  const scopes = pathArgs.map((arg) => scopeOf(arg, root, io.cwd));
  for (const scope of scopes) {
    const known = scope.rel === '' || [...headFiles, ...baseFiles].some((f) => inScope(f, scope.rel)) || fs.existsSync(path.join(root, scope.rel));
    if (!known) throw new FileError(`${scope.arg}: no such file or folder in the working tree or at ${ref}`);
  }
  const selected = (f: string) =>
    scopes.length === 0 ? isCharterFileName(path.posix.basename(f)) : scopes.some((s) => f === s.rel || (isCharterFileName(path.posix.basename(f)) && inScope(f, s.rel)));
  // A charter moved with `git mv` (or moved in a commit since REF) is compared with its old path.
  const movedFrom = new Map<string, string>();
  for (const [from, to] of renamedCharters(commit, root, io)) if (selected(from) || selected(to)) movedFrom.set(to, from);
  const movedAway = new Set(movedFrom.values());
  const basePaths = new Set(baseFiles.filter(selected));
  const candidates = [...new Set([...headFiles.filter(selected), ...basePaths, ...movedFrom.keys()])].filter((f) => !movedAway.has(f) || movedFrom.has(f)).sort(comparePaths);

  const charters: ChangedCharter[] = [];
  const skipped: SkippedCharter[] = [];
  for (const rel of candidates) {
    const abs = path.join(root, ...rel.split('/'));
    const baseRel = movedFrom.get(rel) ?? rel;
    // A link points anywhere (outside the repository too): on either side it is not read, as git
    // itself stores a link, not the file it points to.
    const headIsLink = isSymbolicLink(abs);
    const entry = baseTree.get(baseRel);
    const baseIsLink = entry?.mode === LINK_MODE;
    if (headIsLink && baseIsLink && baseRel === rel) {
      // The same link on both sides is no change; a link git stores holds its target.
      const target = gitText(['show', `${commit}:${baseRel}`], root, io, (err) => `cannot read ${baseRel} at ${ref} (${err})`);
      if (target !== readLink(abs)) skipped.push({ path: rel, reason: `a symbolic link at ${ref} and in the working tree (not read)` });
      continue;
    }
    if (headIsLink) skipped.push({ path: rel, reason: 'a symbolic link in the working tree (not read)' });
    if (baseIsLink) skipped.push({ path: baseRel, reason: `a symbolic link at ${ref} (not read)` });
    const head = !headIsLink && isFile(abs) ? readCharter(abs, rel).text : undefined;
    const base =
      entry?.type === 'blob' && !baseIsLink
        ? decodeCharter(gitBytes(['show', `${commit}:${baseRel}`], root, io, (err) => `cannot read ${baseRel} at ${ref} (${err})`), `${baseRel} at ${ref}`).text
        : undefined;
    if (base === undefined && head === undefined) continue;
    const moved = baseRel !== rel && base !== undefined && head !== undefined;
    if (!moved && base !== undefined && head !== undefined && base.replace(/\r\n/g, '\n') === head.replace(/\r\n/g, '\n')) continue;
    const changes = diffCharters(base, head, { today, config: configFor(abs, root) });
    charters.push({ path: rel, ...(moved ? { basePath: baseRel } : {}), ...changes, ...(moved ? { status: 'moved' as const } : {}) });
  }
  return { base: ref, head: 'working tree', baseCommit: commit, charters, ...(skipped.length ? { skipped } : {}) };
}

function isSymbolicLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function readLink(p: string): string | undefined {
  try {
    return fs.readlinkSync(p);
  } catch {
    return undefined;
  }
}

/** Git's mode for a symbolic link. */
const LINK_MODE = '120000';

interface TreeEntry {
  mode: string;
  type: string;
}

/** Every path at `commit` with its mode and object type (`blob`, or `commit` for a submodule). */
function treeEntries(commit: string, root: string, io: CliIO): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  for (const line of gitList(['ls-tree', '-r', '--full-tree', '-z', commit], root, io)) {
    const tab = line.indexOf('\t');
    const [mode, type] = line.slice(0, tab).split(' ');
    entries.set(line.slice(tab + 1), { mode, type });
  }
  return entries;
}

/**
 * Charters renamed between `commit` and the working tree, as git's own rename detection sees them
 * (`git diff -M`: tracked files, so a `git mv` counts and an untracked copy does not), as [old, new].
 */
function renamedCharters(commit: string, root: string, io: CliIO): Array<[string, string]> {
  const fields = gitList(['diff', '--name-status', '-M', '--diff-filter=R', '--no-ext-diff', '-z', commit, '--'], root, io);
  const pairs: Array<[string, string]> = [];
  // -z: `R<score>`, old path, new path, each NUL-terminated.
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const [status, from, to] = fields.slice(i, i + 3);
    if (!status?.startsWith('R') || from === undefined || to === undefined) continue;
    if (isCharterFileName(path.posix.basename(from)) && isCharterFileName(path.posix.basename(to))) pairs.push([from, to]);
  }
  return pairs;
}

interface Scope {
  arg: string;
  /** Relative to the repository root, `/`-separated; '' for the root itself. */
  rel: string;
}

function scopeOf(arg: string, root: string, cwd: string): Scope {
  const rel = toPosix(path.relative(realPathOf(root), realPathOf(path.resolve(cwd, arg))));
  if (rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) throw new UsageError(`${arg} is outside the repository (${root})`);
  return { arg, rel };
}

function inScope(file: string, scope: string): boolean {
  return scope === '' || file === scope || file.startsWith(scope + '/');
}

/** The real path of `p`, or of its nearest existing parent joined with the rest (for deleted files). */
function realPathOf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realPathOf(parent), path.basename(p));
  }
}

function git(args: string[], cwd: string, io: CliIO): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync('git', ['-c', 'core.quotepath=off', ...args], { cwd, env: io.env, maxBuffer: 512 * 1024 * 1024 });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new GitError(code === 'ENOENT' ? 'git was not found on PATH (needed by --git)' : `git failed (${code ?? result.error.message})`);
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

function gitBytes(args: string[], cwd: string, io: CliIO, describeFailure: (stderr: string) => string): Buffer {
  const result = git(args, cwd, io);
  if (result.status !== 0) throw new GitError(describeFailure(result.stderr.trim().split('\n')[0] || `exit status ${result.status}`));
  return result.stdout;
}

function gitText(args: string[], cwd: string, io: CliIO, describeFailure: (stderr: string) => string): string {
  return gitBytes(args, cwd, io, describeFailure).toString('utf8');
}

function gitList(args: string[], root: string, io: CliIO): string[] {
  return gitText(args, root, io, (err) => `git ${args[0]} failed (${err})`)
    .split('\0')
    .filter((f) => f !== '');
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function render(report: DiffReport, opts: DiffArgs, io: CliIO): string {
  switch (opts.format) {
    case 'markdown':
      return formatDiffMarkdown(report);
    case 'json':
      return formatDiffJson(report);
    default:
      return formatDiffText(report, { color: opts.color ?? useColor(io) });
  }
}

