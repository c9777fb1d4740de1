// Pairs the entries of one list section across base and head: by id (so reordering is no change),
// then a removed id + an added id with otherwise equal content as a rename, then id-less entries by content.
import type { CharterModel, ListSection } from '../engine/parse';
import type { Value } from './types';
import { deepEqual, isRecord } from './values';

export interface EntryRecord {
  section: ListSection;
  index: number;
  id: string | undefined;
  /** `decision "pick-vendors"` or `decision #3`. */
  label: string;
  data: Record<string, Value>;
}

export interface EntryMatch {
  /** Same entry on both sides (same id, or same content without an id), in head order. */
  pairs: Array<[base: EntryRecord, head: EntryRecord]>;
  renamed: Array<[base: EntryRecord, head: EntryRecord]>;
  added: EntryRecord[];
  removed: EntryRecord[];
}

export function entryRecords(model: CharterModel | undefined, section: ListSection): EntryRecord[] {
  if (!model) return [];
  const items = isRecord(model.data) ? model.data[section] : undefined;
  return model.lists[section].map((entry) => {
    const data = Array.isArray(items) ? items[entry.index] : undefined;
    return { section, index: entry.index, id: entry.id?.trim(), label: entry.label, data: isRecord(data) ? data : {} };
  });
}

export function matchEntries(base: readonly EntryRecord[], head: readonly EntryRecord[]): EntryMatch {
  const pairs: Array<[EntryRecord, EntryRecord]> = [];
  const renamed: Array<[EntryRecord, EntryRecord]> = [];
  const usedBase = new Set<EntryRecord>();
  const usedHead = new Set<EntryRecord>();
  const pair = (b: EntryRecord, h: EntryRecord, into: Array<[EntryRecord, EntryRecord]>) => {
    into.push([b, h]);
    usedBase.add(b);
    usedHead.add(h);
  };

  // Duplicate ids pair up in document order: the first with the first.
  const headById = new Map<string, EntryRecord[]>();
  for (const h of head) if (h.id !== undefined) (headById.get(h.id) ?? headById.set(h.id, []).get(h.id)!).push(h);
  for (const b of base) {
    const h = b.id !== undefined ? headById.get(b.id)?.shift() : undefined;
    if (h) pair(b, h, pairs);
  }

  const freeHead = (withId: boolean) => head.filter((h) => !usedHead.has(h) && (h.id !== undefined) === withId);
  for (const b of base.filter((x) => !usedBase.has(x) && x.id !== undefined)) {
    const h = freeHead(true).find((x) => deepEqual(withoutId(b.data), withoutId(x.data)));
    if (h) pair(b, h, renamed);
  }
  for (const b of base.filter((x) => !usedBase.has(x) && x.id === undefined)) {
    const h = freeHead(false).find((x) => deepEqual(b.data, x.data));
    if (h) pair(b, h, pairs);
  }

  const byHeadOrder = (a: [EntryRecord, EntryRecord], b: [EntryRecord, EntryRecord]) => a[1].index - b[1].index;
  return {
    pairs: pairs.sort(byHeadOrder),
    renamed: renamed.sort(byHeadOrder),
    added: head.filter((h) => !usedHead.has(h)),
    removed: base.filter((b) => !usedBase.has(b)),
  };
}

function withoutId(data: Record<string, Value>): Record<string, Value> {
  const { id: _id, ...rest } = data;
  return rest;
}
