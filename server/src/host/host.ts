// The host: the one door to charters, configs and ignores on disk (or, later, behind an LSP client).
// Front ends (CLI lint/diff/report, the language server, the organisation index) ask it for a
// root, the charters of that root, a charter's text and the config that governs a charter; each
// front end only decides how to show what the host reports. Every call is async, so a host that
// reads through `teamCharter/readFile` and `teamCharter/findFiles` can implement the same interface;
// writing is not part of it (the editor writes through workspace edits; the CLI's writer is node-only).
import type { CharterConfig } from '../engine/model';

/** The folder that bounds a charter set: config lookup, link containment and `team.parent` paths stay inside it. */
export interface CharterRoot {
  /** Absolute path (a URI in a client-backed host). */
  dir: string;
  /**
   * How it was chosen (rules.md "Root"): the nearest folder holding `.git`, the current folder, the
   * path's own folder, the workspace folder, or `alone`: a charter with no root is a set of one.
   */
  by: 'git' | 'cwd' | 'folder' | 'workspace' | 'alone';
}

export interface CharterEntry {
  /** Absolute path; a link keeps its own path. */
  path: string;
  /** Named by the user, or found under a folder named by the user. */
  asked: boolean;
  /** A symbolic link to a file inside the root: read under its own path, never written by --fix. */
  link: boolean;
  /** For a link: its target, spelled from the root (what `resolveRelative` returns for it). */
  target?: string;
}

export interface SkippedFile {
  path: string;
  /** Why it is left out, one line without the path: `a symbolic link out of the root; not read`. */
  reason: string;
  asked: boolean;
}

export interface CharterListing {
  root: CharterRoot;
  /** Sorted by path (segment by segment); each real file once. */
  charters: CharterEntry[];
  /** Charter-named entries that cannot be read as charters (links out of the root, FIFOs, unreadable folders). */
  skipped: SkippedFile[];
  /** Files named by the user that an ignore pattern matches, and named folders whose charters are all ignored. */
  ignored: Array<{ path: string; by: string }>;
  /** Named folders holding no charter at all. */
  empty: string[];
}

export interface ListRequest {
  /** Files and folders the user named (absolute, inside the root). Default: the whole root, none asked. */
  asked?: string[];
  /** Walk the whole root even when `asked` is given (the organisation set); asked entries are marked. */
  whole?: boolean;
}

export interface CharterText {
  path: string;
  /** The text as linted: without a BOM, line breaks untouched. */
  text: string;
  hadBom: boolean;
  /** The bytes read, so a writer can tell whether the file changed since. */
  bytes: Uint8Array;
  link: boolean;
}

export type ReadResult = { file: CharterText; skipped?: undefined } | { file?: undefined; skipped: SkippedFile };

/** One config file as read and checked. */
export interface ConfigFile {
  path: string;
  /** Parsed data; undefined when the file cannot be used. */
  config?: CharterConfig;
  /** Why it cannot be used at all: unreadable, not YAML/JSON, not a map, a link out of the root. */
  error?: string;
  /** A folder, FIFO or device where a config should be: the CLI stops at once (exit 2). */
  fatal?: boolean;
  /** Problems in a config that parsed (unknown rule ids, bad severities, bad globs): ignored parts. */
  problems: string[];
  /** Changes whenever the file's content may have changed. */
  stamp: string;
}

/** The configs that govern one charter. */
export interface GoverningConfig {
  /** Whose `rules` apply: `--config FILE`, else the nearest `.charterrc.*` from the charter's folder up to the root. */
  rules?: ConfigFile;
  /** Every config whose `ignores` apply, root first (only `--config FILE` when given). */
  chain: ConfigFile[];
  /** Changes whenever any of them may have changed (a cache key). */
  stamp: string;
}

export interface CharterHost {
  /** The root of the set a file or folder belongs to. */
  rootOf(target: string): Promise<CharterRoot>;
  /** Charters under the root (or under the asked paths), ignores applied, links and special files sorted out. */
  listCharters(root: CharterRoot, request?: ListRequest): Promise<CharterListing>;
  /** One charter's text; a file that cannot be read as a charter comes back as skipped, never thrown. */
  readCharter(file: string, root: CharterRoot, asked?: boolean): Promise<ReadResult>;
  /** The configs governing a charter (the charter need not exist: diff asks for deleted ones). */
  configFor(file: string, root: CharterRoot): Promise<GoverningConfig>;
  /** The ignore that leaves this charter out of its set, if any (named for a notice: `.charterrc.yaml`, `--ignore`). */
  ignoredBy(file: string, root: CharterRoot): Promise<string | undefined>;
  /**
   * A `/`-separated path written in a charter (e.g. `team.parent: ../platform/team-charter.yaml`),
   * resolved from that charter's folder, lexically and after links, to a file inside the root; undefined
   * for absolute paths, URLs, folders, missing files and anything outside the root (nothing is read there).
   */
  resolveRelative(fromCharter: string, relative: string, root: CharterRoot): Promise<string | undefined>;
}

/** A config that is a folder, FIFO or device, or a root that cannot be searched: the CLI stops (exit 2). */
export class HostError extends Error {}
