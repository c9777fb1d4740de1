import { defineRule } from '../engine/rule';
import { boundaryOf, fieldValue } from '../engine/fields';

export default defineRule({
  id: 'escalation-missing',
  severity: 'info',
  description: 'A decision with boundary "consult" or "escalate" says nowhere to take it when blocked (no escalate_to)',
  check(ctx) {
    for (const decision of ctx.model.lists.decisions) {
      const boundary = boundaryOf(decision);
      if (boundary !== 'consult' && boundary !== 'escalate') continue;
      if (fieldValue(decision, 'escalate_to').kind !== 'empty') continue;
      ctx.report({
        at: decision.anchor,
        entry: decision,
        message: `${decision.label} has boundary ${JSON.stringify(boundary)} but no escalate_to: when it is blocked or contested, nobody knows where it goes`,
        fixes: [{ title: 'Insert "escalate_to: TODO"', safe: false, edits: [ctx.edits.setValue(decision, 'escalate_to', 'TODO')] }],
      });
    }
  },
});
