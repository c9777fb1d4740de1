// Document symbols: sections, then their entries (named by id, with scope/title/name as detail)
// or keys. Flat SymbolInformation for clients without hierarchical support.
import { SymbolKind } from 'vscode-languageserver-types';
import type { DocumentSymbol, Range, SymbolInformation } from 'vscode-languageserver-protocol';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import { contentEnd } from '../engine/edits';
import { LIST_SECTIONS, scalarText } from '../engine/parse';
import type { Entry, ListSection } from '../engine/parse';
import type { Analysis } from '../lint';

const ENTRY_KIND: Record<ListSection, SymbolKind> = {
  members: SymbolKind.Object,
  roles: SymbolKind.Object,
  stakeholders: SymbolKind.Object,
  priorities: SymbolKind.Object,
  decisions: SymbolKind.Function,
  checkins: SymbolKind.Event,
  milestones: SymbolKind.Event,
  risks: SymbolKind.Object,
};

/** The text shown next to an entry's id. */
const DETAIL_KEYS: Record<ListSection, string[]> = {
  members: ['name', 'role'],
  roles: ['title'],
  stakeholders: ['name'],
  priorities: ['title'],
  decisions: ['scope'],
  checkins: ['cadence'],
  milestones: ['title'],
  risks: ['description'],
};

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const { model } = analysis;
  const root = model.root;
  if (!root) return [];
  const out: DocumentSymbol[] = [];
  for (const pair of root.node.items) {
    const name = scalarText(pair.key as Node);
    if (name === undefined) continue;
    const value = pair.value as Node | null;
    const section: DocumentSymbol = {
      name: symbolName(name),
      kind: isSeq(value) || isMap(value) ? SymbolKind.Module : isScalar(value) && typeof value.value === 'number' ? SymbolKind.Number : SymbolKind.String,
      range: pairRange(analysis, pair),
      selectionRange: nodeRange(analysis, pair.key as Node),
    };
    if (isScalar(value) && value.value !== null) section.detail = short(String(scalarText(value) ?? ''));
    if ((LIST_SECTIONS as readonly string[]).includes(name)) {
      section.children = model.lists[name as ListSection].map((entry) => entrySymbol(analysis, entry));
    } else if (isMap(value)) {
      section.children = value.items
        .filter((p) => scalarText(p.key as Node) !== undefined)
        .map((p) => {
          const v = p.value as Node | null;
          const text = isScalar(v) ? scalarText(v) : undefined;
          return { name: symbolName(scalarText(p.key as Node)!), kind: SymbolKind.Property, detail: text !== undefined ? short(text) : undefined, range: pairRange(analysis, p), selectionRange: nodeRange(analysis, p.key as Node) };
        });
    }
    out.push(section);
  }
  return out;
}

function entrySymbol(analysis: Analysis, entry: Entry): DocumentSymbol {
  const detail = DETAIL_KEYS[entry.section].map((k) => entry.text(k)).filter((t): t is string => t !== undefined && t.trim() !== '');
  const range = nodeRange(analysis, entry.node as unknown as Node, true);
  const selection = nodeRange(analysis, entry.anchor);
  return {
    name: entry.id ?? `#${entry.index + 1}`,
    kind: ENTRY_KIND[entry.section],
    detail: detail.length ? short(detail.join(' · ')) : undefined,
    range,
    // Clients reject a selection outside the range (an id given by an alias lives elsewhere).
    selectionRange: within(selection, range) ? selection : { start: range.start, end: range.start },
  };
}

function within(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Flattened for clients that do not support hierarchical symbols. */
export function flatSymbols(symbols: DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    { name: s.name, kind: s.kind, location: { uri, range: s.selectionRange }, ...(container ? { containerName: container } : {}) },
    ...flatSymbols(s.children ?? [], uri, s.name),
  ]);
}

function nodeRange(analysis: Analysis, node: Node, toContentEnd = false): Range {
  const [s, e] = node.range ?? [0, 0];
  return analysis.model.lines.rangeOf(s, toContentEnd ? contentEnd(analysis.model, node) : e);
}

function pairRange(analysis: Analysis, pair: Pair): Range {
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  const start = key.range?.[0] ?? 0;
  const end = value?.range ? Math.max(contentEnd(analysis.model, value), key.range?.[1] ?? start) : (key.range?.[1] ?? start);
  return analysis.model.lines.rangeOf(start, end);
}

/** LSP forbids a name that is empty or only white space (VS Code drops the outline): such a key is shown quoted. */
function symbolName(key: string): string {
  return key.trim() === '' ? JSON.stringify(key) : key;
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? one.slice(0, 77) + '…' : one;
}
