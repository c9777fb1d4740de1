// Which files `lint` checks: explicit files whatever their name; folders searched recursively for
// charter file names, skipping node_modules and .git, following symlinked folders once each (so a
// link back up the tree cannot loop).
import fs from 'node:fs';
import path from 'node:path';

export const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const CHARTER_NAME = /^(team-charter|.+\.charter)\.ya?ml$/;

export function isCharterFileName(name: string): boolean {
  return CHARTER_NAME.test(name);
}

export interface Discovery {
  /** Absolute paths, sorted by their path relative to cwd, each real file once. */
  files: string[];
  /** Folders that could not be read during the search (one-line messages). */
  problems: string[];
}

/** A path argument that cannot be linted at all: the command stops with exit 2. */
export class DiscoveryError extends Error {}

export function discoverCharters(paths: string[], cwd: string): Discovery {
  const found: string[] = [];
  const problems: string[] = [];
  for (const arg of paths) {
    const abs = path.resolve(cwd, arg);
    const stat = statOrUndefined(abs);
    if (!stat) {
      // A dangling symlink exists but cannot be read: it is linted, and reading reports it.
      if (lstatOrUndefined(abs)) found.push(abs);
      else throw new DiscoveryError(`${arg}: no such file or directory`);
      continue;
    }
    if (stat.isDirectory()) {
      const before = found.length;
      const problemsBefore = problems.length;
      // Each argument gets its own visited set: `lint . sub` must still find sub's charters.
      walk(abs, new Set(), found, problems, cwd);
      if (found.length === before && problems.length === problemsBefore) throw new DiscoveryError(`no charter files found in ${arg}`);
    } else {
      found.push(abs);
    }
  }
  return { files: uniqueSorted(found, cwd), problems };
}

function walk(dir: string, visited: Set<string>, out: string[], problems: string[], cwd: string): void {
  let real: string;
  let entries: fs.Dirent[];
  try {
    real = fs.realpathSync(dir);
    if (visited.has(real)) return;
    visited.add(real);
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push(`${path.relative(cwd, dir).split(path.sep).join('/') || '.'}: cannot read folder (${errorCode(e)})`);
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, visited, out, problems, cwd);
    } else if (entry.isSymbolicLink()) {
      const target = statOrUndefined(full);
      if (target?.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, visited, out, problems, cwd);
      } else if (isCharterFileName(entry.name)) {
        out.push(full); // a dangling link with a charter name is reported when it cannot be read
      }
    } else if (entry.isFile() && isCharterFileName(entry.name)) {
      out.push(full);
    }
  }
}

/** Sorted by relative path, segment by segment (a folder's files stay together); duplicates of one real file dropped. */
function uniqueSorted(files: string[], cwd: string): string[] {
  const keyed = files.map((f) => ({ f, rel: path.relative(cwd, f).split(path.sep).join('/') }));
  keyed.sort((a, b) => comparePaths(a.rel, b.rel));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { f } of keyed) {
    let real = f;
    try {
      real = fs.realpathSync(f);
    } catch {
      // unreadable: keep it under its own name so reading reports it
    }
    if (seen.has(real)) continue;
    seen.add(real);
    out.push(f);
  }
  return out;
}

/** Orders `/`-separated paths segment by segment, so a folder's files stay together. */
export function comparePaths(a: string, b: string): number {
  const [pa, pb] = [a.split('/'), b.split('/')];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  return pa.length - pb.length;
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}

export function errorCode(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ?? String(err?.message ?? e).split('\n')[0];
}
