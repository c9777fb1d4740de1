import { defineRule } from '../engine/rule';
import { fieldValue } from '../engine/fields';

export default defineRule({
  id: 'scope-missing',
  severity: 'error',
  description: 'A decision does not say what is being decided (no scope)',
  check(ctx) {
    for (const decision of ctx.model.lists.decisions) {
      // A list or map as scope is a wrong type: the schema reports that one.
      if (fieldValue(decision, 'scope').kind !== 'empty') continue;
      ctx.report({
        at: decision.anchor,
        entry: decision,
        message: `${decision.label} has no scope: nobody can tell which calls it covers, so its owner gets second-guessed`,
        fixes: [
          {
            title: 'Insert "scope" with a TODO placeholder',
            safe: false,
            edits: [ctx.edits.setValue(decision, 'scope', '"TODO: what is being decided, in one sentence"')],
          },
        ],
      });
    }
  },
});
