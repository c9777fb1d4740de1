// The Node implementation of CharterHost: roots, charter search, reading, configs and ignores on
// the local file system. It never follows a folder link while searching, never reads a file through
// a link that leaves the root, never opens anything but a regular file, and reads nothing above the
// root (rules.md, "Clarifications, round 2").
import path from 'node:path';
import fs from 'node:fs';
import type { CharterEntry, CharterHost, CharterListing, CharterRoot, ConfigFile, GoverningConfig, ListRequest, ReadResult, SkippedFile } from './host';
import { HostError } from './host';
import { CONFIG_FILE_NAMES, configFromText, unusableConfig } from './config-file';
import { ALWAYS_SKIPPED, compileIgnores, ignoredBy } from './ignores';
import type { CompiledIgnores } from './ignores';
import { comparePaths, isCharterFileName } from './names';
import { NotRegularFile, decodeUtf8, describeError, describeKind, isInside, kindOf, lstatOf, readRegularFile, realPathOf, statOf } from './node-files';

export interface NodeHostOptions {
  /** The current folder: the root of a PATH outside any repository when it contains PATH, and the base of `ignoreGlobs`. */
  cwd?: string;
  /** Workspace folders (absolute paths): the root of a charter outside any repository (the language server). */
  workspaceFolders?: readonly string[];
  /** `--config FILE` (absolute): replaces the lookup and the `.charterrc` ignores. */
  configFile?: string;
  /** `--ignore GLOB`, relative to `cwd`. */
  ignoreGlobs?: readonly string[];
  /** The files do not change while this host lives (one CLI run): folder lookups are kept, not re-checked. */
  stable?: boolean;
}

/** What the search keeps for a charter before links are deduplicated: its real file. */
interface Found extends CharterEntry {
  real: string;
}

export class NodeHost implements CharterHost {
  private readonly cwd: string | undefined;
  private readonly explicitConfig: string | undefined;
  private readonly cliIgnores: CompiledIgnores | undefined;
  private readonly parsedConfigs = new Map<string, ConfigFile>();
  private readonly folderConfigs = new Map<string, ConfigFile | null>();
  private readonly folderIgnores = new Map<string, CompiledIgnores[]>();
  private readonly compiled = new Map<string, CompiledIgnores | null>();
  private readonly realRoots = new Map<string, string>();

  constructor(private readonly options: NodeHostOptions = {}) {
    this.cwd = options.cwd === undefined ? undefined : path.resolve(options.cwd);
    this.explicitConfig = options.configFile === undefined ? undefined : path.resolve(this.cwd ?? '.', options.configFile);
    this.cliIgnores = options.ignoreGlobs?.length ? compileIgnores({ base: this.cwd ?? process.cwd(), patterns: options.ignoreGlobs, name: '--ignore' }) : undefined;
  }

  async rootOf(target: string): Promise<CharterRoot> {
    return this.rootOfSync(target);
  }

  rootOfSync(target: string): CharterRoot {
    const abs = path.resolve(this.cwd ?? '.', target);
    // A link is not a folder here: the root of a link is found from where the link is.
    const start = lstatOf(abs)?.isDirectory() ? abs : path.dirname(abs);
    for (let dir = start; ; ) {
      if (lstatOf(path.join(dir, '.git'))) return { dir, by: 'git' };
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    if (this.options.workspaceFolders) {
      const folder = this.options.workspaceFolders
        .map((f) => path.resolve(f))
        .filter((f) => isInside(abs, f))
        .sort((a, b) => b.length - a.length)[0];
      return folder ? { dir: folder, by: 'workspace' } : { dir: start, by: 'alone' };
    }
    if (this.cwd !== undefined && isInside(abs, this.cwd)) return { dir: this.cwd, by: 'cwd' };
    return { dir: start, by: 'folder' };
  }

  async listCharters(root: CharterRoot, request: ListRequest = {}): Promise<CharterListing> {
    return this.listChartersSync(root, request);
  }

  listChartersSync(root: CharterRoot, request: ListRequest = {}): CharterListing {
    const realRoot = this.realRoot(root);
    const found = new Map<string, Found>();
    const skipped = new Map<string, SkippedFile>();
    const ignored: CharterListing['ignored'] = [];
    const empty: string[] = [];
    /** Folders searched for a named folder: the whole-root search does not search them again. */
    const covered = new Set<string>();

    const addFound = (entry: Found) => {
      const known = found.get(entry.real);
      // One entry per real file, under the name the user asked for (a named link stays a link, and
      // so is never written); otherwise the file itself rather than a link to it.
      if (!known) found.set(entry.real, entry);
      else if (known.asked !== entry.asked) {
        if (entry.asked) found.set(entry.real, entry);
      } else if (known.link && !entry.link) found.set(entry.real, entry);
    };
    const addSkipped = (s: SkippedFile) => {
      const known = skipped.get(s.path);
      if (!known) skipped.set(s.path, s);
      else known.asked ||= s.asked;
    };
    const add = (result: Found | SkippedFile) => ('reason' in result ? addSkipped(result) : addFound(result));

    /** Searches a folder without entering links, node_modules, .git or ignored folders; counts what it saw. */
    const walk = (dir: string, asked: boolean, seen: { charters: number; ignored: string[] }): void => {
      if (!asked && covered.has(dir)) return;
      if (asked) covered.add(dir);
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        seen.charters++;
        addSkipped({ path: dir, reason: `cannot read folder (${describeError(e)})`, asked });
        return;
      }
      const ignores = this.ignoresOf(dir, root);
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (ALWAYS_SKIPPED.has(entry.name)) continue;
          const by = ignoredBy(ignores, full, true);
          if (by) seen.ignored.push(by);
          else walk(full, asked, seen);
        } else if (isCharterFileName(entry.name)) {
          // Links and special files named like charters are sorted out by classify; folder links are never entered.
          const by = ignoredBy(ignores, full);
          if (by) seen.ignored.push(by);
          else {
            seen.charters++;
            add(this.classify(full, realRoot, asked, path.join(realRoot, path.relative(root.dir, full))));
          }
        }
      }
    };

    for (const arg of request.asked ?? []) {
      const abs = path.resolve(this.cwd ?? '.', arg);
      const lst = lstatOf(abs);
      let folder: string | undefined;
      if (lst && statOf(abs)?.isDirectory()) {
        // A named folder is searched under its real path, written from the root: a link in its last
        // component or above it may lead anywhere, and only a target inside the root is searched.
        const real = realPathOf(abs);
        if (real === undefined || !isInside(real, realRoot)) {
          addSkipped({ path: abs, reason: lst.isSymbolicLink() ? 'a symbolic link to a folder outside the root; not searched' : 'outside the root (through a folder link); not searched', asked: true });
          continue;
        }
        folder = path.join(root.dir, path.relative(realRoot, real));
      }
      if (folder === undefined) {
        // A file: checked whatever its name, unless an ignore matches it.
        const by = ignoredBy(this.ignoresOf(path.dirname(abs), root), abs);
        if (by) ignored.push({ path: abs, by });
        else add(this.classify(abs, realRoot, true));
        continue;
      }
      const by = folder === root.dir ? undefined : ignoredBy(this.ignoresOf(path.dirname(folder), root), folder, true);
      if (by) {
        ignored.push({ path: abs, by });
        continue;
      }
      const seen = { charters: 0, ignored: [] as string[] };
      walk(folder, true, seen);
      if (seen.charters === 0) {
        if (seen.ignored.length) ignored.push({ path: abs, by: seen.ignored[0] });
        else empty.push(abs);
      }
    }
    if (!request.asked?.length || request.whole) walk(root.dir, false, { charters: 0, ignored: [] });

    const byPath = <T extends { path: string }>(a: T, b: T) => comparePaths(toSlash(a.path), toSlash(b.path));
    const charters = [...found.values()]
      .map(({ path: p, asked, link, real }) => ({ path: p, asked, link, ...(link ? { target: path.join(root.dir, path.relative(realRoot, real)) } : {}) }))
      .sort(byPath);
    return { root, charters, skipped: [...skipped.values()].sort(byPath), ignored, empty };
  }

  /** A charter-named path found or named: a charter entry (with its real file), or why it is skipped. */
  /** `lexicalReal`: the real path of a file the search found (no link on the way down from the root). */
  private classify(full: string, realRoot: string, asked: boolean, lexicalReal?: string): Found | SkippedFile {
    const lst = lstatOf(full);
    const kind = kindOf(lst);
    if (kind === 'missing') return { path: full, reason: 'cannot read (no such file, or a broken symbolic link)', asked };
    const real = kind === 'file' && lexicalReal !== undefined ? lexicalReal : realPathOf(full);
    if (real === undefined) return { path: full, reason: 'cannot read (no such file, or a broken symbolic link)', asked };
    if (!isInside(real, realRoot)) {
      return { path: full, reason: kind === 'link' ? 'a symbolic link out of the root; not read' : 'outside the root (through a folder link); not read', asked };
    }
    const target = kind === 'link' ? kindOf(statOf(full)) : kind;
    if (target !== 'file') return { path: full, reason: describeKind(target, 'charter file'), asked };
    return { path: full, asked, link: kind === 'link', real };
  }

  async readCharter(file: string, root: CharterRoot, asked = true): Promise<ReadResult> {
    return this.readCharterSync(file, root, asked);
  }

  readCharterSync(file: string, root: CharterRoot, asked = true): ReadResult {
    const abs = path.resolve(this.cwd ?? '.', file);
    const checked = this.classify(abs, this.realRoot(root), asked);
    if ('reason' in checked) return { skipped: checked };
    let bytes: Buffer;
    try {
      bytes = readRegularFile(checked.real);
    } catch (e) {
      if (e instanceof NotRegularFile) return { skipped: { path: abs, reason: describeKind(e.kind, 'charter file'), asked } };
      return { skipped: { path: abs, reason: `cannot read (${describeError(e)})`, asked } };
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded) return { skipped: { path: abs, reason: 'not UTF-8 text', asked } };
    return { file: { path: abs, ...decoded, bytes, link: checked.link } };
  }

  async configFor(file: string, root: CharterRoot): Promise<GoverningConfig> {
    return this.configForSync(file, root);
  }

  configForSync(file: string, root: CharterRoot): GoverningConfig {
    if (this.explicitConfig !== undefined) {
      const explicit = this.explicit();
      return { rules: explicit, chain: [explicit], stamp: explicit.stamp };
    }
    const chain: ConfigFile[] = [];
    for (const dir of this.foldersFromRoot(path.dirname(path.resolve(this.cwd ?? '.', file)), root)) {
      const config = this.configIn(dir, root);
      if (config) chain.push(config);
    }
    return { ...(chain.length ? { rules: chain[chain.length - 1] } : {}), chain, stamp: chain.map((c) => c.stamp).join('|') || 'none' };
  }

  async ignoredBy(file: string, root: CharterRoot): Promise<string | undefined> {
    return this.ignoredBySync(file, root);
  }

  ignoredBySync(file: string, root: CharterRoot): string | undefined {
    const abs = path.resolve(this.cwd ?? '.', file);
    return ignoredBy(this.ignoresOf(path.dirname(abs), root), abs);
  }

  /** `--config FILE` was given: it replaces every `.charterrc.*`. */
  get hasExplicitConfig(): boolean {
    return this.explicitConfig !== undefined;
  }

  async resolveRelative(fromCharter: string, relative: string, root: CharterRoot): Promise<string | undefined> {
    return this.resolveRelativeSync(fromCharter, relative, root);
  }

  resolveRelativeSync(fromCharter: string, relative: string, root: CharterRoot): string | undefined {
    // Only relative, `/`-separated file paths: no absolute paths, drive letters, URLs or backslashes.
    if (relative === '' || relative.startsWith('/') || relative.includes('\\') || /^[a-z][a-z0-9+.-]*:/i.test(relative) || relative.endsWith('/')) return undefined;
    const lexical = path.resolve(path.dirname(path.resolve(fromCharter)), ...relative.split('/'));
    if (lexical === root.dir || !isInside(lexical, root.dir)) return undefined;
    const realRoot = this.realRoot(root);
    const real = realPathOf(lexical);
    if (real === undefined || !isInside(real, realRoot) || !statOf(real)?.isFile()) return undefined;
    // The file under the root's own spelling, so a link resolves to the charter it stands for.
    return path.join(root.dir, path.relative(realRoot, real));
  }

  /** `--config FILE`: a folder, FIFO or device is fatal; it is read wherever it is (the user named it). */
  private explicit(): ConfigFile {
    const file = this.explicitConfig!;
    const stat = statOf(file);
    if (!stat) {
      let code = 'ENOENT';
      try {
        fs.statSync(file);
      } catch (e) {
        code = (e as NodeJS.ErrnoException).code ?? code;
      }
      return unusableConfig(file, `cannot read config (${code})`);
    }
    return this.readConfig(file, file, stat);
  }

  /** Folders from the root down to `dir` (inclusive); just `dir` when it is not inside the root. */
  private foldersFromRoot(dir: string, root: CharterRoot): string[] {
    if (!isInside(dir, root.dir)) return [];
    const out: string[] = [];
    for (let d = dir; ; d = path.dirname(d)) {
      out.push(d);
      if (d === root.dir || path.dirname(d) === d) break;
    }
    return out.reverse();
  }

  /**
   * The config of one folder: the first of `.charterrc.yaml|yml|json` that exists. Any of them that is
   * a folder, FIFO or device is fatal (rules.md); a link out of the root is not read.
   */
  private configIn(dir: string, root: CharterRoot): ConfigFile | undefined {
    const stable = this.options.stable;
    const known = stable ? this.folderConfigs.get(dir) : undefined;
    if (known !== undefined) return known ?? undefined;
    let chosen: ConfigFile | undefined;
    let fatal: ConfigFile | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(dir, name);
      const lst = lstatOf(file);
      if (!lst) continue;
      let config: ConfigFile;
      if (lst.isSymbolicLink()) {
        const real = realPathOf(file);
        const target = real === undefined ? undefined : statOf(real);
        if (real === undefined || !target) config = unusableConfig(file, 'cannot read config (a broken symbolic link)');
        else if (!isInside(real, this.realRoot(root))) config = unusableConfig(file, 'a symbolic link out of the root; not read');
        else config = this.readConfig(file, real, target);
      } else {
        config = this.readConfig(file, file, lst);
      }
      if (config.fatal) fatal ??= config;
      chosen ??= config;
    }
    const result = fatal ?? chosen;
    if (stable) this.folderConfigs.set(dir, result ?? null);
    return result;
  }

  /** Reads and checks a config whose type is known from `stat`; parsed files are kept while unchanged. */
  private readConfig(file: string, real: string, stat: fs.Stats): ConfigFile {
    const kind = kindOf(stat);
    if (kind !== 'file') return unusableConfig(file, describeKind(kind, 'config file'), true);
    const stamp = `${file}@${stat.ino}:${stat.mtimeMs}:${stat.size}`;
    const cached = this.parsedConfigs.get(file);
    if (cached && cached.stamp === stamp) return cached;
    let result: ConfigFile;
    try {
      result = configFromText(file, readRegularFile(real).toString('utf8'), stamp);
    } catch (e) {
      result = e instanceof NotRegularFile ? unusableConfig(file, describeKind(e.kind, 'config file'), true) : unusableConfig(file, `cannot read config (${describeError(e)})`);
    }
    this.parsedConfigs.set(file, result);
    return result;
  }

  /** The ignore sources that apply to entries of `dir`: `--config`'s or every `.charterrc` from the root down, then `--ignore`. */
  private ignoresOf(dir: string, root: CharterRoot): CompiledIgnores[] {
    const key = `${root.dir}\0${dir}`;
    const known = this.options.stable ? this.folderIgnores.get(key) : undefined;
    if (known) return known;
    const configs = this.explicitConfig !== undefined ? [this.explicit()] : this.configForSync(path.join(dir, '_'), root).chain;
    const sources = configs.map((c) => this.compile(c)).filter((c): c is CompiledIgnores => c !== undefined);
    if (this.cliIgnores) sources.push(this.cliIgnores);
    if (this.options.stable) this.folderIgnores.set(key, sources);
    return sources;
  }

  private compile(config: ConfigFile): CompiledIgnores | undefined {
    const known = this.compiled.get(config.stamp);
    if (known !== undefined) return known ?? undefined;
    const ignores = config.config?.ignores;
    const compiled = Array.isArray(ignores) ? compileIgnores({ base: path.dirname(config.path), patterns: ignores, name: config.path }) : undefined;
    this.compiled.set(config.stamp, compiled ?? null);
    return compiled;
  }

  private realRoot(root: CharterRoot): string {
    let real = this.realRoots.get(root.dir);
    if (real === undefined) {
      real = realPathOf(root.dir) ?? root.dir;
      this.realRoots.set(root.dir, real);
    }
    return real;
  }

  /** A config in any governing folder that is a folder, FIFO or device: the CLI stops before anything else. */
  static fatalIn(config: GoverningConfig): ConfigFile | undefined {
    return config.chain.find((c) => c.fatal) ?? (config.rules?.fatal ? config.rules : undefined);
  }
}

function toSlash(p: string): string {
  return p.split(path.sep).join('/');
}

export { HostError };
