// Comparing YAML data semantically (quoting, key order and comments never count) and saying values in messages.
import { NON_PRINTABLE, escapeChar, q } from '../engine/text';
import type { Value } from './types';

export function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

export function isRecord(v: Value): v is Record<string, Value> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value absent, null, blank or an empty collection counts as missing, as in the engine. */
export function isMissing(v: Value): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (isRecord(v)) return Object.keys(v).length === 0;
  return false;
}

/** A scalar as text (numbers and booleans too); undefined for collections. */
export function scalarString(v: Value): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

/** `"ana"`, `["ana", "ben"]`: a value as messages quote it. */
export function describe(v: Value): string {
  if (Array.isArray(v)) return `[${v.map(describe).join(', ')}]`;
  const s = scalarString(v);
  return s !== undefined ? q(s) : q(JSON.stringify(v) ?? String(v));
}

/** Quotes a text in full (whitespace collapsed, control characters escaped as in `q`): prose is read whole, not cut at 60 characters. */
export function quoteFull(s: string): string {
  return `"${s.replace(/\s+/g, ' ').trim().replace(NON_PRINTABLE, escapeChar)}"`;
}

/** Scalar items of a value that may be one scalar or a list, as trimmed non-empty strings. */
export function stringItems(v: Value): string[] {
  const items = Array.isArray(v) ? v : [v];
  return items.map(scalarString).filter((s): s is string => s !== undefined && s !== '');
}

/** Items of `a` not in `b`, counting repeats (multiset difference), in `a`'s order. */
export function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
  const rest = new Map<string, number>();
  for (const x of b) rest.set(x, (rest.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = rest.get(x) ?? 0;
    if (n === 0) return true;
    rest.set(x, n - 1);
    return false;
  });
}

/** Days since the epoch for a real calendar date `YYYY-MM-DD` (2027-02-30 is not one). */
export function dayNumber(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const t = Date.UTC(y, mo, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo || back.getUTCDate() !== d) return undefined;
  return t / 86_400_000;
}
