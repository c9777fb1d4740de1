// A CharterHost that reads through the LSP client: `teamCharter/readFile` and `teamCharter/findFiles`
// (contract/requests.ts), for a server that cannot read files itself (the web worker in vscode.dev
// and github.dev, where the files may live on a virtual file system). Paths are URIs as the client
// spells them. The root of a charter is its workspace folder (the client cannot show us `.git`); a
// charter outside every workspace folder is a set of one. Configs and ignores work as on disk
// (the same parser, the same `ignore` library). A client that answers the first request with
// MethodNotFound, or not within 2 s, does not implement them: every charter is then checked alone,
// with no config file (docs/editor.md, "Web server").
import type { CharterHost, CharterListing, CharterRoot, ConfigFile, GoverningConfig, ListRequest, ReadResult } from './host';
import { CONFIG_FILE_NAMES, configFromText } from './config-file';
import { ALWAYS_SKIPPED, compileIgnores, ignoredBy } from './ignores';
import type { CompiledIgnores } from './ignores';
import { comparePaths, isCharterFileName } from './names';
import { CHARTER_FILE_PATTERN, FIND_FILES_REQUEST, READ_FILE_REQUEST, fileNameOf } from '../contract';
import type { FindFilesParams, FindFilesResult, ReadFileParams, ReadFileResult } from '../contract';

/** Sends a request to the client; rejects with the client's error (which has a numeric `code`). */
export type SendRequest = (method: string, params: unknown) => Promise<unknown>;

/** JSON-RPC's "method not found". */
const METHOD_NOT_FOUND = -32601;
/** How long the first answer may take before the client counts as not implementing the requests. */
export const FIRST_ANSWER_MS = 2000;
/** After that, how long one request may take before it counts as failed (that file unreadable, that search empty). */
export const LATER_ANSWER_MS = 30000;

/** Excluded from every search, whatever the config says. */
const ALWAYS_EXCLUDED = `**/{${[...ALWAYS_SKIPPED].join(',')}}/**`;

export interface ClientHostOptions {
  /** Workspace folder URIs: the roots. */
  workspaceFolders: readonly string[];
  /** Where a failed request is written down (the server log). */
  log?(message: string): void;
}

class Unsupported extends Error {}

/** The two requests, with the "does the client implement them?" decision made once. */
class ClientFiles {
  /** undefined until the first answer; then whether the client implements the requests. */
  private supported: boolean | undefined;
  private probe: Promise<unknown> | undefined;

  constructor(
    private readonly send: SendRequest,
    private readonly log: (message: string) => void,
  ) {}

  get unsupported(): boolean {
    return this.supported === false;
  }

  async readFile(uri: string): Promise<string | undefined> {
    const params: ReadFileParams = { uri };
    const result = (await this.request(READ_FILE_REQUEST, params)) as ReadFileResult | undefined;
    return result && typeof result === 'object' && typeof result.text === 'string' ? result.text : undefined;
  }

  async findFiles(params: FindFilesParams): Promise<string[]> {
    const result = (await this.request(FIND_FILES_REQUEST, params)) as FindFilesResult | undefined;
    return Array.isArray(result) ? result.filter((u): u is string => typeof u === 'string') : [];
  }

  /** The answer, or undefined when this one request failed; throws Unsupported when the client has neither request. */
  private async request(method: string, params: unknown): Promise<unknown> {
    if (this.supported === false) throw new Unsupported();
    if (this.supported === undefined && this.probe) {
      // Wait for the first request to decide, so a client without the requests costs 2 s once.
      await this.probe.catch(() => undefined);
      if (this.supported === false) throw new Unsupported();
    }
    const first = this.supported === undefined;
    const answer = withTimeout(this.send(method, params), first ? FIRST_ANSWER_MS : LATER_ANSWER_MS);
    if (first) this.probe = answer;
    try {
      const result = await answer;
      this.supported = true;
      return result;
    } catch (e) {
      const code = (e as { code?: unknown })?.code;
      if (first && (code === METHOD_NOT_FOUND || e instanceof Timeout)) {
        this.supported = false;
        this.log(`the client does not answer ${method} (${e instanceof Timeout ? 'no answer within 2 s' : 'method not found'}): each charter is checked alone, with no config file`);
        throw new Unsupported();
      }
      if (first && this.supported === undefined) this.supported = true; // it answered, with an error
      this.log(`${method} ${JSON.stringify(params)} failed: ${(e as Error)?.message ?? e}`);
      return undefined;
    }
  }
}

class Timeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Timeout(`no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

export class ClientHost implements CharterHost {
  private readonly files: ClientFiles;
  private readonly folders: string[];
  /** Config files read so far (by URI): undefined when there is none. Forgotten with the host. */
  private readonly configs = new Map<string, Promise<ConfigFile | undefined>>();
  private readonly compiled = new Map<string, CompiledIgnores | null>();

  constructor(send: SendRequest, options: ClientHostOptions) {
    this.files = new ClientFiles(send, options.log ?? (() => undefined));
    this.folders = options.workspaceFolders.map(trimSlash);
  }

  /** The client answered MethodNotFound, or not within 2 s: single-charter checking. */
  get unsupported(): boolean {
    return this.files.unsupported;
  }

  async rootOf(target: string): Promise<CharterRoot> {
    const folder = this.folders.filter((f) => isInside(target, f)).sort((a, b) => b.length - a.length)[0];
    return folder ? { dir: folder, by: 'workspace' } : { dir: dirname(target), by: 'alone' };
  }

  async listCharters(root: CharterRoot, request: ListRequest = {}): Promise<CharterListing> {
    const listing: CharterListing = { root, charters: [], skipped: [], ignored: [], empty: [] };
    // A set of one: nothing else is searched (the open charter joins its set as an open document).
    if (root.by === 'alone') return listing;
    let found: string[];
    try {
      found = await this.files.findFiles({ base: root.dir, include: CHARTER_FILE_PATTERN, exclude: ALWAYS_EXCLUDED });
    } catch (e) {
      if (e instanceof Unsupported) return listing;
      throw e;
    }
    const asked = new Set(request.asked ?? []);
    const seen = new Set<string>();
    for (const uri of found) {
      // Only what the search was for, inside the root, each once, past every folder no search enters.
      if (seen.has(uri) || !isInside(uri, root.dir) || uri === root.dir) continue;
      const name = fileNameOf(uri);
      if (name === undefined || !isCharterFileName(name)) continue;
      const rel = uri.slice(root.dir.length + 1).split('/');
      if (rel.some((segment) => ALWAYS_SKIPPED.has(segment))) continue;
      seen.add(uri);
      const by = await this.ignoredBy(uri, root);
      if (by) {
        if (asked.has(uri)) listing.ignored.push({ path: uri, by });
        continue;
      }
      listing.charters.push({ path: uri, asked: asked.has(uri), link: false });
    }
    listing.charters.sort((a, b) => comparePaths(a.path, b.path));
    return listing;
  }

  async readCharter(file: string, _root: CharterRoot, asked = true): Promise<ReadResult> {
    let text: string | undefined;
    try {
      text = await this.files.readFile(file);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
    }
    if (text === undefined) return { skipped: { path: file, reason: 'cannot read (the editor could not read it as text)', asked } };
    const hadBom = text.startsWith('\uFEFF');
    const body = hadBom ? text.slice(1) : text;
    return { file: { path: file, text: body, hadBom, bytes: new TextEncoder().encode(text), link: false } };
  }

  async configFor(file: string, root: CharterRoot): Promise<GoverningConfig> {
    const chain: ConfigFile[] = [];
    for (const dir of foldersFromRoot(dirname(file), root.dir)) {
      const config = await this.configIn(dir);
      if (config) chain.push(config);
    }
    return { ...(chain.length ? { rules: chain[chain.length - 1] } : {}), chain, stamp: chain.map((c) => c.stamp).join('|') || 'none' };
  }

  async ignoredBy(file: string, root: CharterRoot): Promise<string | undefined> {
    const chain = (await this.configFor(file, root)).chain;
    const sources = chain.map((c) => this.compile(c)).filter((c): c is CompiledIgnores => c !== undefined);
    return ignoredBy(sources, file);
  }

  async resolveRelative(fromCharter: string, relative: string, root: CharterRoot): Promise<string | undefined> {
    // Only relative, `/`-separated file paths: no absolute paths, drive letters, URLs or backslashes.
    if (relative === '' || relative.startsWith('/') || relative.includes('\\') || /^[a-z][a-z0-9+.-]*:/i.test(relative) || relative.endsWith('/')) return undefined;
    const parts = dirname(fromCharter).split('/');
    const floor = root.dir.split('/').length;
    for (const part of relative.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (parts.length <= floor) return undefined; // above the root: nothing is read there
        parts.pop();
      } else parts.push(encodeURIComponent(part));
    }
    const target = parts.join('/');
    if (target === root.dir || !isInside(target, root.dir)) return undefined;
    try {
      return (await this.files.readFile(target)) === undefined ? undefined : target;
    } catch (e) {
      if (e instanceof Unsupported) return undefined;
      throw e;
    }
  }

  /** The config of one folder: the first of `.charterrc.yaml|yml|json` that exists. */
  private async configIn(dir: string): Promise<ConfigFile | undefined> {
    for (const name of CONFIG_FILE_NAMES) {
      const uri = `${dir}/${name}`;
      let known = this.configs.get(uri);
      if (!known) {
        known = this.readConfig(uri);
        this.configs.set(uri, known);
      }
      const config = await known;
      if (config) return config;
    }
    return undefined;
  }

  private async readConfig(uri: string): Promise<ConfigFile | undefined> {
    let text: string | undefined;
    try {
      text = await this.files.readFile(uri);
    } catch (e) {
      if (e instanceof Unsupported) return undefined;
      throw e;
    }
    return text === undefined ? undefined : configFromText(uri, text, `${uri}#${text.length}:${hash(text)}`);
  }

  private compile(config: ConfigFile): CompiledIgnores | undefined {
    const known = this.compiled.get(config.stamp);
    if (known !== undefined) return known ?? undefined;
    const ignores = config.config?.ignores;
    const compiled = Array.isArray(ignores) ? compileIgnores({ base: dirname(config.path), patterns: ignores, name: config.path }) : undefined;
    this.compiled.set(config.stamp, compiled ?? null);
    return compiled;
  }
}

function trimSlash(uri: string): string {
  return uri.length > 1 && uri.endsWith('/') ? uri.slice(0, -1) : uri;
}

/** `child` is `parent` or below it (URIs, no trailing slash on `parent`). */
function isInside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent + '/');
}

/** The folder of a file URI (without the query and fragment, which files here never have). */
function dirname(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return slash > uri.indexOf('//') + 1 ? uri.slice(0, slash) : uri;
}

/** Folders from the root down to `dir` (inclusive); none when it is not inside the root. */
function foldersFromRoot(dir: string, root: string): string[] {
  if (!isInside(dir, root)) return [];
  const out = [root];
  const rest = dir.slice(root.length).split('/').filter(Boolean);
  for (let i = 0, at = root; i < rest.length; i++) out.push((at = `${at}/${rest[i]}`));
  return out;
}

/** FNV-1a over UTF-16 code units: a stamp that changes when a config's text does. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
