// Where findings about a person (not an entry) point: their declaration's `id`, or, for an id
// nobody declares and a role nobody holds, the first place the charter names them in the given fields.
import type { Node } from 'yaml';
import type { RuleContext } from './rule';
import type { OffsetRange } from './parse';

export function partyAnchor(ctx: RuleContext, person: string, fields: readonly string[]): Node | OffsetRange {
  const decl = ctx.index.party(person);
  if (decl && decl.section !== 'roles') return decl.anchor;
  const refs = ctx.index.referencesTo('party', person).filter((r) => fields.includes(r.field));
  const first = refs.sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0))[0];
  return first?.node ?? decl?.anchor ?? ctx.topAnchor();
}
