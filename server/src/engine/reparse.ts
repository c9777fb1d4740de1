// Re-parsing one list entry instead of the whole charter, for an edit that stays inside one item of
// a top-level block list (a decision, a member, …): the usual keystroke in a big charter. The item's
// lines are parsed alone, at their own columns, and spliced into a copy of the previous document;
// what comes before the item is shared, what comes after is copied with its offsets moved. Whenever
// the result could differ from parsing the whole text, this declines and the caller parses it all.
import { Pair, YAMLMap, YAMLSeq, Scalar, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import type { ParsedYaml } from './parse';

/** What the previous version must have been for its tree to be reused. */
export interface ReusableParse {
  text: string;
  doc: Document.Parsed;
  comments: ParsedYaml['comments'];
  /** The previous tree has an anchor or an alias (an edit could change what an alias names). */
  anchored: boolean;
}

/**
 * The document `parse(text)` would give, built from `previous` by re-parsing the one list item the
 * change falls in; undefined when that cannot be done exactly (the caller then parses everything).
 */
export function reparseListItem(previous: ReusableParse, text: string, parse: (text: string) => ParsedYaml): ParsedYaml | undefined {
  const { doc: prevDoc, text: prevText } = previous;
  if (prevText === text || previous.anchored || prevDoc.errors.length || prevDoc.warnings.length) return undefined;
  const root = prevDoc.contents;
  if (!isMap(root) || root.flow) return undefined;
  const [start, prevEnd] = changedRegion(prevText, text);
  const delta = text.length - prevText.length;

  const sectionIndex = root.items.findIndex((p) => isSeq(p.value) && !p.value.flow && p.value.range && p.value.range[0] <= start && start < p.value.range[1]);
  if (sectionIndex < 0) return undefined;
  const seq = root.items[sectionIndex].value as YAMLSeq<Node>;
  const i = itemAt(seq, start);
  // The last item's end is where the list ends, which an edit can move: only items with a next one.
  if (i < 0 || i + 1 >= seq.items.length) return undefined;
  const item = seq.items[i];
  const itemStart = dashLine(prevText, item);
  const nextStart = dashLine(prevText, seq.items[i + 1]);
  if (!itemStart || !nextStart || itemStart.indent !== nextStart.indent) return undefined;
  // The change must leave the item's `- ` and the next item's line alone.
  if (start < (item.range as number[])[0] || prevEnd >= nextStart.offset) return undefined;

  const slice = text.slice(itemStart.offset, nextStart.offset + delta);
  if (!indentedUnder(slice, itemStart.indent)) return undefined;
  const { doc: alone, comments: itemComments } = parse(slice);
  const list = alone.contents;
  if (alone.errors.length || alone.warnings.length || !isSeq(list) || list.flow || list.items.length !== 1) return undefined;
  const fresh = list.items[0] as Node | null;
  if (!fresh || !shiftInPlace(fresh, itemStart.offset)) return undefined;

  const items = seq.items.slice(0, i) as Node[];
  items.push(fresh);
  for (let k = i + 1; k < seq.items.length; k++) items.push(shiftedCopy(seq.items[k], delta));
  const newSeq = withItems(seq, new YAMLSeq(seq.schema), items, grown(seq.range, delta));

  const pairs = root.items.slice(0, sectionIndex) as Pair[];
  const oldPair = root.items[sectionIndex];
  pairs.push(Object.assign(new Pair(null), oldPair, { value: newSeq }));
  for (let k = sectionIndex + 1; k < root.items.length; k++) pairs.push(shiftedCopy(root.items[k], delta) as Pair);
  const newRoot = withItems(root, new YAMLMap(root.schema), pairs, grown(root.range, delta));

  // A shallow copy keeps the document's schema, options and directives (read, never changed).
  const doc = Object.create(Object.getPrototypeOf(prevDoc), Object.getOwnPropertyDescriptors(prevDoc)) as Document.Parsed;
  doc.contents = newRoot as unknown as Document.Parsed['contents'];
  doc.errors = [];
  doc.warnings = [];
  doc.range = grown(prevDoc.range, delta) ?? prevDoc.range;
  // The item's comments replace those it had; later ones move with the text.
  const comments = previous.comments.filter((c) => c.offset < itemStart.offset);
  for (const c of itemComments) comments.push({ offset: c.offset + itemStart.offset, source: c.source });
  for (const c of previous.comments) if (c.offset >= nextStart.offset) comments.push({ offset: c.offset + delta, source: c.source });
  return { doc, comments };
}

/** [start, end) of the previous text that differs from `text` (common prefix and suffix removed). */
function changedRegion(prev: string, next: string): [number, number] {
  const max = Math.min(prev.length, next.length);
  let start = 0;
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && prev.charCodeAt(prev.length - 1 - tail) === next.charCodeAt(next.length - 1 - tail)) tail++;
  return [start, prev.length - tail];
}

/** Index of the last item starting at or before `offset` (items are in document order); -1 when none. */
function itemAt(seq: YAMLSeq<Node>, offset: number): number {
  let lo = 0;
  let hi = seq.items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = seq.items[mid]?.range?.[0];
    if (at === undefined) return -1;
    if (at <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The line an item starts on, when it is `<spaces>- <item>`: its offset and the dash's column. */
function dashLine(text: string, item: Node | undefined): { offset: number; indent: number } | undefined {
  const at = item?.range?.[0];
  if (at === undefined) return undefined;
  const offset = text.lastIndexOf('\n', at - 1) + 1;
  const m = /^( *)- +$/.exec(text.slice(offset, at));
  return m ? { offset, indent: m[1].length } : undefined;
}

/** Every line after the first is blank, a comment, or indented past the item's dash. */
function indentedUnder(slice: string, dashIndent: number): boolean {
  const lines = slice.split('\n');
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    const indent = line.length - line.trimStart().length;
    const rest = line.slice(indent);
    if (rest === '' || rest === '\r' || rest.startsWith('#')) continue;
    if (indent <= dashIndent || line.slice(0, indent).includes('\t')) return false;
  }
  return true;
}

type Range = [number, number, number];

/** A range after the change (all of it moves). */
function moved(r: Range | null | undefined, delta: number): Range | undefined {
  return r ? [r[0] + delta, r[1] + delta, r[2] + delta] : undefined;
}

/** A range around the change (its start stays, its ends move). */
function grown(r: Range | null | undefined, delta: number): Range | undefined {
  return r ? [r[0], r[1] + delta, r[2] + delta] : undefined;
}

/** `copy` (a new, empty node of the same kind) with `old`'s properties, `items` and `range`. */
function withItems<T extends YAMLMap | YAMLSeq>(old: T, copy: T, items: unknown[], range: Range | undefined): T {
  Object.assign(copy, old);
  copy.items = items as T['items'];
  if (range) copy.range = range;
  return copy;
}

/** Moves a freshly parsed node's offsets; false when it holds an anchor or an alias (declined). */
function shiftInPlace(node: unknown, delta: number): boolean {
  if (isPair(node)) return shiftInPlace(node.key, delta) && shiftInPlace(node.value, delta);
  const n = node as Node | null;
  if (!n) return true;
  if (!(isScalar(n) || isMap(n) || isSeq(n)) || n.anchor) return false;
  if (n.range) n.range = moved(n.range, delta) as Range;
  if (isMap(n) || isSeq(n)) for (const child of n.items) if (!shiftInPlace(child, delta)) return false;
  return true;
}

/** A copy of a node (or pair) after the change, its offsets moved by `delta`; the previous tree is left as it was. */
function shiftedCopy<T>(node: T, delta: number): T {
  if (isPair(node)) return Object.assign(new Pair(null), node, { key: shiftedCopy(node.key, delta), value: shiftedCopy(node.value, delta) }) as T;
  const n = node as unknown as Node | null;
  if (!n) return node;
  const range = moved(n.range, delta);
  if (isMap(n)) return withItems(n, new YAMLMap(n.schema), n.items.map((p) => shiftedCopy(p, delta)), range) as unknown as T;
  if (isSeq(n)) return withItems(n, new YAMLSeq(n.schema), n.items.map((c) => shiftedCopy(c, delta)), range) as unknown as T;
  if (!isScalar(n)) throw new Error('reparse: unexpected node kind'); // aliases never get here (anchored trees are declined)
  const copy = Object.assign(new Scalar(n.value), n);
  if (range) copy.range = range;
  return copy as unknown as T;
}
