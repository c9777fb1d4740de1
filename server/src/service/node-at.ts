// The parsed node under an offset, with its path from the top (`['decisions', 1, 'owner']`).
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Scalar } from 'yaml';
import type { CharterModel } from '../engine/parse';
import { scalarText } from '../engine/parse';
import type { PathSegment } from './cursor';

export interface NodeAt {
  /** Path of the value; on a key, the path of that key's value. */
  path: PathSegment[];
  on: 'key' | 'value';
  node: Scalar;
}

const contains = (node: Node | null | undefined, offset: number): boolean => Boolean(node?.range && node.range[0] <= offset && offset <= node.range[1]);

export function nodeAt(model: CharterModel, offset: number): NodeAt | undefined {
  let node = model.doc.contents as Node | null;
  const path: PathSegment[] = [];
  for (let depth = 0; node && depth < 200; depth++) {
    if (isMap(node)) {
      let next: Node | null = null;
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const keyText = scalarText(key);
        if (keyText === undefined) continue;
        if (isScalar(key) && contains(key, offset)) return { path: [...path, keyText], on: 'key', node: key };
        const value = pair.value as Node | null;
        if (contains(value, offset)) {
          path.push(keyText);
          next = value;
          break;
        }
      }
      node = next;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => contains(item as Node, offset));
      if (i < 0) return undefined;
      path.push(i);
      node = node.items[i] as Node;
    } else if (isScalar(node)) {
      return { path, on: 'value', node };
    } else {
      return undefined;
    }
  }
  return undefined;
}
