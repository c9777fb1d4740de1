// A `.charterrc.*` file as an editor sees it: the data the CLI reads, and the YAML tree (JSON is YAML
// too) that says where each key and value is, so problems, completion and hover land on exact ranges.
import { isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { parseConfigText } from '../../engine/config';
import type { ConfigPath } from '../../engine/config-problems';

export type OffsetRange = [start: number, end: number];

export interface ConfigDocument {
  text: string;
  /** `.charterrc.json` is read with JSON.parse (as the CLI does); the other names as YAML. */
  json: boolean;
  tree: Document.Parsed;
  /** The data the CLI reads; undefined when the file cannot be read (see `error`). */
  data?: unknown;
  error?: { message: string; range: OffsetRange };
}

export function parseConfigDocument(text: string, fileName: string): ConfigDocument {
  const source = text.replace(/^\uFEFF/, '');
  const json = fileName.endsWith('.json');
  const tree = parseDocument(source, { prettyErrors: false, logLevel: 'silent', keepSourceTokens: false });
  const config: ConfigDocument = { text: source, json, tree };
  try {
    config.data = parseConfigText(source, fileName);
  } catch (e) {
    // parseConfigText prefixes the file name, which the editor shows already.
    const message = String((e as Error).message).replace(`${fileName}: `, '');
    config.error = { message, range: errorRange(config, message) };
  }
  return config;
}

/** Where a read error is: yaml's own position, JSON.parse's "position N", else the whole document. */
function errorRange(config: ConfigDocument, message: string): OffsetRange {
  const at = /position (\d+)/.exec(message);
  if (config.json && at) {
    const offset = Math.min(Number(at[1]), config.text.length);
    return [offset, Math.min(offset + 1, config.text.length)];
  }
  const yamlError = config.tree.errors[0];
  if (!config.json && yamlError) return [yamlError.pos[0], Math.max(yamlError.pos[1], yamlError.pos[0])];
  return nodeRange(config.tree.contents) ?? [0, firstLineEnd(config.text)];
}

/** The range of the key or value at `path` (the last pair of that key wins, as in the data). */
export function rangeAt(config: ConfigDocument, path: ConfigPath, at: 'key' | 'value'): OffsetRange {
  let node: unknown = config.tree.contents;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      pair = [...node.items].reverse().find((p) => keyText(p.key) === String(segment));
      if (!pair) break;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      pair = undefined;
      node = node.items[segment];
    } else break;
  }
  const key = pair && isScalar(pair.key) ? nodeRange(pair.key as Node) : undefined;
  if (at === 'key' && key) return key;
  return nodeRange(node as Node) ?? key ?? nodeRange(config.tree.contents) ?? [0, firstLineEnd(config.text)];
}

/** What a key is called: its scalar value as text. */
export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return key === null || key === undefined ? undefined : String(key);
}

export function nodeRange(node: Node | null | undefined): OffsetRange | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

function firstLineEnd(text: string): number {
  const nl = text.search(/\r?\n/);
  return nl < 0 ? text.length : nl;
}

/** A place in the file, by the path of keys and list indexes leading to it. */
export interface Spot {
  /** Keys and list indexes from the top down to the key or value itself. */
  path: Array<string | number>;
  /** On a key, or on a value (or an empty place where a value goes). */
  at: 'key' | 'value';
  /** The scalar under the cursor, if any, and whether it is written in quotes. */
  range?: OffsetRange;
  quoted: boolean;
}

/** The key or value under `offset` in the file as it is (for hover). */
export function spotAt(config: ConfigDocument, offset: number): Spot | undefined {
  const inside = (node: Node | null | undefined) => {
    const r = nodeRange(node);
    return r !== undefined && r[0] <= offset && offset <= r[1];
  };
  const walk = (node: unknown, path: Array<string | number>): Spot | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const name = keyText(pair.key);
        if (name === undefined) continue;
        if (inside(pair.key as Node)) return scalarSpot([...path, name], 'key', pair.key as Node);
        if (inside(pair.value as Node)) return walk(pair.value, [...path, name]);
      }
      return undefined;
    }
    if (isSeq(node)) {
      const i = node.items.findIndex((item) => inside(item as Node));
      return i < 0 ? undefined : walk(node.items[i], [...path, i]);
    }
    if (isScalar(node)) return scalarSpot(path, 'value', node);
    return undefined;
  };
  return walk(config.tree.contents, []);
}

function scalarSpot(path: Array<string | number>, at: 'key' | 'value', node: Node): Spot {
  const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
  return { path, at, range: nodeRange(node), quoted };
}

const CURSOR = '__charterCursor__';

/**
 * Where something typed at `offset` would go (for completion). The text is re-parsed with a marker
 * at the cursor, so half-typed and empty places (`  owner-m`, `{ }`, `[error, { `) read as the key
 * or value they are becoming. `range` is the word being typed (inside quotes, without them).
 */
export function typingSpotAt(text: string, offset: number): (Spot & { range: OffsetRange; prefix: string }) | undefined {
  const marked = text.slice(0, offset) + CURSOR + text.slice(offset);
  const tree = parseDocument(marked, { prettyErrors: false, logLevel: 'silent', keepSourceTokens: false });
  let found: Spot & { range: OffsetRange; prefix: string } | undefined;
  visit(tree, {
    Scalar(key, node, ancestors) {
      if (typeof node.value !== 'string' || !node.value.includes(CURSOR) || !node.range) return undefined;
      const path: Array<string | number> = [];
      for (let i = 0; i < ancestors.length; i++) {
        const a = ancestors[i];
        if (isPair(a)) {
          const name = keyText(a.key);
          if (name !== undefined) path.push(name.replace(CURSOR, ''));
        } else if (isSeq(a)) {
          const next = ancestors[i + 1] ?? node;
          path.push(a.items.indexOf(next as never));
        }
      }
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      const start = node.range[0] + (quoted ? 1 : 0);
      const endMarked = node.range[1] - (quoted && /["']$/.test(marked.slice(0, node.range[1])) ? 1 : 0);
      const end = Math.max(offset, endMarked - CURSOR.length);
      found = { path, at: key === 'key' ? 'key' : 'value', quoted, range: [start, end], prefix: text.slice(start, offset) };
      return visit.BREAK;
    },
  });
  return found;
}
