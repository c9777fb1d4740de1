// The config that governs each charter, through the host (the same lookup as the CLI: nearest
// `.charterrc.*` up to the charter's root, a `.git` folder's or else its workspace folder), shown
// the editor's way: one ConfigLookup per document, turned into a diagnostic by diagnostics.ts. The
// host re-checks files with a few stat calls per validation and keeps parsed files while unchanged,
// so a created, edited or deleted config is noticed even by clients that send no file events.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CharterConfig } from '../engine/model';
import type { CharterHost, ConfigFile } from '../host/host';
import { NodeHost } from '../host/node-host';

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
  private host: CharterHost = new NodeHost({ workspaceFolders: [] });

  /** Workspace folders (URIs): the root of a charter outside any repository. */
  setWorkspaceFolders(uris: string[]): void {
    this.folders = uris.map(fsPathOf).filter((p): p is string => p !== undefined);
    this.host = new NodeHost({ workspaceFolders: this.folders });
  }

  addWorkspaceFolders(added: string[], removed: string[]): void {
    const gone = new Set(removed.map(fsPathOf));
    const current = this.folders.filter((f) => !gone.has(f));
    const extra = added.map(fsPathOf).filter((p): p is string => p !== undefined);
    this.setWorkspaceFolders([...current, ...extra].map((p) => pathToFileURL(p).toString()));
  }

  /** Forget parsed files (a watcher saw a change). */
  invalidate(): void {
    this.host = new NodeHost({ workspaceFolders: this.folders });
  }

  /** The host the lookups go through (replaced when configs or folders change). */
  currentHost(): CharterHost {
    return this.host;
  }

  /** The folder that bounds a charter's set (rules.md "Root"), as a file-system path. */
  async rootDirOf(file: string): Promise<string> {
    return (await this.host.rootOf(file)).dir;
  }

  async lookup(documentUri: string): Promise<ConfigLookup> {
    const file = fsPathOf(documentUri);
    if (file === undefined) return { problems: [], stamp: 'none' };
    const host = this.host;
    const root = await host.rootOf(file);
    const governing = await host.configFor(file, root);
    const rules = governing.rules;
    const ignoredBy = await host.ignoredBy(file, root);
    if (ignoredBy) return { problems: [], stamp: governing.stamp, ignoredBy };
    // A config higher up whose ignores cannot be read counts as much as the nearest one.
    const broken: ConfigFile | undefined = rules?.error !== undefined ? rules : governing.chain.find((c) => c.error !== undefined);
    if (broken) return { file: broken.path, uri: pathToFileURL(broken.path).toString(), error: `${broken.path}: ${broken.error}`, problems: [], stamp: governing.stamp };
    if (!rules) return { problems: [], stamp: governing.stamp };
    return { file: rules.path, uri: pathToFileURL(rules.path).toString(), config: rules.config, problems: governing.chain.flatMap((c) => c.problems), stamp: governing.stamp };
  }
}

export function fsPathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? path.resolve(fileURLToPath(uri)) : undefined;
  } catch {
    return undefined;
  }
}
