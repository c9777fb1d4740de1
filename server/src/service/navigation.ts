// Go to definition, find references and rename for ids: party ids (members, roles, stakeholders
// share one namespace), milestone ids in `checkin.milestones`, decision ids in `risk.decisions`.
import type { Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { Node, Scalar } from 'yaml';
import { SECTION_NAMESPACE } from '../engine/indexes';
import type { Namespace } from '../engine/indexes';
import { LIST_SECTIONS } from '../engine/parse';
import type { Entry } from '../engine/parse';
import { Edits } from '../engine/edits';
import { suggestId } from '../engine/schema';
import type { Analysis } from '../lint';
import { RefusedRequest } from './errors';

export const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export interface IdAt {
  namespace: Namespace;
  id: string;
  node: Scalar;
  /** The offset is on a declaration (`id: …`) rather than a reference. */
  declaration: boolean;
}

const contains = (node: Node | undefined, offset: number) => Boolean(node?.range && node.range[0] <= offset && offset <= node.range[1]);

export function idAt(analysis: Analysis, offset: number): IdAt | undefined {
  const { model, index } = analysis;
  for (const ref of index.references) {
    if (!contains(ref.node, offset)) continue;
    const namespace: Namespace = ref.kind === 'milestone' ? 'milestone' : ref.kind === 'decision' ? 'decision' : 'party';
    return { namespace, id: ref.value, node: ref.node, declaration: false };
  }
  for (const section of LIST_SECTIONS) {
    for (const entry of model.lists[section]) {
      if (entry.id !== undefined && entry.idNode && contains(entry.idNode, offset)) return { namespace: SECTION_NAMESPACE[section], id: entry.id, node: entry.idNode, declaration: true };
    }
  }
  return undefined;
}

function declarations(analysis: Analysis, target: IdAt): Entry[] {
  return analysis.index.declared[target.namespace].get(target.id) ?? [];
}

function referenceNodes(analysis: Analysis, target: IdAt): Scalar[] {
  const kind = target.namespace === 'party' || target.namespace === 'milestone' || target.namespace === 'decision' ? target.namespace : undefined;
  return kind ? analysis.index.referencesTo(kind, target.id).map((r) => r.node) : [];
}

function rangeOf(analysis: Analysis, node: Node): Range {
  const [s, e] = node.range ?? [0, 0];
  return analysis.model.lines.rangeOf(s, e);
}

export function definition(analysis: Analysis, uri: string, offset: number): Location[] {
  const target = idAt(analysis, offset);
  if (!target) return [];
  return declarations(analysis, target)
    .filter((e) => e.idNode)
    .map((e) => ({ uri, range: rangeOf(analysis, e.idNode!) }));
}

export function references(analysis: Analysis, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const target = idAt(analysis, offset);
  if (!target) return [];
  const nodes: Node[] = [];
  if (includeDeclaration) for (const e of declarations(analysis, target)) if (e.idNode) nodes.push(e.idNode);
  nodes.push(...referenceNodes(analysis, target));
  return unique(nodes).map((n) => ({ uri, range: rangeOf(analysis, n) }));
}

/** The id's text range (inside quotes) and the id, or null where there is nothing to rename. */
export function prepareRename(analysis: Analysis, offset: number): { range: Range; placeholder: string } | null {
  const target = idAt(analysis, offset);
  if (!target || !ID_PATTERN.test(target.id)) return null;
  const [s, e] = target.node.range ?? [0, 0];
  const quoted = target.node.type === 'QUOTE_DOUBLE' || target.node.type === 'QUOTE_SINGLE';
  return { range: analysis.model.lines.rangeOf(quoted ? s + 1 : s, quoted ? e - 1 : e), placeholder: target.id };
}

export function rename(analysis: Analysis, uri: string, offset: number, newName: string): WorkspaceEdit {
  const target = idAt(analysis, offset);
  if (!target || !ID_PATTERN.test(target.id)) throw new RefusedRequest('only an id (its declaration or a reference to it) can be renamed here');
  const name = newName.trim();
  if (!ID_PATTERN.test(name)) throw new RefusedRequest(`"${newName}" is not a valid id: use lowercase kebab-case, like "${suggestId(newName)}"`);
  if (name === target.id) return { changes: { [uri]: [] } };
  const clash = analysis.index.declared[target.namespace].get(name)?.[0];
  if (clash) throw new RefusedRequest(`"${name}" is already the id of ${clash.label}`);
  const edits = new Edits(analysis.model);
  const nodes: Scalar[] = [...declarations(analysis, target).map((e) => e.idNode).filter((n): n is Scalar => n !== undefined), ...referenceNodes(analysis, target)];
  const changes: TextEdit[] = unique(nodes).map((node) => {
    const e = edits.replaceScalar(node, name);
    return { range: analysis.model.lines.rangeOf(e.start, e.end), newText: e.text };
  });
  return { changes: { [uri]: changes } };
}

function unique<T extends Node>(nodes: T[]): T[] {
  const seen = new Set<number>();
  return nodes.filter((n) => {
    const start = n.range?.[0] ?? -1;
    if (seen.has(start)) return false;
    seen.add(start);
    return true;
  });
}
