// Ignore patterns (`ignores` in `.charterrc.*`, `--ignore GLOB`) matched gitignore-style by the
// `ignore` library, the same in every host. Each source's patterns are relative to its own folder;
// a path outside that folder is never matched by it. Pure: paths are absolute, `/`-separated strings.
import ignore from 'ignore';
import type { Ignore } from 'ignore';

export interface IgnoreSource {
  /** The folder the patterns are relative to (absolute). */
  base: string;
  patterns: readonly unknown[];
  /** How a notice names it: a config's path, or `--ignore`. */
  name: string;
}

/** One source, compiled once and shared by every folder below it. */
export interface CompiledIgnores {
  base: string;
  name: string;
  matcher: Ignore;
}

/** The folders no search enters, whatever the config says. */
export const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/** Undefined when the source has no usable pattern. */
export function compileIgnores(source: IgnoreSource): CompiledIgnores | undefined {
  const patterns = source.patterns.filter(
    // Blank lines and comments mean nothing; negation is not supported (rules.md), checkConfig says so.
    (p): p is string => typeof p === 'string' && p.trim() !== '' && !p.startsWith('!') && !p.startsWith('#'),
  );
  if (patterns.length === 0) return undefined;
  return { base: trimSlash(source.base), name: source.name, matcher: ignore().add(patterns) };
}

/** The name of the first source that ignores `path` (a folder when `folder`), or undefined. */
export function ignoredBy(sources: readonly CompiledIgnores[], path: string, folder = false): string | undefined {
  for (const { base, name, matcher } of sources) {
    const rel = relativeInside(base, path);
    if (rel === undefined || rel === '') continue;
    if (matcher.ignores(folder ? rel + '/' : rel)) return name;
  }
  return undefined;
}

/** `path` relative to `base` with `/` separators, or undefined when it is not inside it. */
export function relativeInside(base: string, path: string): string | undefined {
  const b = trimSlash(base);
  if (path === b) return '';
  const prefix = b.endsWith('/') ? b : b + '/';
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

function trimSlash(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}
