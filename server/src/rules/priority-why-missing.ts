import { isScalar } from 'yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'priority-why-missing',
  severity: 'info',
  description: 'A priority without a `why`',
  check(ctx) {
    for (const entry of ctx.model.lists.priorities) {
      const value = entry.value('why');
      // A `why` of the wrong type is schema-invalid-value's finding.
      if (value !== null && !(isScalar(value) && entry.isEmpty('why'))) continue;
      ctx.report({
        at: entry.anchor,
        entry,
        message: `${entry.label} has no "why": without the reason, people cannot weigh it against other work and ask instead`,
        fixes: [{ title: 'Insert a "why" placeholder', safe: false, edits: [ctx.edits.setValue(entry, 'why', '"TODO: why it matters now"')] }],
      });
    }
  },
});
