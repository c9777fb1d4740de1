// The same party id declared in two charters under different names: either two people share an
// id (and each charter's calls land on the wrong one), or one person goes by two names.
import { defineSetRule } from '../engine/rule';
import type { PartyDeclaration } from '../engine/charter-set';

export default defineSetRule({
  id: 'party-name-mismatch',
  severity: 'warning',
  description: 'The same party id is declared in two charters with different names',
  minCharters: 2,
  checkSet(ctx) {
    // Charters come in path order; declarations within one in file order.
    const byId = new Map<string, Array<{ file: string; decl: PartyDeclaration }>>();
    for (const c of ctx.charters) {
      const ordered = [...c.parties].sort((a, b) => a.anchor.start.line - b.anchor.start.line || a.anchor.start.character - b.anchor.start.character);
      for (const decl of ordered) {
        const list = byId.get(decl.id);
        if (list) list.push({ file: c.file, decl });
        else byId.set(decl.id, [{ file: c.file, decl }]);
      }
    }
    const norm = (name: string) => name.trim().toLowerCase();
    for (const [id, decls] of byId) {
      const named = decls.filter((d) => d.decl.name && d.decl.name.text.trim() !== '');
      const reference = named[0];
      if (!reference) continue;
      for (const other of named.slice(1)) {
        // Two declarations in one charter are duplicate-id's finding.
        if (other.file === reference.file || norm(other.decl.name!.text) === norm(reference.decl.name!.text)) continue;
        ctx.report({
          file: other.file,
          range: other.decl.name!.range,
          subject: `party ${id}`,
          message: `"${id}" is named "${other.decl.name!.text.trim()}" here but "${reference.decl.name!.text.trim()}" in ${reference.file}: two people share one id, or one person goes by two names`,
          related: [{ file: reference.file, range: reference.decl.name!.range, message: `"${id}" is "${reference.decl.name!.text.trim()}" here` }],
        });
      }
    }
  },
});
