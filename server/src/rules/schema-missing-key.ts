import { defineRule } from '../engine/rule';
import type { FixDraft } from '../engine/rule';
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
  traits: { anyDocument: true },
  check(ctx) {
    const { model, edits } = ctx;
    for (const p of ctx.schema.problems) {
      if (p.kind !== 'missing-key') continue;
      const key = p.key ?? '';
      // A required section that the YAML error hid from the parser is not missing.
      if (p.path.length === 0 && model.hiddenSections.has(key)) continue;
      const fixes: FixDraft[] = [];
      if (model.root === undefined) {
        // An empty (or comment-only) file: offer the smallest charter that parses.
        const eol = model.lines.eol;
        const lead = model.text === '' || model.text.endsWith('\n') ? '' : eol;
        const skeleton = ['charter: 1', 'team:', '  id: TODO', '  name: "TODO: team name"', 'members:', '  - id: TODO', '    name: "TODO: name"'];
        fixes.push({ title: 'Insert a charter skeleton', safe: false, edits: [{ start: model.text.length, end: model.text.length, text: lead + skeleton.join(eol) + eol }] });
      } else if (p.holder) {
        const value = PLACEHOLDERS[key] ?? JSON.stringify(`TODO: ${key}`);
        // setValue fills an empty `key:` in place instead of adding a duplicate key.
        fixes.push({ title: `Insert "${key}" with a TODO placeholder`, safe: false, edits: [edits.setValue(p.path.length === 0 ? undefined : p.holder, key, value)] });
      }
      ctx.report({
        at: p.node ?? ctx.topAnchor(),
        entry: p.entry ?? (p.path.length === 1 ? { section: String(p.path[0]) } : p.path.length === 0 && key ? { section: key } : undefined),
        message: p.message,
        fixes,
      });
    }
  },
});
