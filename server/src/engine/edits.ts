// Minimal, comment-preserving text edits over the source. Everything here edits exact ranges of
// the original text; nothing re-prints the document. Inserted lines reuse the file's line break
// and the indentation of their siblings.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { CharterModel } from './parse';
import { MapView, deref } from './parse';

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** An inline value (`weekly`, `[a, b]`, `"TODO: …"`) or nested block lines `[depth, text]` (depth ≥ 1). */
export type InsertValue = string | { block: Array<[number, string]> };

const PLAIN_SAFE = /^[A-Za-z0-9_][A-Za-z0-9_ .,@()/'-]*$/;
const PLAIN_RESERVED = /^(true|false|null|yes|no|on|off|y|n|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i;

/** A scalar as YAML source: plain when that reads back as the same string, else double-quoted. */
export function formatScalar(value: string): string {
  if (PLAIN_SAFE.test(value) && !PLAIN_RESERVED.test(value) && !/\s$/.test(value) && !value.includes(' #') && !value.includes(': ')) return value;
  return JSON.stringify(value);
}

/** `[a, b]` with each item formatted. */
export function flowList(values: string[]): string {
  return `[${values.map(formatScalar).join(', ')}]`;
}

export class Edits {
  private unit: number | undefined;

  constructor(private readonly model: CharterModel) {}

  private get text(): string {
    return this.model.text;
  }

  private get eol(): string {
    return this.model.lines.eol;
  }

  /** The document's indentation step (smallest indentation in use), default 2. */
  indentUnit(): number {
    if (this.unit === undefined) {
      let min = Infinity;
      const lines = this.model.lines;
      const limit = Math.min(lines.lineCount, 2000);
      for (let l = 0; l < limit; l++) {
        const ind = lines.indentOf(l);
        const ch = this.text[lines.starts[l] + ind];
        if (ind > 0 && ind < min && ch !== undefined && ch !== '\n' && ch !== '\r' && ch !== '#') min = ind;
      }
      this.unit = Number.isFinite(min) && min <= 8 ? min : 2;
    }
    return this.unit;
  }

  replace(target: Node | [number, number], text: string): OffsetEdit {
    const [start, end] = Array.isArray(target) ? target : valueRange(target);
    return { start, end, text };
  }

  /** Replaces a scalar's value, keeping its quoting style when it had one. */
  replaceScalar(node: Scalar, value: string): OffsetEdit {
    const [start, end] = valueRange(node);
    let text: string;
    if (node.type === 'QUOTE_DOUBLE') text = JSON.stringify(value);
    else if (node.type === 'QUOTE_SINGLE') text = `'${value.replace(/'/g, "''")}'`;
    else text = formatScalar(value);
    return { start, end, text };
  }

  /** Column where a map's keys start. */
  keyColumn(map: YAMLMap): number {
    const first = map.items[0]?.key as Node | undefined;
    const start = first?.range?.[0] ?? map.range?.[0] ?? 0;
    return this.model.lines.positionAt(start).character;
  }

  /**
   * Inserts `key: value` into a map after its last pair, at its keys' indentation.
   * `map` undefined means the document's top level. Returns undefined where no clean edit exists.
   */
  insertPair(map: MapView | undefined, key: string, value: InsertValue): OffsetEdit | undefined {
    const node = map?.node ?? (this.model.root?.node as YAMLMap | undefined);
    if (!node) {
      if (this.model.doc.contents && !isEmptyDocument(this.model)) return undefined;
      return this.appendAtEnd(0, key, value);
    }
    if (node.flow) {
      if (typeof value !== 'string') return undefined;
      const at = this.flowInsertAt(node, '}');
      if (at === undefined) return undefined;
      return { start: at, end: at, text: `${node.items.length ? ', ' : ''}${key}: ${value}` };
    }
    if (node.items.length === 0) return undefined;
    const column = this.keyColumn(node);
    const at = this.lineEndAfter(contentEnd(this.model, node));
    return { start: at, end: at, text: this.eol + this.pairLines(column, key, value) };
  }

  /** Gives `key` a value: fills an empty `key:`, replaces an existing value, or inserts the pair. */
  setValue(map: MapView | undefined, key: string, value: InsertValue): OffsetEdit | undefined {
    const view = map ?? this.model.root;
    const pair = view?.pairs.get(key);
    if (!pair) return this.insertPair(map, key, value);
    const keyNode = pair.key as Node;
    const current = pair.value as Node | null;
    const column = this.model.lines.positionAt(keyNode.range?.[0] ?? 0).character;
    const keyEnd = keyNode.range?.[1] ?? 0;
    const colon = this.text.indexOf(':', keyEnd);
    if (colon < 0) return undefined;
    if (current && !(isScalar(current) && current.value === null && current.range?.[0] === current.range?.[1])) {
      if (typeof value === 'string') return this.replace(current, value);
      const [start] = valueRange(current);
      const valueEnd = contentEnd(this.model, current);
      const end = this.lineEndAfter(valueEnd);
      // A comment after the old value (`key: [] # note`) stays on the key's line.
      const trailing = this.text.slice(valueEnd, end);
      const keep = /^\s*#/.test(trailing) ? trailing : '';
      return { start: colon + 1, end: Math.max(start, end), text: keep + this.blockLines(column, value.block) };
    }
    // `key:` with nothing after it (maybe a comment): an inline value goes right after the colon,
    // block lines after the end of the line, so a comment there stays on the key's line.
    if (typeof value === 'string') return { start: colon + 1, end: colon + 1, text: ' ' + value };
    const lineEnd = this.lineEndAfter(colon);
    return { start: lineEnd, end: lineEnd, text: this.blockLines(column, value.block) };
  }

  /** Adds an item to a list field, creating the field (`key: [item]`) when absent or empty. */
  addToList(holder: MapView, key: string, item: string): OffsetEdit | undefined {
    const value = holder.value(key);
    if (!holder.has(key) || value === null || (isScalar(value) && value.value === null)) return this.setValue(holder, key, flowList([item]));
    if (isScalar(value)) return this.replace(value, flowList([String(value.value), item]));
    if (isSeq(value)) return this.appendToSeq(value, formatScalar(item));
    return undefined;
  }

  appendToSeq(seq: YAMLSeq, itemText: string): OffsetEdit | undefined {
    if (seq.flow) {
      const at = this.flowInsertAt(seq, ']');
      if (at === undefined) return undefined;
      return { start: at, end: at, text: (seq.items.length ? ', ' : '') + itemText };
    }
    if (seq.items.length === 0) return undefined;
    const column = this.model.lines.positionAt(seq.range?.[0] ?? 0).character;
    const at = this.lineEndAfter(contentEnd(this.model, seq));
    return { start: at, end: at, text: `${this.eol}${' '.repeat(column)}- ${itemText}` };
  }

  /**
   * Where a new item goes in a flow collection: right after the last item's content, so a trailing
   * comma or a comment after it stays where it is; just inside the bracket when it is empty.
   */
  private flowInsertAt(node: YAMLMap | YAMLSeq, closingChar: '}' | ']'): number | undefined {
    const closing = (node.range?.[1] ?? 0) - 1;
    if (this.text[closing] !== closingChar) return undefined;
    if (node.items.length === 0) return (node.range?.[0] ?? 0) + 1;
    const last: unknown = node.items[node.items.length - 1];
    let target = last as Node | null;
    if (isMap(node)) {
      const pair = last as { key: Node; value: Node | null };
      const v = pair.value;
      target = v && v.range && v.range[0] !== v.range[1] ? v : pair.key;
    }
    if (!target?.range) return undefined;
    return contentEnd(this.model, target);
  }

  /**
   * Appends a map entry (`[key, value text]` pairs, the first being `id`) to a top-level list
   * section, block or flow, creating the section when it is absent or empty.
   */
  appendEntry(section: string, pairs: Array<[string, string]>): OffsetEdit | undefined {
    const value = this.model.root?.value(section) ?? null;
    if (isSeq(value) && (value.flow || value.items.length > 0)) {
      if (value.flow) return this.appendToSeq(value, `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`);
      const column = this.model.lines.positionAt(value.range?.[0] ?? 0).character;
      const text = pairs.map(([k, v], i) => `${i === 0 ? '' : this.eol + ' '.repeat(column + 2)}${k}: ${v}`).join('');
      return this.appendToSeq(value, text);
    }
    if (!this.model.root?.isEmpty(section)) return undefined;
    return this.setValue(undefined, section, { block: pairs.map(([k, v], i): [number, string] => [1, `${i === 0 ? '- ' : '  '}${k}: ${v}`]) });
  }

  /**
   * Removes one item from a list field: from a flow list with its comma, from a block list with
   * its line. A lone scalar value becomes `[]`. Undefined where no clean edit exists (a comment on
   * the item's line, an alias).
   */
  removeListItem(holder: MapView, key: string, item: Node): OffsetEdit | undefined {
    const written = holder.pairs.get(key)?.value as Node | null | undefined;
    const value = holder.value(key);
    if (!written || written !== value || !item.range) return undefined;
    if (isScalar(value)) return value === item ? this.replace(value, '[]') : undefined;
    if (!isSeq(value)) return undefined;
    const seq = value as YAMLSeq;
    const i = seq.items.indexOf(item as never);
    if (i < 0) return undefined;
    const [start, end] = valueRange(item);
    if (seq.flow) {
      if (seq.items.length === 1) return this.replace(seq, '[]');
      const next = seq.items[i + 1] as Node | undefined;
      if (next?.range) return { start, end: next.range[0], text: '' };
      const prev = seq.items[i - 1] as Node;
      return { start: contentEnd(this.model, prev), end, text: '' };
    }
    if (seq.items.length === 1) return this.replace([seq.range?.[0] ?? start, contentEnd(this.model, seq)], '[]');
    const lines = this.model.lines;
    const line = lines.lineOf(start);
    if (lines.lineOf(end) !== line || /#/.test(this.text.slice(end, lines.lineEndOf(line)))) return undefined;
    return { start: lines.starts[line], end: lines.lineEndOf(line, true), text: '' };
  }

  /** Removes a pair (its whole lines) from a block map. */
  removePair(map: MapView, key: string): OffsetEdit | undefined {
    const pair = map.pairs.get(key);
    if (!pair || map.node.flow || map.node.items.length < 2) return undefined;
    const keyNode = pair.key as Node;
    const lines = this.model.lines;
    const startLine = lines.lineOf(keyNode.range?.[0] ?? 0);
    if (lines.indentOf(startLine) !== lines.positionAt(keyNode.range?.[0] ?? 0).character) return undefined;
    const endOffset = pair.value ? contentEnd(this.model, pair.value as Node) : (keyNode.range?.[1] ?? 0);
    const endLine = lines.lineOf(endOffset);
    return { start: lines.starts[startLine], end: lines.lineEndOf(endLine, true), text: '' };
  }

  /** Removes a comment; the whole line when the comment is alone on it. */
  removeComment(start: number, end: number): OffsetEdit {
    const lines = this.model.lines;
    const line = lines.lineOf(start);
    const lineStart = lines.starts[line];
    if (this.text.slice(lineStart, start).trim() === '') return { start: lineStart, end: lines.lineEndOf(line, true), text: '' };
    let from = start;
    while (from > lineStart && /[ \t]/.test(this.text[from - 1])) from--;
    return { start: from, end: Math.min(end, lines.lineEndOf(line)), text: '' };
  }

  /** Lines for `key: value` at a column (no leading line break). */
  pairLines(column: number, key: string, value: InsertValue): string {
    const pad = ' '.repeat(column);
    if (typeof value === 'string') return `${pad}${key}: ${value}`;
    return `${pad}${key}:${this.blockLines(column, value.block)}`;
  }

  /** Nested lines under a key at `column`, each on its own line (leading line break included). */
  blockLines(column: number, block: Array<[number, string]>): string {
    const unit = this.indentUnit();
    return block.map(([depth, text]) => `${this.eol}${' '.repeat(column + depth * unit)}${text}`).join('');
  }

  /** End of the line holding `offset` (before its line break). */
  lineEndAfter(offset: number): number {
    const lines = this.model.lines;
    return lines.lineEndOf(lines.lineOf(offset));
  }

  private appendAtEnd(column: number, key: string, value: InsertValue): OffsetEdit {
    const t = this.text;
    const needsBreak = t.length > 0 && !t.endsWith('\n');
    return { start: t.length, end: t.length, text: (needsBreak ? this.eol : '') + this.pairLines(column, key, value) + this.eol };
  }
}

/** A node's value range (quotes included, trailing comments excluded). */
export function valueRange(node: Node): [number, number] {
  const r = node.range ?? [0, 0, 0];
  return [r[0], r[1]];
}

/** Offset just after the last character of a node's content (no trailing blank or comment). */
export function contentEnd(model: CharterModel, node: Node): number {
  let n: Node | null = node;
  for (let depth = 0; n && depth < 200; depth++) {
    if ((isMap(n) || isSeq(n)) && !n.flow && n.items.length) {
      const last: unknown = n.items[n.items.length - 1];
      if (isMap(n)) {
        const pair = last as { key: Node; value: Node | null };
        const v: Node | null = pair.value ?? null;
        n = v && v.range && !(isScalar(v) && v.value === null && v.range[0] === v.range[1]) ? v : pair.key;
      } else {
        n = (last as Node | null) ?? null;
        if (!n) break;
      }
      continue;
    }
    let end = n.range?.[1] ?? 0;
    const text = model.text;
    while (end > 0 && /[\s]/.test(text[end - 1])) end--;
    return end;
  }
  return node.range?.[1] ?? 0;
}

function isEmptyDocument(model: CharterModel): boolean {
  const c = model.doc.contents as Node | null;
  return !c || (isScalar(c) && c.value === null);
}

export { deref };
