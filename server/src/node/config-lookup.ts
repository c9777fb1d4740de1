// Finds the `.charterrc.*` that applies to a charter: from the charter's folder upwards, the
// nearest wins, stopping at the workspace/repository root. File-system code for the adapters
// (CLI, language server); the engine only ever sees the parsed data.
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES, parseConfigText } from '../engine/config';
import type { CharterConfig } from '../engine/model';

export interface FoundConfig {
  file: string;
  config: CharterConfig;
}

/**
 * The nearest config file for `charterPath`, searching its folder and each parent up to and
 * including `stopAt` (or the first folder holding `.git`, or the file-system root).
 * Throws with a readable message when the nearest config cannot be read or parsed.
 */
export function findConfig(charterPath: string, stopAt?: string): FoundConfig | undefined {
  const file = findConfigFile(charterPath, stopAt);
  return file ? { file, config: readConfigFile(file) } : undefined;
}

/**
 * `cache` (folder → nearest config file, or null) may be shared by lookups that run while the
 * file system does not change, e.g. one CLI run: siblings then cost one lookup, not one each.
 */
export function findConfigFile(charterPath: string, stopAt?: string, cache?: Map<string, string | null>): string | undefined {
  let dir = path.dirname(path.resolve(charterPath));
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  const visited: string[] = [];
  const done = (found: string | undefined): string | undefined => {
    if (cache) for (const d of visited) cache.set(d, found ?? null);
    return found;
  };
  for (;;) {
    const known = cache?.get(dir);
    if (known !== undefined) return done(known ?? undefined);
    visited.push(dir);
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return done(candidate);
    }
    if (stop !== undefined ? dir === stop : fs.existsSync(path.join(dir, '.git'))) return done(undefined);
    const parent = path.dirname(dir);
    if (parent === dir) return done(undefined);
    if (stop !== undefined && !isInside(parent, stop)) return done(undefined);
    dir = parent;
  }
}

export function readConfigFile(file: string): CharterConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read config (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseConfigText(text.replace(/^\uFEFF/, ''), file);
}

export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
