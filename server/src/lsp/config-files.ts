// Finds the `.charterrc.*` for each charter (nearest upwards, stopping at the document's workspace
// folder) and caches parsed files by mtime. Every validation re-checks with a few stat calls, so a
// created, edited or deleted config is noticed even by clients that send no file events.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkConfig } from '../engine/config';
import type { CharterConfig } from '../engine/model';
import { findConfigFile, readConfigFile } from '../node/config-lookup';
import { rules } from '../lint';

export interface ConfigLookup {
  /** The config file that applies, if any. */
  file?: string;
  /** Parsed config; undefined when there is none or it could not be read. */
  config?: CharterConfig;
  /** Why the file could not be used at all (unreadable, not YAML/JSON, not a map). */
  error?: string;
  /** Problems in a config that still parsed (unknown rule ids, bad severities). */
  problems: string[];
  /** Changes whenever the file's content may have changed (part of the analysis cache key). */
  stamp: string;
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  result: ConfigLookup;
}

export class ConfigFiles {
  private folders: string[] = [];
  private readonly parsed = new Map<string, CachedFile>();

  /** Workspace folders as file-system paths, deepest first (the innermost folder is the stop). */
  setWorkspaceFolders(uris: string[]): void {
    this.folders = uris
      .map(fsPathOf)
      .filter((p): p is string => p !== undefined)
      .sort((a, b) => b.length - a.length);
  }

  addWorkspaceFolders(added: string[], removed: string[]): void {
    const gone = new Set(removed.map(fsPathOf));
    const current = this.folders.filter((f) => !gone.has(f));
    const extra = added.map(fsPathOf).filter((p): p is string => p !== undefined);
    this.setWorkspaceFolders([...current, ...extra].map((p) => pathToFileURL(p).toString()));
  }

  /** Forget parsed files (a watcher saw a change). */
  invalidate(): void {
    this.parsed.clear();
  }

  lookup(documentUri: string): ConfigLookup {
    const file = fsPathOf(documentUri);
    if (file === undefined) return { problems: [], stamp: 'none' };
    const found = findConfigFile(file, this.workspaceFolderOf(file));
    if (!found) return { problems: [], stamp: 'none' };
    let stat: fs.Stats;
    try {
      stat = fs.statSync(found);
    } catch {
      return { problems: [], stamp: 'none' };
    }
    const cached = this.parsed.get(found);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.result;
    const stamp = `${found}@${stat.mtimeMs}:${stat.size}`;
    let result: ConfigLookup;
    try {
      const config = readConfigFile(found);
      result = { file: found, config, problems: checkConfig(config, rules), stamp };
    } catch (e) {
      result = { file: found, error: (e as Error).message, problems: [], stamp };
    }
    this.parsed.set(found, { mtimeMs: stat.mtimeMs, size: stat.size, result });
    return result;
  }

  workspaceFolderOf(file: string): string | undefined {
    return this.folders.find((folder) => isInside(file, folder));
  }
}

export function fsPathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? path.resolve(fileURLToPath(uri)) : undefined;
  } catch {
    return undefined;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
