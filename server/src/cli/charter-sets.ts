// The CLI's PATH arguments → charter sets, one per root (rules.md "Root"), through the host. Says
// what to tell the user: a PATH that does not exist or a named folder without charters stops the
// command (exit 2); ignored charters named by the user get a notice; bad files come back as skipped.
import path from 'node:path';
import type { CharterEntry, CharterListing, GoverningConfig, SkippedFile } from '../host/host';
import type { NodeHost } from '../host/node-host';
import { lstatOf } from '../host/node-files';

/** A PATH that cannot be linted at all: the command stops with exit 2. */
export class DiscoveryError extends Error {}

export interface CharterSets {
  /** One listing per root, in the order their first PATH was given. */
  listings: CharterListing[];
  /** Lines for stderr that do not change the exit status (ignored charters the user named). */
  notices: string[];
}

/**
 * Groups the PATHs by root and lists each root's charters. `whole`: every charter of each root
 * (the organisation set), the asked ones marked; otherwise only what the PATHs name.
 */
export async function chartersOf(host: NodeHost, paths: readonly string[], cwd: string, whole = false, verb = 'linted'): Promise<CharterSets> {
  const groups = new Map<string, { root: Awaited<ReturnType<NodeHost['rootOf']>>; asked: string[] }>();
  for (const arg of paths) {
    const abs = path.resolve(cwd, arg);
    if (!lstatOf(abs)) throw new DiscoveryError(`${arg}: no such file or directory`);
    const root = await host.rootOf(abs);
    const group = groups.get(root.dir) ?? { root, asked: [] };
    group.asked.push(abs);
    groups.set(root.dir, group);
  }
  const listings: CharterListing[] = [];
  const notices: string[] = [];
  const seen = new Set<string>();
  for (const { root, asked } of groups.values()) {
    const listing = await host.listCharters(root, { asked, whole });
    if (listing.empty.length) throw new DiscoveryError(`no charter files found in ${displayArg(listing.empty[0], cwd, paths)}`);
    for (const { path: p, by } of listing.ignored) {
      const what = lstatOf(p)?.isDirectory() ? 'every charter in it is ignored' : 'ignored';
      notices.push(`${displayPath(p, cwd)}: ${what} (by ${by === '--ignore' ? '--ignore' : displayPath(by, cwd)}); not ${verb}`);
    }
    // PATHs of nested roots may name the same file twice: each file is listed once.
    listing.charters = listing.charters.filter((c) => !seen.has(c.path) && seen.add(c.path));
    listings.push(listing);
  }
  return { listings, notices };
}

/** The charters to lint, sorted by their path as shown. */
export function askedCharters(listings: readonly CharterListing[], cwd: string): Array<CharterEntry & { listing: CharterListing; shown: string }> {
  return listings
    .flatMap((listing) => listing.charters.filter((c) => c.asked).map((c) => ({ ...c, listing, shown: displayPath(c.path, cwd) })))
    .sort((a, b) => comparePathsShown(a.shown, b.shown));
}

/** Paths as shown, compared folder by folder (so `a/b` sorts with `a/`, not after `a-c`). */
export function comparePathsShown(a: string, b: string): number {
  const [pa, pb] = [a.split('/'), b.split('/')];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  return pa.length - pb.length;
}

/** One line per problem of the configs that govern a charter, each naming its file as shown. */
export function configMessages(config: GoverningConfig, cwd: string): { fatal: string[]; errors: string[]; problems: string[] } {
  const out = { fatal: [] as string[], errors: [] as string[], problems: [] as string[] };
  const files = [...config.chain, ...(config.rules && !config.chain.includes(config.rules) ? [config.rules] : [])];
  for (const file of files) {
    const name = displayOutside(file.path, cwd);
    if (file.error !== undefined) (file.fatal ? out.fatal : out.errors).push(`${name}: ${file.error}`);
    for (const problem of file.problems) out.problems.push(`${name}: ${problem}`);
  }
  return out;
}

export function skippedLine(s: SkippedFile, cwd: string): string {
  return `${displayPath(s.path, cwd)}: ${s.reason}`;
}

/** Relative to the current folder, `/`-separated (the file's name when it is the current folder itself). */
export function displayPath(abs: string, cwd: string): string {
  return (path.relative(cwd, abs) || path.basename(abs)).split(path.sep).join('/');
}

/** Relative to the current folder when inside it, else absolute (a config named anywhere: `/dev/zero`). */
export function displayOutside(abs: string, cwd: string): string {
  const shown = displayPath(abs, cwd);
  return shown === '..' || shown.startsWith('../') ? abs.split(path.sep).join('/') : shown;
}

/** A named PATH as the user wrote it, when one resolves to `abs`. */
function displayArg(abs: string, cwd: string, paths: readonly string[]): string {
  return paths.find((p) => path.resolve(cwd, p) === abs) ?? displayPath(abs, cwd);
}
