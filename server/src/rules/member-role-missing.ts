import { isScalar } from 'yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'member-role-missing',
  severity: 'warning',
  description: 'A member without a `role`',
  check(ctx) {
    for (const entry of ctx.model.lists.members) {
      const value = entry.value('role');
      // A `role` of the wrong type is schema-invalid-value's finding.
      if (value !== null && !(isScalar(value) && entry.isEmpty('role'))) continue;
      ctx.report({
        at: entry.anchor,
        entry,
        message: `${entry.label} has no role: nobody can tell what this person is responsible for, so everything gets checked`,
        fixes: [{ title: 'Insert "role: TODO"', safe: false, edits: [ctx.edits.setValue(entry, 'role', 'TODO')] }],
      });
    }
  },
});
