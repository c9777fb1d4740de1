// Small readers over one analysis that the matrix, the calendar and the load share: where a node
// is written, which lines an entry spans, which findings point inside it, and how a party
// reference splits into parties.
import type { Node } from 'yaml';
import type { Entry } from '../engine/parse';
import type { Finding } from '../engine/model';
import type { Analysis } from '../lint';
import { splitJoinedParties } from '../engine/vocabulary';
import type { SourceSpot } from './types';

export function spotOf(analysis: Analysis, node: Node | undefined): SourceSpot | undefined {
  const start = node?.range?.[0];
  if (start === undefined) return undefined;
  const { line, character } = analysis.model.lines.positionAt(start);
  return { line, character };
}

/** Where an entry is written: its `id` value, else its first key. */
export function entrySpot(analysis: Analysis, entry: Entry): SourceSpot {
  return spotOf(analysis, entry.anchor) ?? spotOf(analysis, entry.node) ?? { line: 0, character: 0 };
}

/** Indexes of the findings that point inside the entry (or name it as their entry). */
export function findingsInside(analysis: Analysis, entry: Entry, findings: readonly Finding[]): number[] {
  const range = entry.node.range;
  const lines = analysis.model.lines;
  const first = range ? lines.lineOf(range[0]) : -1;
  const last = range ? lines.lineOf(Math.max(range[0], range[1] - 1)) : -1;
  const out: number[] = [];
  findings.forEach((f, i) => {
    const named = f.entry?.section === entry.section && (f.entry.id !== undefined ? f.entry.id === entry.id : f.entry.index === entry.index);
    const line = f.range.start.line;
    if (named || (line >= first && line <= last)) out.push(i);
  });
  return out;
}

/**
 * The parties one reference names: itself when declared, else the parts of a joined string
 * (`ana and ben`, `ana/ben`), so a matrix shows what the author wrote party by party.
 */
export function partiesNamed(analysis: Analysis, value: string): string[] {
  const v = value.trim();
  if (v === '') return [];
  if (analysis.index.isDeclared('party', v)) return [v];
  return splitJoinedParties(v);
}

/** A scalar field as trimmed text; undefined when missing or blank. */
export function textOf(entry: { text(key: string): string | undefined }, key: string): string | undefined {
  const t = entry.text(key)?.trim();
  return t === undefined || t === '' ? undefined : t;
}
