// Repeated map keys in linear time. yaml's own check (`uniqueKeys: true`) compares each new key
// with every key before it in the map, so a map of thousands of keys takes seconds. yaml calls the
// `uniqueKeys` function at exactly the point where it checks a key, with the map's first key and
// the new one, and stops at the first `true`; this one answers `true` at once and looks the key up
// in a table of the map's keys instead. yaml then raises DUPLICATE_KEY, which the composer's error
// callback (wrapped here) keeps only for a key that really repeats one, placed at that key. So the
// errors are yaml's own, in yaml's order among the others, without the quadratic comparison.
import type { Composer, ErrorCode } from 'yaml';
import { isScalar } from 'yaml';
import type { Node } from 'yaml';

type ErrorSource = number | [number, number] | { offset: number; source?: string } | Node;
type OnError = (source: ErrorSource, code: ErrorCode, message: string, warning?: boolean) => void;

/** The offset of the first character at or after `offset` that is not a blank or in a comment. */
function nextToken(text: string, offset: number): number {
  let at = offset;
  for (;;) {
    const c = text[at];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') at++;
    else if (c === '#') while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
    else return Math.min(at, text.length);
  }
}

export class DuplicateKeys {
  /**
   * Each map's scalar key values, found through the map's first key node. A plain Map: this object
   * lives for one parse, and WeakMap entries cost the garbage collector more.
   */
  private readonly keysOf = new Map<Node, Map<unknown, true>>();
  /** The map of the last call: a map's keys come one after another unless a nested map cuts in. */
  private lastFirst: Node | undefined;
  private lastKeys: Map<unknown, true> | undefined;
  /** The key yaml is about to report: set when it repeats an earlier one, cleared when read. */
  private repeated: Node | undefined;

  constructor(private readonly text: string) {}

  /** yaml's equality (the same scalar value: `1` and `1.0`, `"a"` and `a`), one lookup per key. */
  readonly uniqueKeys = (first: Node, key: Node): boolean => {
    let keys = first === this.lastFirst ? this.lastKeys : this.keysOf.get(first);
    if (!keys) {
      keys = new Map();
      if (isScalar(first) && !Number.isNaN(first.value)) keys.set(first.value, true);
      this.keysOf.set(first, keys);
    }
    this.lastFirst = first;
    this.lastKeys = keys;
    this.repeated = undefined;
    if (isScalar(key) && !Number.isNaN(key.value)) {
      if (keys.has(key.value)) this.repeated = key;
      else keys.set(key.value, true);
    }
    return true;
  };

  /** Makes `composer` keep DUPLICATE_KEY only for a key that repeats one, reported at that key. */
  attach(composer: Composer): void {
    const holder = composer as unknown as { onError: OnError };
    const forward = holder.onError;
    holder.onError = (source, code, message, warning) => {
      if (code === 'DUPLICATE_KEY') {
        const key = this.repeated;
        this.repeated = undefined;
        if (!key) return;
        // At the key itself: after an empty value yaml points at the end of the line before. An
        // empty key has no text of its own: it is where the next token (its `:`) starts.
        if (key.range && key.range[1] > key.range[0]) source = key.range[0];
        else if (typeof source === 'number') source = nextToken(this.text, source);
      }
      forward(source, code, message, warning);
    };
  }
}
