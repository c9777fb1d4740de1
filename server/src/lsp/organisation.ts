// The organisation view in the language server: the workspace index wired to the open charters,
// the file events and the "check all charters" mode. When one charter's summary changes, the open
// charters of the same set are checked again (their organisation findings may have changed); in
// check-all mode every charter of the set is published, open or not (a closed one again only when
// its text or its organisation findings changed: publishing it means analysing it again).
import type { Connection, Diagnostic, FileEvent } from 'vscode-languageserver/node';
import { FileChangeType } from 'vscode-languageserver/node';
import type { Analysis } from '../lint';
import { withSetFindings } from '../lint';
import type { Charters } from './charters';
import type { AnalysisOptions } from './analyzer';
import { todayString } from './analyzer';
import { toDiagnostic, withData } from '../service/diagnostics';
import { isCharterUri } from './protocol';
import { applyRuleOverrides } from './settings';
import { WorkspaceIndex } from './workspace-index';
import { partyWeight } from '../org/weight';
import type { PartyWeight } from '../org/weight';
import type { IndexedCharter, RootIndex } from './workspace-index';

export interface OrganisationHooks {
  /** Ask for an open charter to be checked (and published) again. */
  revalidate(uri: string): void;
  /** Publish diagnostics for a charter that is not open. */
  publish(uri: string, diagnostics: Diagnostic[]): void;
  log(message: string): void;
}

/** How long the analyses made for the organisation tab are kept after it last asked. */
const TAB_ANALYSES_MS = 60_000;

export function createOrganisation(connection: Connection, charters: Charters, hooks: OrganisationHooks) {
  let watching = false;
  let checkAll = false;
  /** The set generation each open charter was last published with. */
  const published = new Map<string, number>();
  /** Charters published in check-all mode that are not open → what they were published from. */
  const publishedClosed = new Map<string, string>();
  // Per open charter, its last analysis, the set generation it was finished at and the result. A
  // map by URI, not a WeakMap keyed by analyses: V8 lets go of a WeakMap's keys only in full
  // collections, so every keystroke's analysis would outlive the young generation (peak memory).
  const last = new Map<string, { input: Analysis; generation: number; output: Analysis }>();
  // The organisation tab needs every charter's analysis, which the index does not keep: while the
  // tab is in use (it is asked again after each edit), keep the ones made for it, by stamp, and
  // let them go once nobody has asked for a while.
  const tabAnalyses = new Map<string, { stamp: string; analysis: Analysis }>();
  let tabAnalysesTimer: ReturnType<typeof setTimeout> | undefined;
  const analysisForTab = (c: IndexedCharter): Analysis => {
    if (c.open) return c.analysis();
    const hit = tabAnalyses.get(c.path);
    if (hit?.stamp === c.stamp) return hit.analysis;
    const analysis = c.analysis();
    tabAnalyses.set(c.path, { stamp: c.stamp, analysis });
    return analysis;
  };

  const platform = charters.configs.platform;
  const pathOf = (uri: string) => platform.pathOf(uri);
  const index = new WorkspaceIndex({
    host: () => charters.configs.currentHost(),
    uriOf: (path) => platform.uriOf(path),
    manyCharters: platform.manyCharters,
    log: hooks.log,
    watching: () => watching,
    changedInBackground: (root) => void setChanged(root).catch((e) => hooks.log(`publishing after re-reading ${root.root.dir} failed: ${(e as Error)?.stack ?? e}`)),
    async optionsFor(path, root) {
      const uri = platform.uriOf(path);
      const [settings, lookup] = await Promise.all([charters.settings.forDocument(platform.uriOf(root.dir)), charters.configs.lookup(uri)]);
      const today = todayString();
      return {
        options: { config: applyRuleOverrides(lookup.config, settings.rules), today, maxFileSize: settings.maxFileSize },
        key: JSON.stringify([lookup.stamp, settings.rules, settings.maxFileSize, today]),
      };
    },
  });

  charters.organisation = async (uri, analysis, options: AnalysisOptions) => {
    const path = pathOf(uri);
    if (path === undefined) return analysis;
    const root = await index.rootIndexOf(path, false);
    const hit = last.get(uri);
    if (hit && hit.input === analysis && hit.generation === root.generation) return hit.output;
    const result = await index.withOrganisation(path, analysis, options, options.key);
    last.set(uri, { input: analysis, generation: result.generation, output: result.analysis });
    return result.analysis;
  };

  /**
   * After an open charter was published (from `analysis`): the rest of its set, where the
   * organisation findings may have moved, and the charter itself if the set changed meanwhile.
   */
  async function afterPublish(uri: string, analysis: Analysis | undefined): Promise<void> {
    const path = pathOf(uri);
    if (path === undefined) return;
    const root = await index.rootIndexOf(path);
    const made = last.get(uri);
    const generation = analysis && made?.output === analysis ? made.generation : root.generation;
    published.set(uri, generation);
    await setChanged(root, generation === root.generation ? uri : undefined);
  }

  /** The set changed: its open charters published with an older generation are checked again (all but `except`). */
  async function setChanged(root: RootIndex, except?: string): Promise<void> {
    for (const doc of charters.all()) {
      if (doc.uri === except) continue;
      const other = pathOf(doc.uri);
      if (other === undefined || !other.startsWith(root.root.dir)) continue;
      if (published.get(doc.uri) !== root.generation) hooks.revalidate(doc.uri);
    }
    if (checkAll) await publishClosed(root);
  }

  /** Check-all mode: every charter of the set that is not open, with its organisation findings. */
  async function publishClosed(root: RootIndex): Promise<void> {
    const open = new Set(charters.all().map((d) => d.uri));
    const result = root.organisation();
    const notRun = [...result.notRun].sort().join(' ');
    for (const c of root.charters()) {
      if (!isCharterUri(c.uri)) continue;
      if (open.has(c.uri)) {
        // The editor shows the open text's diagnostics now; on close the disk text's are published again.
        publishedClosed.delete(c.uri);
        continue;
      }
      const findings = root.findingsOf(c.path);
      const basis = `${c.stamp}\n${notRun}\n${JSON.stringify(findings)}`;
      if (publishedClosed.get(c.uri) === basis) continue;
      const analysis = withSetFindings(c.analysis(), findings, result.notRun, c.options);
      hooks.publish(c.uri, withData(analysis.findings).map(({ finding, data }) => toDiagnostic(c.uri, finding, data)));
      publishedClosed.set(c.uri, basis);
    }
  }

  return {
    index,
    afterPublish,
    /** Every charter of the set of the charter at `uri`, each with its organisation findings. */
    async setCharters(uri: string): Promise<Array<{ path: string; rel: string; analysis: Analysis; size: number }>> {
      const path = pathOf(uri);
      if (path === undefined) return [];
      const root = await index.rootIndexOf(path);
      const result = root.organisation();
      clearTimeout(tabAnalysesTimer);
      tabAnalysesTimer = setTimeout(() => tabAnalyses.clear(), TAB_ANALYSES_MS);
      (tabAnalysesTimer as { unref?: () => void }).unref?.();
      return root.charters().map((c) => ({ path: c.path, rel: c.rel, size: c.size, analysis: withSetFindings(analysisForTab(c), root.findingsOf(c.path), result.notRun, c.options) }));
    },
    /** How many charters the set of the charter at `uri` has (without analysing them). */
    async setSize(uri: string): Promise<number> {
      const path = pathOf(uri);
      if (path === undefined) return 0;
      return (await index.rootIndexOf(path)).charters().length;
    },
    /** What a party carries across the set of the charter at `uri`. */
    async weightOf(uri: string, party: string): Promise<PartyWeight | undefined> {
      const path = pathOf(uri);
      if (path === undefined) return undefined;
      const root = await index.rootIndexOf(path);
      return partyWeight(root.charters().map((c) => c.summary), party);
    },
    setWatching(value: boolean): void {
      watching = value;
    },
    /** "Check all charters in the workspace": index every workspace folder's sets and publish them all, from now on. */
    async checkAll(folders: string[]): Promise<number> {
      checkAll = true;
      let count = 0;
      for (const folder of folders) {
        const path = pathOf(folder);
        if (path === undefined) continue;
        const root = await index.rootIndexOf(path);
        await root.refresh(true);
        await publishClosed(root);
        count += root.charters().length;
      }
      for (const doc of charters.all()) hooks.revalidate(doc.uri);
      return count;
    },
    /** A charter document was closed: its disk text counts again; in check-all mode it stays published. */
    async closed(uri: string): Promise<boolean> {
      published.delete(uri);
      last.delete(uri);
      publishedClosed.delete(uri);
      const path = pathOf(uri);
      if (path === undefined) return false;
      await index.closed(path);
      for (const root of index.all()) {
        if (!path.startsWith(root.root.dir)) continue;
        for (const doc of charters.all()) hooks.revalidate(doc.uri);
        if (checkAll) await publishClosed(root);
        return checkAll;
      }
      return false;
    },
    /** Charters and configs created, changed or deleted on disk (file events, or a save). */
    async filesChanged(changes: FileEvent[], configChanged: boolean): Promise<void> {
      if (configChanged) await index.configChanged();
      for (const change of changes) {
        const path = pathOf(change.uri);
        if (path === undefined || !isCharterUri(change.uri)) continue;
        await index.fileChanged(path, change.type === FileChangeType.Deleted);
        if (change.type === FileChangeType.Deleted && publishedClosed.delete(change.uri)) hooks.publish(change.uri, []);
      }
      for (const doc of charters.all()) hooks.revalidate(doc.uri);
      if (checkAll) for (const root of index.all()) await publishClosed(root);
    },
    /** A charter was saved (clients without file events): its set is listed and read again. */
    async saved(uri: string): Promise<void> {
      if (watching) return;
      const path = pathOf(uri);
      if (path === undefined) return;
      const root = await index.rootIndexOf(path);
      await root.refresh(true);
    },
    /** The organisation view was turned off, or folders changed: forget the index. */
    reset(): void {
      index.clear();
      published.clear();
      last.clear();
      tabAnalyses.clear();
    },
    connection,
  };
}

export type Organisation = ReturnType<typeof createOrganisation>;
