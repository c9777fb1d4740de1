// The config that governs each charter, through the host (the same lookup as the CLI: nearest
// `.charterrc.*` up to the charter's root, a `.git` folder's or else its workspace folder), shown
// the editor's way: one ConfigLookup per document, turned into a diagnostic by diagnostics.ts. The
// Node host re-checks files with a few stat calls per validation and keeps parsed files while
// unchanged, so a created, edited or deleted config is noticed even by clients that send no file
// events; the client host keeps what it read until a file event or a saved config replaces it.
import type { CharterConfig } from '../engine/model';
import type { CharterHost, ConfigFile } from '../host/host';
import type { ServerPlatform } from './platform';

export interface ConfigLookup {
  /** The config file that applies (or the one that cannot be used), if any. */
  file?: string;
  /** Its URI. */
  uri?: string;
  /** Parsed config; undefined when there is none or it could not be read. */
  config?: CharterConfig;
  /** Why the file could not be used at all (unreadable, not YAML/JSON, not a map, a folder or FIFO). */
  error?: string;
  /** Problems in a config that still parsed (unknown rule ids, bad severities). */
  problems: string[];
  /** Changes whenever the file's content may have changed (part of the analysis cache key). */
  stamp: string;
  /** The config (or `--ignore`) whose `ignores` leave this charter out of its set: it gets no diagnostics. */
  ignoredBy?: string;
}

export class ConfigFiles {
  private folders: string[] = [];
  private host: CharterHost;

  constructor(readonly platform: ServerPlatform) {
    this.host = platform.createHost([]);
  }

  /** Workspace folders (URIs): the root of a charter outside any repository. */
  setWorkspaceFolders(uris: string[]): void {
    this.folders = [...uris];
    this.host = this.platform.createHost(this.folders);
  }

  addWorkspaceFolders(added: string[], removed: string[]): void {
    const gone = new Set(removed);
    this.setWorkspaceFolders([...this.folders.filter((f) => !gone.has(f)), ...added]);
  }

  /** Forget parsed files (a watcher saw a change). */
  invalidate(): void {
    this.host = this.platform.createHost(this.folders);
  }

  /** The host the lookups go through (replaced when configs or folders change). */
  currentHost(): CharterHost {
    return this.host;
  }

  /** The folder that bounds a charter's set (rules.md "Root"), as a host path. */
  async rootDirOf(file: string): Promise<string> {
    return (await this.host.rootOf(file)).dir;
  }

  async lookup(documentUri: string): Promise<ConfigLookup> {
    const file = this.platform.pathOf(documentUri);
    if (file === undefined) return { problems: [], stamp: 'none' };
    const host = this.host;
    const root = await host.rootOf(file);
    const governing = await host.configFor(file, root);
    const rules = governing.rules;
    const ignoredBy = await host.ignoredBy(file, root);
    if (ignoredBy) return { problems: [], stamp: governing.stamp, ignoredBy };
    // A config higher up whose ignores cannot be read counts as much as the nearest one.
    const broken: ConfigFile | undefined = rules?.error !== undefined ? rules : governing.chain.find((c) => c.error !== undefined);
    if (broken) return { file: broken.path, uri: this.platform.uriOf(broken.path), error: `${broken.path}: ${broken.error}`, problems: [], stamp: governing.stamp };
    if (!rules) return { problems: [], stamp: governing.stamp };
    return { file: rules.path, uri: this.platform.uriOf(rules.path), config: rules.config, problems: governing.chain.flatMap((c) => c.problems), stamp: governing.stamp };
  }
}
