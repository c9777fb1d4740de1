import { isScalar } from 'yaml';
import { defineRule } from '../engine/rule';
import { closestMatches } from '../engine/text';

export default defineRule({
  id: 'schema-unknown-key',
  severity: 'warning',
  description: 'A key the charter format does not define (extension keys start with "x-")',
  check(ctx) {
    for (const p of ctx.schema.problems) {
      if (p.kind !== 'unknown-key' || !p.node || !p.key) continue;
      const present = new Set(p.holder ? [...p.holder.pairs.keys()] : []);
      const candidates = closestMatches(p.key, (p.candidates ?? []).filter((c) => !present.has(c)), 2);
      const hint = candidates.length ? `; did you mean ${candidates.map((c) => `"${c}"`).join(' or ')}?` : '; custom keys must start with "x-"';
      ctx.report({
        at: p.node,
        entry: p.entry,
        message: `${p.message}${hint}`,
        fixes: candidates.map((c) => ({
          title: `Rename to "${c}"`,
          safe: candidates.length === 1,
          edits: [isScalar(p.node) ? ctx.edits.replaceScalar(p.node, c) : undefined],
        })),
      });
    }
  },
});
