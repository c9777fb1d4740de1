// Reads the charter sets a command works on, through the host: every charter of each root (the
// organisation set) or only the asked ones (`--no-org`), each with the config that governs it, and
// the root's own config (which organisation rules run, with which options). Bad files and config
// problems come back as lines for the front end to show; nothing here prints.
import path from 'node:path';
import type { CharterConfig } from '../engine/model';
import { analyze } from '../lint';
import type { Analysis, AnalyzeOptions } from '../lint';
import { checkSet } from '../org/check-set';
import type { CharterRoot, CharterText } from '../host/host';
import type { NodeHost } from '../host/node-host';
import { DiscoveryError, askedCharters, chartersOf, configMessages, displayPath, skippedLine } from './charter-sets';
import { HostError } from '../host/host';
import type { SkippedReport } from './formats/lint-report';

export interface LoadedCharter {
  abs: string;
  /** Path relative to the root, `/`-separated: the charter's name inside its set. */
  rel: string;
  /** As shown to the user (relative to the current folder). */
  shown: string;
  asked: boolean;
  file: CharterText;
  config?: CharterConfig;
}

export interface LoadedSet {
  root: CharterRoot;
  /** The root's own config (or `--config`): which organisation rules run, with which options. */
  rootConfig?: CharterConfig;
  charters: LoadedCharter[];
  /** A link's path ↔ its target's path (root-relative), so `team.parent` may name either. */
  aliases: Map<string, string>;
}

export interface LoadedSets {
  sets: LoadedSet[];
  skipped: SkippedReport[];
  /** Stop at once (exit 2): a config that is a folder, FIFO or device, or a broken config. */
  configFailures: string[];
  /** Exit 2 after reporting: an asked file that could not be read. */
  problems: string[];
  /** Lines for stderr that do not change the exit status. */
  notices: string[];
}

/** `whole`: read every charter of each root (organisation rules on); otherwise only the asked ones. */
/** `verb`: what an ignored charter the user named is not (`linted`, `drawn`), for its notice. */
export async function loadSets(host: NodeHost, paths: readonly string[], cwd: string, whole: boolean, verb = 'linted'): Promise<LoadedSets> {
  const found = await chartersOf(host, paths, cwd, whole, verb);
  const out: LoadedSets = { sets: [], skipped: [], configFailures: [], problems: [], notices: [...found.notices] };
  const fatal = new Set<string>();
  const broken = new Set<string>();
  const askedOrder = new Map(askedCharters(found.listings, cwd).map((c, i) => [c.path, i]));

  for (const listing of found.listings) {
    for (const s of listing.skipped) {
      out.skipped.push({ path: displayPath(s.path, cwd), reason: s.reason });
      (s.asked ? out.problems : out.notices).push(skippedLine(s, cwd));
    }
    const root = listing.root;
    const rel = (abs: string) => path.relative(root.dir, abs).split(path.sep).join('/');
    const set: LoadedSet = { root, charters: [], aliases: new Map() };
    const rootGoverning = await host.configFor(path.join(root.dir, '.charterrc.yaml'), root);
    set.rootConfig = rootGoverning.rules?.config;
    for (const entry of listing.charters) {
      if (!whole && !entry.asked) continue;
      const governing = await host.configFor(entry.path, root);
      // Only the configs of charters the user asked about can stop the run.
      if (entry.asked) {
        const messages = configMessages(governing, cwd);
        for (const line of messages.fatal) fatal.add(line);
        for (const line of [...messages.errors, ...messages.problems]) broken.add(line);
      }
      const read = await host.readCharter(entry.path, root, entry.asked);
      if (read.skipped) {
        out.skipped.push({ path: displayPath(entry.path, cwd), reason: read.skipped.reason });
        (entry.asked ? out.problems : out.notices).push(`${displayPath(entry.path, cwd)}: ${read.skipped.reason}`);
        continue;
      }
      const target = entry.target;
      if (entry.link && target) {
        set.aliases.set(rel(target), rel(entry.path));
        set.aliases.set(rel(entry.path), rel(target));
      }
      set.charters.push({ abs: entry.path, rel: rel(entry.path), shown: displayPath(entry.path, cwd), asked: entry.asked, file: read.file, config: governing.rules?.config });
    }
    // The asked charters first, in the order they are shown; the rest of the set after them.
    set.charters.sort((a, b) => (askedOrder.get(a.abs) ?? Number.MAX_SAFE_INTEGER) - (askedOrder.get(b.abs) ?? Number.MAX_SAFE_INTEGER));
    out.sets.push(set);
  }
  out.configFailures = [...(fatal.size ? fatal : broken)];
  return out;
}

/**
 * `loadSets` for a command: a root or discovery error, or any config that cannot be used (a folder,
 * FIFO or device, or a broken one), is said through `fail` and gives exit status 2 before anything
 * is checked or written, like ESLint; the notices (skipped files) are said and the sets returned.
 */
export async function loadSetsForCommand(host: NodeHost, paths: readonly string[], cwd: string, whole: boolean, fail: (message: string) => void, verb?: string): Promise<LoadedSets | 2> {
  let loaded: LoadedSets;
  try {
    loaded = await loadSets(host, paths, cwd, whole, verb);
  } catch (e) {
    if (!(e instanceof DiscoveryError || e instanceof HostError)) throw e;
    fail(e.message);
    return 2;
  }
  if (loaded.configFailures.length) {
    for (const line of loaded.configFailures) fail(line);
    return 2;
  }
  for (const notice of loaded.notices) fail(notice);
  return loaded;
}

export interface SetCheckOptions extends Omit<AnalyzeOptions, 'config' | 'previous'> {
  /** Organisation rules on (the whole set was loaded). */
  org: boolean;
  cwd: string;
}

/**
 * The analysis of every asked charter of a set (by absolute path): with organisation rules, over the
 * whole set (texts in `overrides` win, e.g. fixed texts); related places in other charters name them
 * as shown to the user. Without, each asked charter alone.
 */
export function analyseSet(set: LoadedSet, options: SetCheckOptions, overrides?: ReadonlyMap<string, string>): Map<string, Analysis> {
  const { org, cwd, ...analyzeOptions } = options;
  const text = (c: LoadedCharter) => overrides?.get(c.abs) ?? c.file.text;
  const out = new Map<string, Analysis>();
  if (!org) {
    for (const c of set.charters) if (c.asked) out.set(c.abs, analyze(text(c), { ...analyzeOptions, config: c.config }));
    return out;
  }
  const byRel = new Map(set.charters.map((c) => [c.rel, c]));
  const checked = checkSet(
    set.charters.map((c) => ({ file: c.rel, text: text(c), config: c.config })),
    { ...analyzeOptions, rootConfig: set.rootConfig, aliases: set.aliases },
  );
  const shown = (rel: string) => displayPath(path.join(set.root.dir, ...rel.split('/')), cwd);
  for (const { file, analysis } of checked) {
    const charter = byRel.get(file)!;
    if (!charter.asked) continue;
    for (const f of analysis.findings) if (f.related) f.related = f.related.map((r) => (r.file === undefined ? r : { ...r, file: shown(r.file) }));
    out.set(charter.abs, analysis);
  }
  return out;
}
