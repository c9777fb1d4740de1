// Findings introduced and resolved by a change, matched by rule + entry (never by line), so a
// finding that only moved is neither new nor resolved. First rule + entry + message as a multiset;
// then what is left pairs by rule + entry alone, so a finding whose wording follows a value
// (`was due 2027-02-15` → `was due 2027-02-20`) is still the same finding. A finding with a
// `subject` (a pair of decisions, a whole section) pairs by rule + subject instead; findings with
// neither an entry id nor a subject match by rule + message only.
import type { Finding } from '../engine/model';
import { ENTRY_NOUN, LIST_SECTIONS } from '../engine/parse';
import type { ListSection } from '../engine/parse';
import type { DiffFinding } from './types';

/** Renamed ids per section: old id → new id. */
export type Renames = Map<ListSection, Map<string, string>>;

type Keyed = Pick<Finding, 'rule' | 'entry' | 'message' | 'subject'>;

export function matchFindings(base: readonly Finding[], head: readonly Finding[], renames: Renames): { introduced: DiffFinding[]; resolved: DiffFinding[] } {
  const baseAsHead = base.map((f) => renamed(f, renames));
  const exact = (f: Keyed) => JSON.stringify([f.rule, f.entry?.section ?? null, f.entry?.id ?? null, f.message]);
  const byEntry = (f: Keyed) =>
    f.subject !== undefined ? JSON.stringify([f.rule, f.subject]) : f.entry?.id !== undefined ? JSON.stringify([f.rule, f.entry.section, f.entry.id]) : exact(f);
  let baseLeft = base.map((_, i) => i);
  let headLeft = head.map((_, i) => i);
  for (const key of [exact, byEntry]) {
    const baseKeys = baseLeft.map((i) => key(baseAsHead[i]));
    const headKeys = headLeft.map((i) => key(head[i]));
    [baseLeft, headLeft] = [unmatched(baseLeft, baseKeys, headKeys), unmatched(headLeft, headKeys, baseKeys)];
  }
  return { introduced: headLeft.map((i) => toDiffFinding(head[i])), resolved: baseLeft.map((i) => toDiffFinding(base[i])) };
}

/** Items whose key has no counterpart left among `other` keys (each counterpart used once). */
function unmatched<T>(items: readonly T[], keys: readonly string[], otherKeys: readonly string[]): T[] {
  const available = new Map<string, number>();
  for (const k of otherKeys) available.set(k, (available.get(k) ?? 0) + 1);
  return items.filter((_, i) => {
    const n = available.get(keys[i]) ?? 0;
    if (n === 0) return true;
    available.set(keys[i], n - 1);
    return false;
  });
}

/** A base finding about a renamed entry, as it reads under the new id (`decision "old"` → `decision "new"`). */
function renamed(f: Finding, renames: Renames): Keyed {
  const subject = f.subject === undefined ? undefined : renamedSubject(f.subject, renames);
  const section = f.entry?.section as ListSection | undefined;
  const oldId = f.entry?.id;
  const newId = section && oldId !== undefined && (LIST_SECTIONS as readonly string[]).includes(section) ? renames.get(section)?.get(oldId) : undefined;
  if (newId === undefined || !section || oldId === undefined) return { ...f, subject };
  const noun = ENTRY_NOUN[section];
  return { rule: f.rule, entry: { ...f.entry, section, id: newId }, subject, message: f.message.split(`${noun} "${oldId}"`).join(`${noun} "${newId}"`) };
}

/** A subject is `section id…` (ids sorted): renamed ids are mapped, then sorted again. */
function renamedSubject(subject: string, renames: Renames): string {
  const [section, ...ids] = subject.split(' ');
  const map = renames.get(section as ListSection);
  if (!map || ids.length === 0) return subject;
  return [section, ...ids.map((id) => map.get(id) ?? id).sort()].join(' ');
}

function toDiffFinding(f: Finding): DiffFinding {
  const entry = f.entry ? { entry: { section: f.entry.section, ...(f.entry.id !== undefined ? { id: f.entry.id } : {}) } } : {};
  return { rule: f.rule, severity: f.severity, message: f.message, ...entry, range: f.range, docs: f.docs };
}
