import { defineRule } from '../engine/rule';
import type { InsertValue } from '../engine/edits';

/** Placeholders the fix inserts; `placeholder-text` then flags them until a person fills them in. */
const PLACEHOLDERS: Record<string, InsertValue> = {
  id: 'TODO',
  team: { block: [[1, 'id: TODO'], [1, 'name: "TODO: team name"']] },
  members: { block: [[1, '- id: TODO'], [1, '  name: "TODO: name"']] },
};

export default defineRule({
  id: 'schema-missing-key',
  severity: 'error',
  description: 'A key the format requires is missing (team.id, an entry\'s id, milestone.title, …)',
  check(ctx) {
    for (const p of ctx.schema.problems) {
      if (p.kind !== 'missing-key') continue;
      const key = p.key ?? '';
      const value = PLACEHOLDERS[key] ?? JSON.stringify(`TODO: ${key}`);
      const canFix = p.path.length === 0 ? ctx.model.root !== undefined : p.holder !== undefined;
      ctx.report({
        at: p.node ?? ctx.topAnchor(),
        entry: p.entry ?? (p.path.length === 1 ? { section: String(p.path[0]) } : undefined),
        message: p.message,
        fixes: canFix ? [{ title: `Insert "${key}" with a TODO placeholder`, safe: false, edits: [ctx.edits.insertPair(p.path.length === 0 ? undefined : p.holder, key, value)] }] : [],
      });
    }
  },
});
