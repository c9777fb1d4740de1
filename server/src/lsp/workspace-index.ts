// The charter sets of the workspace, for the organisation rules in the editor: per root (rules.md
// "Root"), every charter's summary, worked out from its analysis (open documents as edited, the
// others from disk through the host, without opening them), and the organisation findings over
// them. A summary is recomputed only when its charter changes; a keystroke re-summarises one file
// and never re-reads the repository. Charters that are not open keep only their text and summary
// (their analyses would be most of the server's memory); a full analysis is made again when asked.
// An edit that only moves things in the charter moves its organisation findings with them
// (org/remap.ts) instead of running the organisation rules again.
import type { Analysis, AnalyzeOptions } from '../lint';
import { analyze, withSetFindings } from '../lint';
import type { CharterConfig, Finding } from '../engine/model';
import type { CharterSummary } from '../engine/charter-set';
import type { CharterHost, CharterRoot } from '../host/host';
import { summarize } from '../org/summary';
import { checkOrganisation } from '../org/run';
import { movedFindings, movedRanges } from '../org/remap';
import type { OrganisationResult } from '../org/run';

/** How long a listing of a root is trusted when the client sends no file events. */
export const RELIST_MS = 5000;
const BACKGROUND_DELAY_MS = 50;
/** Charters in one root from which the set is steady work over a large heap (ServerPlatform.manyCharters). */
const MANY_CHARTERS = 20;

export interface IndexedCharter {
  path: string;
  uri: string;
  /** Path relative to the root, `/`-separated. */
  rel: string;
  /** Its full analysis: the open document's, or (not open) the disk text analysed again, not kept. */
  analysis(): Analysis;
  summary: CharterSummary;
  /** The options it was analysed with (its config, with the editor's rule settings on top). */
  options: AnalyzeOptions;
  /** True while an open document's text is what was analysed. */
  open: boolean;
  /** Characters in the text analysed (to tell a charter above the size limit). */
  size: number;
  /** Changes whenever what was analysed or its options change (a charter read again from disk counts as new). */
  stamp: string;
}

export interface IndexOptions {
  host(): CharterHost;
  uriOf(path: string): string;
  /** Lint options for a charter that is not open (its config, the editor's rule settings, today). */
  optionsFor(path: string, root: CharterRoot): Promise<{ options: AnalyzeOptions; key: string }>;
  log(message: string): void;
  /** Called per charter read from a root that lists many (ServerPlatform.manyCharters). */
  manyCharters?(): void;
  /** True when the client sends file events (then a listing is kept until an event). */
  watching(): boolean;
  /** A background re-listing (no file events) found charters or the root config changed on disk. */
  changedInBackground?(root: RootIndex): void;
}

interface DiskEntry {
  text: string;
  key: string;
  summary: CharterSummary;
  options: AnalyzeOptions;
  /** Bumps per read that changed the entry. */
  version: number;
}

interface OpenEntry {
  analysis: Analysis;
  summary: CharterSummary;
  options: AnalyzeOptions;
  /** The options' key (config stamp, rule settings, today), when known. */
  key: string | undefined;
  version: number;
}

let entryVersions = 0;

/** One root's set: what is on disk, what is open, and the organisation findings over both. */
class RootIndex {
  private listed: string[] | undefined;
  private listedAt = 0;
  private readonly disk = new Map<string, DiskEntry>();
  private readonly open = new Map<string, OpenEntry>();
  private rootConfig: CharterConfig | undefined;
  private rootConfigKey = '';
  private result: OrganisationResult | undefined;
  private relisting: Promise<void> | undefined;
  /** Counts changes read from disk (charters, the root config). */
  private diskChanges = 0;
  /** Bumps whenever a summary or the root config changes. */
  generation = 0;

  constructor(
    readonly root: CharterRoot,
    private readonly opts: IndexOptions,
  ) {}

  rel(path: string): string {
    const dir = this.root.dir.endsWith('/') ? this.root.dir : this.root.dir + '/';
    return (path.startsWith(dir) ? path.slice(dir.length) : path).split('\\').join('/');
  }

  /**
   * Re-lists the root when it was never listed or when asked to; without file events, also every
   * RELIST_MS, in the background: the request that notices goes on with what is known (re-reading
   * the repository would stall a keystroke), and `changedInBackground` tells when the set changed.
   */
  async refresh(force = false): Promise<void> {
    if (!this.listed || force) return this.relist();
    if (this.relisting || this.opts.watching() || Date.now() - this.listedAt <= RELIST_MS) return;
    const before = this.diskChanges;
    this.relisting = this.relist(true)
      .then(() => {
        if (this.diskChanges !== before) this.opts.changedInBackground?.(this);
      })
      .catch((e) => this.opts.log(`re-reading ${this.root.dir} failed: ${(e as Error)?.stack ?? e}`))
      .finally(() => {
        this.relisting = undefined;
      });
  }

  /** `background`: let other messages in between two files (the host reads files synchronously inside its promises). */
  private async relist(background = false): Promise<void> {
    // In the background: once the request that noticed has been answered (the JSON-RPC writer
    // writes on a later turn, and the listing is one synchronous walk of the root).
    if (background) await new Promise<void>((resolve) => setTimeout(resolve, BACKGROUND_DELAY_MS));
    const host = this.opts.host();
    const listing = await host.listCharters(this.root, {});
    this.listed = listing.charters.map((c) => c.path);
    this.listedAt = Date.now();
    const keep = new Set(this.listed);
    for (const path of [...this.disk.keys()]) if (!keep.has(path)) this.forgetDisk(path);
    const governing = await host.configFor(`${this.root.dir}/.charterrc.yaml`, this.root);
    const key = governing.stamp;
    if (key !== this.rootConfigKey) {
      this.rootConfigKey = key;
      this.rootConfig = governing.rules?.config;
      this.diskChanges++;
      this.changed();
    }
    const many = this.listed.length >= MANY_CHARTERS;
    for (const path of this.listed) {
      if (background) await new Promise<void>((resolve) => setImmediate(resolve));
      if (many) this.opts.manyCharters?.();
      if (!this.open.has(path)) await this.readDisk(path);
    }
  }

  /** A charter that is not open, analysed from disk again when its text or options changed. */
  private async readDisk(path: string): Promise<void> {
    const read = await this.opts.host().readCharter(path, this.root, false);
    if (read.skipped) {
      this.forgetDisk(path);
      return;
    }
    const { options, key } = await this.opts.optionsFor(path, this.root);
    const known = this.disk.get(path);
    if (known && known.text === read.file.text && known.key === key) return;
    try {
      const analysis = analyze(read.file.text, options);
      this.disk.set(path, { text: read.file.text, key, summary: summarize(this.rel(path), analysis), options, version: ++entryVersions });
      this.diskChanges++;
      this.changed();
    } catch (e) {
      this.opts.log(`indexing ${path} failed: ${(e as Error)?.stack ?? e}`);
    }
  }

  private forgetDisk(path: string): void {
    if (!this.disk.delete(path)) return;
    this.diskChanges++;
    this.changed();
  }

  /**
   * An open charter's current analysis (summarised again only when the analysis is a new one).
   * `key` identifies the options (config and rule settings); without one the rules always run again.
   */
  setOpen(path: string, analysis: Analysis, options: AnalyzeOptions, key?: string): void {
    const known = this.open.get(path);
    if (known?.analysis === analysis) return;
    const rel = this.rel(path);
    const summary = summarize(rel, analysis);
    const before = known ?? this.disk.get(path);
    this.open.set(path, { analysis, summary, options, key, version: ++entryVersions });
    if (this.result && before && key !== undefined && before.key === key) {
      const moves = movedRanges(before.summary, summary);
      const findings = moves && movedFindings(this.result.findings, rel, moves);
      if (findings) {
        // Same findings, other places: the other open charters' related places into this one moved too.
        this.generation++;
        this.result = { findings, notRun: this.result.notRun };
        return;
      }
    }
    this.changed();
  }

  /** The document was closed: the file on disk counts again (read on the next refresh). */
  async close(path: string): Promise<void> {
    if (!this.open.delete(path)) return;
    this.changed();
    if (this.listed?.includes(path)) await this.readDisk(path);
  }

  /** A file event for one charter: read it again, or forget it. */
  async fileChanged(path: string, deleted: boolean): Promise<void> {
    if (deleted) {
      this.forgetDisk(path);
      if (this.listed) this.listed = this.listed.filter((p) => p !== path);
      return;
    }
    if (this.listed && !this.listed.includes(path)) {
      await this.refresh(true);
      return;
    }
    if (!this.open.has(path)) await this.readDisk(path);
  }

  /** A config changed: every analysis may differ. */
  async configChanged(): Promise<void> {
    this.disk.clear();
    this.rootConfigKey = '';
    this.changed();
    await this.refresh(true);
  }

  private changed(): void {
    this.generation++;
    this.result = undefined;
  }

  /** Every charter of the set: the open ones as edited, the others as on disk. */
  charters(): IndexedCharter[] {
    const out: IndexedCharter[] = [];
    const paths = new Set([...(this.listed ?? []), ...this.open.keys()]);
    for (const path of paths) {
      const open = this.open.get(path);
      if (open) {
        const { analysis, summary, options } = open;
        out.push({ path, uri: this.opts.uriOf(path), rel: this.rel(path), analysis: () => analysis, summary, options, open: true, size: analysis.model.text.length, stamp: `open ${open.version}` });
        continue;
      }
      const disk = this.disk.get(path);
      if (!disk) continue;
      const { text, summary, options } = disk;
      out.push({ path, uri: this.opts.uriOf(path), rel: this.rel(path), analysis: () => analyze(text, options), summary, options, open: false, size: text.length, stamp: `disk ${disk.version}` });
    }
    return out;
  }

  organisation(): OrganisationResult {
    if (this.result) return this.result;
    const charters = this.charters();
    const configs = new Map(charters.map((c) => [c.rel, c.options.config]));
    return (this.result = checkOrganisation(
      charters.map((c) => c.summary),
      { rootConfig: this.rootConfig, configOf: (rel) => configs.get(rel) },
    ));
  }

  /** The organisation findings of one charter, related places in other charters named by URI. */
  findingsOf(path: string): Finding[] {
    const rel = this.rel(path);
    const uriOfRel = (r: string) => this.opts.uriOf(`${this.root.dir}/${r}`);
    return (this.organisation().findings.get(rel) ?? []).map((f) =>
      f.related ? { ...f, related: f.related.map((r) => (r.file === undefined ? r : { ...r, file: uriOfRel(r.file) })) } : f,
    );
  }
}

export class WorkspaceIndex {
  private readonly roots = new Map<string, RootIndex>();
  private readonly rootOfPath = new Map<string, string>();

  constructor(private readonly opts: IndexOptions) {}

  /**
   * The set a charter belongs to, listed and indexed (the first call reads the whole root);
   * `refresh: false` only finds it.
   */
  async rootIndexOf(path: string, refresh = true): Promise<RootIndex> {
    let dir = this.rootOfPath.get(path);
    if (dir === undefined) {
      dir = (await this.opts.host().rootOf(path)).dir;
      this.rootOfPath.set(path, dir);
    }
    let index = this.roots.get(dir);
    if (!index) {
      index = new RootIndex(await this.opts.host().rootOf(path), this.opts);
      this.roots.set(dir, index);
    }
    if (refresh) await index.refresh();
    return index;
  }

  /** Every root indexed so far. */
  all(): RootIndex[] {
    return [...this.roots.values()];
  }

  /**
   * An open charter's analysis with its organisation findings added (suppressions apply to them);
   * the index learns the open text's summary on the way.
   */
  async withOrganisation(path: string, analysis: Analysis, options: AnalyzeOptions, key?: string): Promise<{ analysis: Analysis; generation: number }> {
    // Open before the listing, which analyses every charter that is not open: this one's text is here.
    const root = await this.rootIndexOf(path, false);
    root.setOpen(path, analysis, options, key);
    await root.refresh();
    const result = root.organisation();
    return { analysis: withSetFindings(analysis, root.findingsOf(path), result.notRun, options), generation: root.generation };
  }

  async closed(path: string): Promise<void> {
    const dir = this.rootOfPath.get(path);
    const root = dir === undefined ? undefined : this.roots.get(dir);
    await root?.close(path);
  }

  /** A charter was created, changed or deleted on disk. */
  async fileChanged(path: string, deleted: boolean): Promise<void> {
    for (const root of this.roots.values()) if (path.startsWith(root.root.dir)) await root.fileChanged(path, deleted);
  }

  /** A `.charterrc.*` changed: every root re-reads its configs and charters. */
  async configChanged(): Promise<void> {
    for (const root of this.roots.values()) await root.configChanged();
  }

  /** Forgets everything (the organisation view was turned off, or the folders changed). */
  clear(): void {
    this.roots.clear();
    this.rootOfPath.clear();
  }
}

export type { RootIndex };
