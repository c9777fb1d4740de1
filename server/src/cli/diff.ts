// `team-charter diff BASE HEAD` and `team-charter diff --git REF [PATH…]`: reviews a charter change.
// Reads the two sides (files, or git blobs and the working tree), lints both with the same
// options through server/src/diff, and prints text, markdown (a PR comment) or json.
import { readlinkSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { CharterConfig } from '../lint';
import { diffCharters, introducesErrors, organisationFindingsChanged } from '../diff';
import type { Finding } from '../engine/model';
import { organisationFindings } from '../org/check-set';
import type { SetMember } from '../org/check-set';
import type { ChangedCharter, DiffReport, SkippedCharter } from '../diff';
import { NodeHost } from '../host/node-host';
import type { CharterRoot, ConfigFile, GoverningConfig } from '../host/host';
import { CONFIG_FILE_NAMES, configFromText } from '../host/config-file';
import { comparePaths, isCharterFileName } from '../host/names';
import { decodeUtf8, lstatOf, realPathOf } from '../host/node-files';
import { DIFF_FORMATS, UsageError, parseDiffArgs } from './args';
import type { DiffArgs } from './args';
import { configMessages, displayPath } from './charter-sets';
import { formatDiffText } from './formats/diff-text';
import { formatDiffMarkdown } from './formats/diff-markdown';
import { formatDiffJson } from './formats/diff-json';
import type { CliIO } from './io';
import { useColor } from './io';

export { DIFF_FORMATS };

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
    const configs = new DiffConfigs(io, opts.config);
    const report = opts.git !== undefined ? gitReport(opts.git, opts.paths, today, configs, io) : fileReport(opts.paths, today, configs, io);
    // rules.md: two files are not a charter set; say so once, off the report (stdout stays the review).
    if (opts.git === undefined) io.stderr('team-charter diff: two files are compared alone, so organisation rules do not run (diff --git REF reviews the whole charter set)\n');
    io.stdout(render(report, opts, io));
    return introducesErrors(report) ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`team-charter diff: ${e.message}\nRun "team-charter diff --help" for usage.\n`);
      return 2;
    }
    if (e instanceof GitError || e instanceof FileError) {
      io.stderr(`team-charter diff: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** A config or charter that cannot be used: exit 2. */
class FileError extends Error {}

/**
 * The config of each side, through the host: `--config FILE`, else the configs that govern the
 * charter's path up to its root. A config that cannot be used stops the command (exit 2); problems
 * in one that parsed are warnings, printed once per file.
 */
class DiffConfigs {
  readonly host: NodeHost;
  private readonly warned = new Set<string>();

  constructor(
    private readonly io: CliIO,
    configArg: string | undefined,
  ) {
    this.host = new NodeHost({ cwd: io.cwd, configFile: configArg, stable: true });
  }

  get explicit(): boolean {
    return this.host.hasExplicitConfig;
  }

  /** The config whose rules apply to the working-tree (or HEAD file) side. */
  head(file: string, root: CharterRoot = this.host.rootOfSync(file)): CharterConfig | undefined {
    return this.checked(this.host.configForSync(file, root));
  }

  checked(governing: GoverningConfig): CharterConfig | undefined {
    const messages = configMessages(governing, this.io.cwd);
    const failure = [...messages.fatal, ...messages.errors][0];
    if (failure) throw new FileError(failure);
    for (const problem of messages.problems) {
      if (this.warned.has(problem)) continue;
      this.warned.add(problem);
      this.io.stderr(`team-charter diff: warning: ${problem}\n`);
    }
    return governing.rules?.config;
  }
}

function fileReport([baseArg, headArg]: string[], today: string, configs: DiffConfigs, io: CliIO): DiffReport {
  const read = (arg: string) => {
    if (NULL_FILES.has(arg)) return undefined;
    const file = path.resolve(io.cwd, arg);
    const result = configs.host.readCharterSync(file, configs.host.rootOfSync(file));
    if (result.skipped) throw new FileError(`${arg}: ${result.skipped.reason}`);
    return result.file.text;
  };
  if (NULL_FILES.has(baseArg) && NULL_FILES.has(headArg)) throw new UsageError('BASE and HEAD cannot both be /dev/null');
  const base = read(baseArg);
  const head = read(headArg);
  const shown = head !== undefined ? headArg : baseArg;
  const changes = diffCharters(base, head, { today, config: configs.head(path.resolve(io.cwd, shown)) });
  const charter: ChangedCharter = { path: toPosix(shown), ...(base !== undefined && baseArg !== shown ? { basePath: toPosix(baseArg) } : {}), ...changes };
  return { base: baseArg, head: headArg, charters: [charter] };
}

/** A file at REF: its mode says whether it is a regular blob (a link blob, 120000, is never read as a charter). */
interface TreeEntry {
  mode: string;
  object: string;
}

function gitReport(ref: string, pathArgs: string[], today: string, configs: DiffConfigs, io: CliIO): DiffReport {
  const root = gitText(['rev-parse', '--show-toplevel'], io.cwd, io, (err) => `not inside a git repository (${err})`).trim();
  const charterRoot: CharterRoot = { dir: root, by: 'git' };
  const commit = gitText(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root, io, () => `unknown git revision "${ref}"`).trim();
  const headFiles = gitList(['ls-files', '--cached', '--others', '--exclude-standard', '-z'], root, io);
  const baseTree = gitTree(commit, root, io);
  const baseFiles = [...baseTree.keys()];
  const scopes = pathArgs.map((arg) => scopeOf(arg, root, io.cwd));
  for (const scope of scopes) {
    const known = scope.rel === '' || [...headFiles, ...baseFiles].some((f) => inScope(f, scope.rel)) || lstatOf(path.join(root, scope.rel)) !== undefined;
    if (!known) throw new FileError(`${scope.arg}: no such file or folder in the working tree or at ${ref}`);
  }
  const named = (f: string) => scopes.some((s) => f === s.rel);
  const selected = (f: string) =>
    scopes.length === 0 ? isCharterFileName(path.posix.basename(f)) : scopes.some((s) => f === s.rel || (isCharterFileName(path.posix.basename(f)) && inScope(f, s.rel)));
  // A charter moved with `git mv` (or moved in a commit since REF) is compared with its old path.
  const movedFrom = new Map<string, string>();
  for (const [from, to] of renamedCharters(commit, root, io)) if (selected(from) || selected(to)) movedFrom.set(to, from);
  const movedAway = new Set(movedFrom.values());
  const basePaths = new Set(baseFiles.filter(selected));
  const candidates = [...new Set([...headFiles.filter(selected), ...basePaths, ...movedFrom.keys()])].filter((f) => !movedAway.has(f) || movedFrom.has(f)).sort(comparePaths);
  const baseConfigs = new BaseConfigs(baseTree, commit, root, io);
  // The organisation findings of the whole set on each side (every charter under the root at REF,
  // and the working tree's), so a change that moves one shows as introduced or resolved.
  const org = organisationSides(charterRoot, baseTree, commit, today, configs, baseConfigs, io);

  const charters: ChangedCharter[] = [];
  const skipped: SkippedCharter[] = [];
  for (const rel of candidates) {
    const abs = path.join(root, ...rel.split('/'));
    const ignoredBy = configs.host.ignoredBySync(abs, charterRoot);
    if (ignoredBy) {
      if (named(rel)) io.stderr(`team-charter diff: ${rel}: ignored (by ${ignoredBy === '--ignore' ? ignoredBy : displayPath(ignoredBy, io.cwd)}); not compared\n`);
      continue;
    }
    const baseRel = movedFrom.get(rel) ?? rel;
    // Only regular files are compared: a link points anywhere (outside the repository too), so on
    // either side it is listed as skipped and never read.
    const baseEntry = basePaths.has(baseRel) || movedFrom.has(rel) ? baseTree.get(baseRel) : undefined;
    const headStat = lstatOf(abs);
    const headIsLink = headStat?.isSymbolicLink() ?? false;
    const baseIsLink = baseEntry?.mode === LINK_MODE;
    if (headIsLink && baseIsLink && baseRel === rel) {
      // The same link on both sides is no change; git stores a link as its target's path.
      const target = gitText(['cat-file', 'blob', baseEntry!.object], root, io, (err) => `cannot read ${baseRel} at ${ref} (${err})`);
      if (target !== readLinkOf(abs)) skipped.push({ path: rel, reason: `a symbolic link at ${ref} and in the working tree (not read)` });
      continue;
    }
    if (headIsLink) skipped.push({ path: rel, reason: 'a symbolic link in the working tree (not read)' });
    if (baseIsLink) skipped.push({ path: baseRel, reason: `a symbolic link at ${ref} (not read)` });
    let head: string | undefined;
    if (headStat && !headIsLink) {
      const read = configs.host.readCharterSync(abs, charterRoot);
      if (read.skipped) {
        // A folder where a charter was (or a FIFO, or unreadable): that side is not read.
        if (headStat.isDirectory()) head = undefined;
        else throw new FileError(`${rel}: ${read.skipped.reason}`);
      } else head = read.file.text;
    }
    const base = baseEntry && !baseIsLink && baseEntry.mode.startsWith('100') ? decodeBlob(gitBytes(['cat-file', 'blob', baseEntry.object], root, io, (err) => `cannot read ${baseRel} at ${ref} (${err})`), `${baseRel} at ${ref}`) : undefined;
    if (base === undefined && head === undefined) continue;
    const headConfig = configs.head(abs, charterRoot);
    const baseConfig = configs.explicit ? headConfig : baseConfigs.forCharter(baseRel, configs);
    const moved = baseRel !== rel && base !== undefined && head !== undefined;
    const sameText = base !== undefined && head !== undefined && base.replace(/\r\n/g, '\n') === head.replace(/\r\n/g, '\n');
    const organisation = { base: org.base.get(baseRel) ?? [], head: org.head.get(rel) ?? [] };
    // An unchanged charter is still reviewed when it moved, when the config that governs it changed,
    // or when a change elsewhere in the set changed its organisation findings.
    const sameConfig = JSON.stringify(baseConfig?.rules ?? {}) === JSON.stringify(headConfig?.rules ?? {});
    if (!moved && sameText && sameConfig && !organisationFindingsChanged(organisation.base, organisation.head)) continue;
    const changes = diffCharters(base, head, { today, config: headConfig, organisation }, { today, config: baseConfig });
    charters.push({ path: rel, ...(moved ? { basePath: baseRel } : {}), ...changes, ...(moved ? { status: 'moved' as const } : {}) });
  }
  return { base: ref, head: 'working tree', baseCommit: commit, charters, ...(skipped.length ? { skipped } : {}) };
}

/** Organisation findings per charter path, over every charter of the root at REF and in the working tree. */
function organisationSides(
  root: CharterRoot,
  baseTree: Map<string, TreeEntry>,
  commit: string,
  today: string,
  configs: DiffConfigs,
  baseConfigs: BaseConfigs,
  io: CliIO,
): { base: Map<string, Finding[]>; head: Map<string, Finding[]> } {
  const rel = (abs: string) => toPosix(path.relative(root.dir, abs));
  const headMembers: SetMember[] = [];
  for (const entry of configs.host.listChartersSync(root, {}).charters) {
    if (entry.link) continue;
    const read = configs.host.readCharterSync(entry.path, root, false);
    if (read.file) headMembers.push({ file: rel(entry.path), text: read.file.text, config: configs.head(entry.path, root) });
  }
  const baseEntries = [...baseTree].filter(([file, entry]) => isCharterFileName(path.posix.basename(file)) && entry.mode.startsWith('100') && !configs.host.ignoredBySync(path.join(root.dir, ...file.split('/')), root));
  const blobs = catFileBatch(baseEntries.map(([, entry]) => entry.object), root.dir, io);
  const baseMembers: SetMember[] = [];
  for (const [file, entry] of baseEntries) {
    const bytes = blobs.get(entry.object);
    const text = bytes && decodeUtf8(bytes)?.text;
    if (text !== undefined) baseMembers.push({ file, text, config: configs.explicit ? configs.head(path.join(root.dir, ...file.split('/')), root) : baseConfigs.forCharter(file, configs) });
  }
  const rootConfigFile = path.join(root.dir, '.charterrc.yaml');
  const headRoot = configs.head(rootConfigFile, root);
  const baseRoot = configs.explicit ? headRoot : baseConfigs.forCharter('.charterrc.yaml', configs);
  return {
    base: organisationFindings(baseMembers, { today, rootConfig: baseRoot }),
    head: organisationFindings(headMembers, { today, rootConfig: headRoot }),
  };
}

/** The contents of many blobs in one `git cat-file --batch` (one process, not one per file). */
function catFileBatch(objects: string[], root: string, io: CliIO): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (objects.length === 0) return out;
  const r = spawnSync('git', ['cat-file', '--batch'], { cwd: root, input: objects.join('\n') + '\n', maxBuffer: 1 << 30, env: io.env ?? process.env });
  if (r.status !== 0) throw new GitError(`git cat-file --batch failed (${String(r.stderr).trim().split('\n')[0]})`);
  const data = r.stdout as Buffer;
  let at = 0;
  while (at < data.length) {
    const lineEnd = data.indexOf(10, at);
    if (lineEnd < 0) break;
    const [object, type, size] = data.subarray(at, lineEnd).toString('utf8').split(' ');
    at = lineEnd + 1;
    if (type === 'missing' || size === undefined) continue;
    const length = Number(size);
    out.set(object, data.subarray(at, at + length));
    at += length + 1; // the content, then a line feed
  }
  return out;
}

/** The `.charterrc.*` nearest to a charter at REF (regular blobs only), up to the repository root. */
class BaseConfigs {
  private readonly byFolder = new Map<string, ConfigFile | null>();

  constructor(
    private readonly tree: Map<string, TreeEntry>,
    private readonly commit: string,
    private readonly root: string,
    private readonly io: CliIO,
  ) {}

  forCharter(rel: string, configs: DiffConfigs): CharterConfig | undefined {
    const folders: string[] = [];
    for (let dir = path.posix.dirname(rel); ; dir = path.posix.dirname(dir)) {
      folders.push(dir === '.' ? '' : dir);
      if (dir === '.' || dir === '/' || dir === '') break;
    }
    const chain = folders
      .reverse()
      .map((dir) => this.configIn(dir))
      .filter((c): c is ConfigFile => c !== undefined);
    return configs.checked({ ...(chain.length ? { rules: chain[chain.length - 1] } : {}), chain, stamp: '' });
  }

  private configIn(dir: string): ConfigFile | undefined {
    const known = this.byFolder.get(dir);
    if (known !== undefined) return known ?? undefined;
    let found: ConfigFile | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const rel = dir ? `${dir}/${name}` : name;
      const entry = this.tree.get(rel);
      if (!entry || !entry.mode.startsWith('100')) continue;
      const bytes = gitBytes(['cat-file', 'blob', entry.object], this.root, this.io, (err) => `cannot read ${rel} at ${this.commit} (${err})`);
      const config = configFromText(path.join(this.root, ...rel.split('/')), bytes.toString('utf8'), entry.object);
      // Named as at REF, so a message says which side's config it is.
      found = { ...config, path: `${config.path} at ${this.commit.slice(0, 12)}` };
      break;
    }
    this.byFolder.set(dir, found ?? null);
    return found;
  }
}

function decodeBlob(bytes: Uint8Array, shownAs: string): string {
  const decoded = decodeUtf8(bytes);
  if (!decoded) throw new FileError(`${shownAs}: not UTF-8 text`);
  return decoded.text;
}

const LINK_MODE = '120000';

function readLinkOf(p: string): string | undefined {
  try {
    return readlinkSync(p);
  } catch {
    return undefined;
  }
}

/** Every file at `commit` with its mode (`git ls-tree -r`): blobs, link blobs and submodules. */
function gitTree(commit: string, root: string, io: CliIO): Map<string, TreeEntry> {
  const tree = new Map<string, TreeEntry>();
  for (const line of gitList(['ls-tree', '-r', '--full-tree', '-z', commit], root, io)) {
    const tab = line.indexOf('\t');
    const [mode, , object] = line.slice(0, tab).split(' ');
    tree.set(line.slice(tab + 1), { mode, object });
  }
  return tree;
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
  const rel = toPosix(path.relative(realPathOrParent(root), realPathOrParent(path.resolve(cwd, arg))));
  if (rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) throw new UsageError(`${arg} is outside the repository (${root})`);
  return { arg, rel };
}

function inScope(file: string, scope: string): boolean {
  return scope === '' || file === scope || file.startsWith(scope + '/');
}

/** The real path of `p`, or of its nearest existing parent joined with the rest (for deleted files). */
function realPathOrParent(p: string): string {
  const real = realPathOf(p);
  if (real !== undefined) return real;
  const parent = path.dirname(p);
  return parent === p ? p : path.join(realPathOrParent(parent), path.basename(p));
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

