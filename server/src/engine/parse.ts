// Text → CharterModel: the YAML document plus typed views over its sections, each value keeping
// its node (and so its exact source range). Parsing happens here and nowhere else.
import { Composer, Parser, YAMLParseError, isAlias, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Alias } from 'yaml';
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { LineIndex, NON_PRINTABLE, escapeChar } from './text';
import { repairTabIndentation } from './tab-repair';
import { reparseListItem } from './reparse';
import type { IndentRepair, TabRepair } from './tab-repair';
import { collectDirectiveComments, mayHaveDirectives } from './suppress';
import { DuplicateKeys } from './duplicate-keys';
import { isStackOverflow, tooDeepError } from './deep-nesting';
import type { CommentToken } from './suppress';

export type OffsetRange = [start: number, end: number];

export const LIST_SECTIONS = ['members', 'roles', 'stakeholders', 'priorities', 'decisions', 'checkins', 'milestones', 'risks'] as const;
export type ListSection = (typeof LIST_SECTIONS)[number];
export const MAP_SECTIONS = ['team', 'intent', 'updates'] as const;
export type MapSection = (typeof MAP_SECTIONS)[number];

/** Singular names used in messages: `decision "pick-vendors" has no owner`. */
export const ENTRY_NOUN: Record<ListSection, string> = {
  members: 'member',
  roles: 'role',
  stakeholders: 'stakeholder',
  priorities: 'priority',
  decisions: 'decision',
  checkins: 'check-in',
  milestones: 'milestone',
  risks: 'risk',
};

export interface SyntaxProblem {
  message: string;
  /** The yaml library's error code (`DUPLICATE_KEY`, `TAB_AS_INDENT`, …), when it gave one. */
  code?: string;
  start: number;
  end: number;
}

const aliasTargets = new WeakMap<Document, Map<Alias, Node | null>>();

/**
 * Maps every alias to the last node anchored with its name before it (one walk, in document order).
 * True when the document has an anchor or an alias.
 */
function indexAliases(doc: Document, text: string): boolean {
  // Only documents that may hold aliases go in the WeakMap: V8 drops a WeakMap's keys only in full
  // collections, so every document in it outlives the young generation.
  if (!text.includes('*') && !text.includes('&')) return false;
  const targets = new Map<Alias, Node | null>();
  aliasTargets.set(doc, targets);
  const anchors = new Map<string, Node>();
  let anchored = false;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source) ?? null);
      else if (node.anchor) anchors.set(node.anchor, node);
      else return;
      anchored = true;
    },
  });
  return anchored;
}

/** Resolves an alias to the node it names (null when it names nothing). */
export function deref(doc: Document, node: unknown): Node | null {
  if (isAlias(node)) return aliasTargets.get(doc)?.get(node) ?? null;
  return (node as Node | null | undefined) ?? null;
}

/** True for a missing value, a null scalar, an empty string, or an empty list/map. */
export function isEmptyValue(node: Node | null | undefined): boolean {
  if (!node) return true;
  if (isScalar(node)) return node.value === null || (typeof node.value === 'string' && node.value.trim() === '');
  if (isSeq(node) || isMap(node)) return node.items.length === 0;
  return false;
}

/** A scalar's value as text (strings, numbers, booleans); undefined for anything else. */
export function scalarText(node: Node | null | undefined): string | undefined {
  if (!node || !isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return node.source ?? String(v);
  return undefined;
}

/** The key of a YAML merge (`<<: *defaults`). */
export const MERGE_KEY = '<<';

/**
 * A map's pairs by key, merge keys applied: explicit keys first (the first of duplicate keys wins),
 * then the keys of merged maps that are not written (in `<<: [*a, *b]` earlier maps win). Merged
 * pairs are the anchored map's own pairs, so findings point at the text the user wrote.
 */
export function pairsOf(doc: Document, node: YAMLMap<Node, Node | null>, out = new Map<string, Pair<Node, Node | null>>(), depth = 0): Map<string, Pair<Node, Node | null>> {
  const merges: Array<Node | null> = [];
  for (const pair of node.items) {
    const key = scalarText(pair.key as Node);
    if (key === MERGE_KEY && isScalar(pair.key) && pair.key.type === 'PLAIN') merges.push(pair.value as Node | null);
    else if (key !== undefined && !out.has(key)) out.set(key, pair);
  }
  if (depth > 20) return out; // a merge chain this deep is a loop of anchors, not a charter
  for (const source of mergeSources(doc, merges)) pairsOf(doc, source, out, depth + 1);
  return out;
}

/** The maps a merge value names: an alias to a map, or a list of them. */
export function mergeSources(doc: Document, values: Array<Node | null>): Array<YAMLMap<Node, Node | null>> {
  const out: Array<YAMLMap<Node, Node | null>> = [];
  for (const value of values) {
    const items = isSeq(value) ? value.items : [value];
    for (const item of items) {
      const target = deref(doc, item);
      if (isMap(target)) out.push(target as YAMLMap<Node, Node | null>);
    }
  }
  return out;
}

/** A read-only view of one YAML map: its pairs by key (see pairsOf: duplicates, merge keys). */
export class MapView {
  readonly pairs: Map<string, Pair<Node, Node | null>>;

  constructor(
    readonly doc: Document,
    readonly node: YAMLMap<Node, Node | null>,
  ) {
    this.pairs = pairsOf(doc, node);
  }

  has(key: string): boolean {
    return this.pairs.has(key);
  }

  keyNode(key: string): Scalar | undefined {
    return this.pairs.get(key)?.key as Scalar | undefined;
  }

  /** The value node (aliases resolved); null when the key is absent or has no value node. */
  value(key: string): Node | null {
    const pair = this.pairs.get(key);
    return pair ? deref(this.doc, pair.value) : null;
  }

  /** The value as text when it is a scalar. */
  text(key: string): string | undefined {
    return scalarText(this.value(key));
  }

  /** Absent, null, blank, or an empty collection. */
  isEmpty(key: string): boolean {
    return isEmptyValue(this.value(key));
  }

  /** A value that is a map, as a view. */
  map(key: string): MapView | undefined {
    const v = this.value(key);
    return isMap(v) ? new MapView(this.doc, v as YAMLMap<Node, Node | null>) : undefined;
  }

  /** Scalar items of a list value, or the value itself when it is a single scalar. */
  scalarItems(key: string): Scalar[] {
    const v = this.value(key);
    if (isScalar(v)) return v.value === null ? [] : [v];
    if (isSeq(v)) {
      const out: Scalar[] = [];
      for (const item of v.items) {
        const n = deref(this.doc, item);
        if (isScalar(n) && n.value !== null) out.push(n);
      }
      return out;
    }
    return [];
  }

  /** Text values of `scalarItems`. */
  texts(key: string): string[] {
    const out: string[] = [];
    for (const s of this.scalarItems(key)) {
      const t = scalarText(s);
      if (t !== undefined) out.push(t);
    }
    return out;
  }
}

/** One map inside a list section (a member, a decision, …). */
export class Entry extends MapView {
  readonly id: string | undefined;
  readonly idNode: Scalar | undefined;

  constructor(
    doc: Document,
    node: YAMLMap<Node, Node | null>,
    readonly section: ListSection,
    readonly index: number,
  ) {
    super(doc, node);
    const idValue = this.value('id');
    this.idNode = isScalar(idValue) ? idValue : undefined;
    const text = scalarText(idValue);
    this.id = text !== undefined && text.trim() !== '' ? text : undefined;
  }

  get noun(): string {
    return ENTRY_NOUN[this.section];
  }

  /** `decision "pick-vendors"`, or `decision #3` when it has no id. */
  get label(): string {
    return this.id !== undefined ? `${this.noun} "${this.id}"` : `${this.noun} #${this.index + 1}`;
  }

  /** Where findings about something missing in this entry point: its id value, else (no id, or `id:` empty) its first key. */
  get anchor(): Node {
    if (this.idNode && this.idNode.range && !isEmptyValue(this.idNode)) return this.idNode;
    const first = this.node.items[0];
    return ((first?.key as Node | undefined) ?? this.node) as Node;
  }
}

export interface CharterModel {
  /**
   * The text as parsed: the source with any lone CR line break replaced by LF (offsets unchanged)
   * and, when a tab in indentation broke the parse, those lines re-indented (see tab-repair.ts).
   */
  text: string;
  /** Lines re-indented for the parse; positions on them are mapped back by `toSourcePosition`. */
  repairs?: ReadonlyMap<number, IndentRepair>;
  lines: LineIndex;
  doc: Document.Parsed;
  /** Comments that may be suppression directives, in offset order. */
  comments: CommentToken[];
  /** The top-level map, or undefined when the document is not a map (a list, a scalar, empty). */
  root: MapView | undefined;
  syntaxErrors: SyntaxProblem[];
  team: MapView | undefined;
  intent: MapView | undefined;
  updates: MapView | undefined;
  lists: Record<ListSection, Entry[]>;
  /** The document has an anchor or an alias. */
  anchored: boolean;
  /** Maps whose keys other maps merge (`<<: *anchor`), with how many maps merge each. */
  mergedMaps: ReadonlyMap<YAMLMap, number>;
  /**
   * When the YAML has a syntax error: keys written at column 1 of the raw text (`key:`) that the
   * parser did not see, so a section the error hid is not reported missing. Empty when the YAML parses.
   */
  hiddenSections: ReadonlySet<string>;
  /** Built by re-parsing one list item of the previous version (see reparse.ts), not the whole text. */
  reparsed?: true;
  /**
   * Plain data for schema validation. Null-valued keys hold `undefined`: JSON Schema then treats
   * an empty value as missing (`required`) while an unknown key stays visible (`additionalProperties`).
   */
  data: unknown;
}

export const PARSE_LIMITS = {
  /** Resolved-alias work allowed, in nodes, beyond the document's own size (alias bombs). */
  aliasBudget: 10_000,
  maxDepth: 200,
};

/** At most this many non-printable characters are reported: binary data has thousands. */
const MAX_NON_PRINTABLE = 20;

/** YAML forbids control characters that `yaml` lets through: each is a syntax error (in file order). */
function nonPrintable(text: string, out: SyntaxProblem[]): void {
  NON_PRINTABLE.lastIndex = 0;
  const found: SyntaxProblem[] = [];
  for (let m = NON_PRINTABLE.exec(text); m && found.length < MAX_NON_PRINTABLE; m = NON_PRINTABLE.exec(text)) {
    found.push({ message: `the character ${escapeChar(m[0])} is not allowed in YAML`, code: 'NON_PRINTABLE', start: m.index, end: m.index + m[0].length });
  }
  if (found.length === 0) return;
  out.push(...found);
  out.sort((a, b) => a.start - b.start);
}

/** `previous`: the model of the document's previous version, whose tree can then be partly reused. */
export function parseCharter(source: string, previous?: CharterModel): CharterModel {
  // A lone CR is a line break in YAML (and LSP), but `yaml` reads it as text: a file with
  // classic-Mac line breaks would be one long line. It is parsed with LF in their place (same
  // offsets); the line index keeps the source's own line break for inserted lines.
  let text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  let lines = new LineIndex(source);
  const syntaxErrors: SyntaxProblem[] = [];
  const spliced = previous && !previous.repairs && text === source ? reparseListItem(previous, text, parseYaml) : undefined;
  let { doc, comments } = spliced ?? parseYaml(text);
  let repairs: TabRepair['lines'] | undefined;
  if (doc.errors.length && text.includes('\t')) {
    const errorLines = new Set(doc.errors.map((e) => lines.lineOf(e.pos?.[0] ?? 0)));
    const repair = repairTabIndentation(text, errorLines);
    const retry = repair && parseYaml(repair.text);
    if (repair && retry && retry.doc.errors.length < doc.errors.length) {
      text = repair.text;
      ({ doc, comments } = retry);
      repairs = repair.lines;
      lines = new LineIndex(text);
      for (const [line, r] of repairs) {
        const start = lines.starts[line];
        syntaxErrors.push({ message: 'Tabs are not allowed as indentation', code: 'TAB_AS_INDENT', start, end: start + r.to });
      }
    }
  }
  const openings = doc.errors.some((e) => UNCLOSED.test(e.message)) ? openingsByEnd(doc) : undefined;
  for (const e of doc.errors) {
    let [start, end] = e.pos ?? [0, 0];
    // An unterminated quote or bracket is reported where it ends (often the end of the file);
    // the user needs to see where it opens.
    const open = openings && UNCLOSED.test(e.message) ? openings.get(start) : undefined;
    if (open !== undefined) [start, end] = [open, open + 1];
    syntaxErrors.push({ message: firstSentence(e.message), code: e.code, start, end: Math.max(end, start) });
  }
  if (repairs || openings) syntaxErrors.sort((a, b) => a.start - b.start);
  nonPrintable(text, syntaxErrors);

  const anchored = indexAliases(doc, text);
  const contents = doc.contents as Node | null;
  const root = isMap(contents) ? new MapView(doc, contents as YAMLMap<Node, Node | null>) : undefined;
  const lists = {} as Record<ListSection, Entry[]>;
  for (const section of LIST_SECTIONS) {
    const entries: Entry[] = [];
    const seq = root?.value(section);
    if (isSeq(seq)) {
      (seq as YAMLSeq).items.forEach((item, index) => {
        const node = deref(doc, item);
        if (isMap(node)) entries.push(new Entry(doc, node as YAMLMap<Node, Node | null>, section, index));
      });
    }
    lists[section] = entries;
  }

  const converter = new DataConverter(doc, syntaxErrors);
  const data = converter.convert(contents, 0);

  return {
    text,
    lines,
    repairs,
    doc,
    comments,
    root,
    syntaxErrors,
    team: root?.map('team'),
    intent: root?.map('intent'),
    updates: root?.map('updates'),
    lists,
    data,
    anchored,
    hiddenSections: syntaxErrors.length ? hiddenKeys(text, root) : NO_KEYS,
    mergedMaps: anchored && text.includes(MERGE_KEY) ? countMerges(doc) : NO_MERGES,
    ...(spliced ? { reparsed: true as const } : {}),
  };
}

const NO_KEYS: ReadonlySet<string> = new Set();
const NO_MERGES: ReadonlyMap<YAMLMap, number> = new Map();

/** How many maps merge each merged map (directly or through a merged map's own merges). */
function countMerges(doc: Document): Map<YAMLMap, number> {
  const uses = new Map<YAMLMap, number>();
  visit(doc, {
    Map(_key, node) {
      const values = node.items.filter((p) => isScalar(p.key) && p.key.value === MERGE_KEY).map((p) => p.value as Node | null);
      for (const source of mergeSources(doc, values)) uses.set(source, (uses.get(source) ?? 0) + 1);
    },
  });
  return uses;
}

/** Keys written at the start of a line (`mission:`) that the parser did not see at the top level. */
function hiddenKeys(text: string, root: MapView | undefined): Set<string> {
  const keys = new Set<string>();
  for (const m of text.matchAll(/^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?=[ \t\r\n]|$)/gm)) if (!root?.has(m[1])) keys.add(m[1]);
  return keys;
}

// Repeated keys: yaml's `uniqueKeys: true` is quadratic in a map's size; see duplicate-keys.ts.
const YAML_OPTIONS = { prettyErrors: false, keepSourceTokens: false, merge: false, strict: true } as const;


export interface ParsedYaml {
  doc: Document.Parsed;
  /** Comments that may be suppression directives, in offset order (see suppress.ts). */
  comments: CommentToken[];
}

/** `composeYaml`, except that a text nested too deeply for yaml's parser is an empty document with one error. */
function parseYaml(text: string): ParsedYaml {
  // yaml's errors are Error objects whose stack traces nobody reads: capturing one for each of
  // thousands of errors (or every frame of a stack overflow) would cost more than the parse.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return composeYaml(text);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    const { doc } = composeYaml('');
    doc.errors.push(tooDeepError(text));
    return { doc, comments: [] };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * `yaml.parseDocument(text)`, with the comments that may be directives taken from the same CST as
 * it streams into the composer (parsing once).
 */
function composeYaml(text: string): ParsedYaml {
  const comments: CommentToken[] = [];
  const tokens = new Parser().parse(text);
  let doc: Document.Parsed | undefined;
  let extra = 0;
  const duplicates = new DuplicateKeys(text);
  const composer = new Composer({ ...YAML_OPTIONS, uniqueKeys: duplicates.uniqueKeys });
  duplicates.attach(composer);
  for (const next of composer.compose(mayHaveDirectives(text) ? collectDirectiveComments(tokens, comments) : tokens, true, text.length)) {
    if (!doc) doc = next;
    // As parseDocument does: the first document, and an error at the second. Later documents are
    // still read (not used), so their comments count as directives as they always did.
    else if (extra++ === 0) doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
  }
  comments.sort((a, b) => a.offset - b.offset);
  return { doc: doc!, comments };
}

/** Parser messages about a quoted scalar or a flow collection that is never closed. */
const UNCLOSED = /Missing closing ["']quote|end with a [\]}]|Expected flow (map|sequence) to end/;

/** Quoted scalars and flow collections by the offset where they end: their opening offset. */
function openingsByEnd(doc: Document): Map<number, number> {
  const out = new Map<number, number>();
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) out.set(node.range[1], node.range[0]);
    },
    Map(_key, node) {
      if (node.flow && node.range) out.set(node.range[1], node.range[0]);
    },
    Seq(_key, node) {
      if (node.flow && node.range) out.set(node.range[1], node.range[0]);
    },
  });
  return out;
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/** YAML nodes → plain data, resolving aliases within a budget so alias bombs cannot blow up. */
class DataConverter {
  private budget: number;
  private exhausted = false;

  constructor(
    private readonly doc: Document,
    private readonly problems: SyntaxProblem[],
  ) {
    this.budget = PARSE_LIMITS.aliasBudget;
  }

  convert(node: unknown, depth: number): unknown {
    if (node === null || node === undefined) return null;
    if (depth > PARSE_LIMITS.maxDepth) return null;
    if (isAlias(node)) {
      const target = deref(this.doc, node);
      const cost = target ? countNodes(target, this.budget + 1) : 0;
      this.budget -= cost;
      if (this.budget < 0) {
        if (!this.exhausted) {
          this.exhausted = true;
          const [start, end] = (node as Alias).range ?? [0, 0];
          this.problems.push({ message: 'Too many alias expansions (a possible "billion laughs" file); aliases are ignored from here on', start, end });
        }
        return null;
      }
      return this.convert(target, depth + 1);
    }
    if (isScalar(node)) return node.value ?? null;
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const pairs = hasMergeKey(node as YAMLMap) ? pairsOf(this.doc, node as YAMLMap<Node, Node | null>).values() : node.items;
      for (const pair of pairs) {
        if (!isPair(pair)) continue;
        const key = scalarText(deref(this.doc, pair.key) as Node);
        if (key === undefined || Object.prototype.hasOwnProperty.call(out, key)) continue;
        const value = this.convert(pair.value, depth + 1);
        out[key] = value === null ? undefined : value;
      }
      return out;
    }
    if (isSeq(node)) return node.items.map((item) => this.convert(item, depth + 1));
    return null;
  }
}

/** A map with a `<<` key among its own pairs (its pairs then come from `pairsOf`). */
function hasMergeKey(node: YAMLMap): boolean {
  for (const p of node.items) if (isPair(p) && isScalar(p.key) && p.key.value === MERGE_KEY) return true;
  return false;
}

function countNodes(node: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [node];
  while (stack.length && count < limit) {
    const n = stack.pop();
    count++;
    if (isMap(n)) for (const p of n.items) stack.push(p.value);
    else if (isSeq(n)) for (const i of n.items) stack.push(i);
  }
  return count;
}
