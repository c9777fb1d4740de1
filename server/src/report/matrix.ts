// The decision-rights matrix of one charter: decisions as rows, parties as columns (declared
// members, roles, stakeholders in declaration order, then undeclared references), cells listing
// the parts a party plays (O A C I R E). A role reference fills the role's column: the matrix
// shows what the charter says, not who holds the role.
import { fieldValue } from '../engine/fields';
import { BOUNDARIES } from '../engine/vocabulary';
import type { Finding } from '../engine/model';
import type { Entry } from '../engine/parse';
import type { Analysis } from '../lint';
import { entrySpot, findingsInside, partiesNamed, spotOf, textOf } from './source';
import { LETTERS, LETTER_FIELD } from './types';
import type { BoundaryKind, DecisionMatrix, Letter, MatrixCell, MatrixColumn, MatrixRow } from './types';

const FIELD_LETTER = new Map<string, Letter>(LETTERS.map((l) => [LETTER_FIELD[l], l]));

export function decisionMatrix(analysis: Analysis, findings: readonly Finding[]): DecisionMatrix {
  const { model, index } = analysis;
  const columns = declaredColumns(analysis);
  const columnOf = new Map(columns.map((c, i) => [c.id, i]));

  // Cells by decision, filled from the index's references (each keeps its node, so its place).
  const cellsOf = new Map<Entry, Map<number, MatrixCell>>();
  // In file order, so undeclared parties get their columns in the order they are first named.
  const refs = index.references.filter((r) => r.kind === 'party' && r.entry?.section === 'decisions').sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0));
  for (const ref of refs) {
    if (!ref.entry) continue;
    const letter = FIELD_LETTER.get(ref.field);
    if (!letter) continue;
    for (const party of partiesNamed(analysis, ref.value)) {
      let column = columnOf.get(party);
      if (column === undefined) {
        column = columns.length;
        columns.push({ id: party, kind: 'undeclared' });
        columnOf.set(party, column);
      }
      let cells = cellsOf.get(ref.entry);
      if (!cells) cellsOf.set(ref.entry, (cells = new Map()));
      let cell = cells.get(column);
      if (!cell) cells.set(column, (cell = { letters: [], at: {} }));
      if (!cell.letters.includes(letter)) {
        cell.letters.push(letter);
        cell.at[letter] = spotOf(analysis, ref.node);
      }
    }
  }

  const rows: MatrixRow[] = model.lists.decisions.map((decision) => {
    const cells = cellsOf.get(decision);
    for (const cell of cells?.values() ?? []) cell.letters.sort((a, b) => LETTERS.indexOf(a) - LETTERS.indexOf(b));
    return {
      ...(decision.id !== undefined ? { id: decision.id } : {}),
      label: decision.label,
      ...(textOf(decision, 'scope') !== undefined ? { scope: textOf(decision, 'scope') } : {}),
      boundary: boundaryOf(decision),
      at: entrySpot(analysis, decision),
      cells: [], // filled below, once every undeclared column is known
      findings: findingsInside(analysis, decision, findings),
    };
  });
  model.lists.decisions.forEach((decision, i) => {
    const cells = cellsOf.get(decision);
    rows[i].cells = columns.map((_, c) => cells?.get(c));
  });
  return { columns, rows };
}

/** Members, roles, stakeholders, each in declaration order; an id declared twice appears once. */
function declaredColumns(analysis: Analysis): MatrixColumn[] {
  const { model } = analysis;
  const seen = new Set<string>();
  const columns: MatrixColumn[] = [];
  const add = (entry: Entry, kind: MatrixColumn['kind'], name: string | undefined, detail: string | undefined) => {
    if (entry.id === undefined || seen.has(entry.id)) return;
    seen.add(entry.id);
    columns.push({ id: entry.id, kind, ...(name !== undefined ? { name } : {}), ...(detail !== undefined ? { detail } : {}), at: entrySpot(analysis, entry) });
  };
  for (const m of model.lists.members) add(m, 'member', textOf(m, 'name'), textOf(m, 'role'));
  for (const r of model.lists.roles) add(r, 'role', textOf(r, 'title'), undefined);
  for (const s of model.lists.stakeholders) add(s, 'stakeholder', textOf(s, 'name'), textOf(s, 'kind'));
  return columns;
}

/** `team` when missing (the format's default); an unknown word or a non-word is `invalid`. */
export function boundaryOf(decision: Entry): MatrixRow['boundary'] {
  const f = fieldValue(decision, 'boundary');
  if (f.kind === 'empty') return { kind: 'team', word: 'team', defaulted: true };
  if (f.kind === 'other') return { kind: 'invalid', word: '(not a word)', defaulted: false };
  const word = f.text.toLowerCase();
  const kind: BoundaryKind = (BOUNDARIES as readonly string[]).includes(word) ? (word as BoundaryKind) : 'invalid';
  return { kind, word: kind === 'invalid' ? f.text : word, defaulted: false };
}
