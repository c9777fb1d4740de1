import { defineRule } from '../engine/rule';
import { q } from '../engine/text';
import { fieldValue } from '../engine/fields';

export default defineRule({
  id: 'self-approval',
  severity: 'error',
  description: 'A decision\'s approver is its own owner',
  check(ctx) {
    for (const decision of ctx.model.lists.decisions) {
      // The same text in both fields, whatever it is: unknown-reference leaves such an approver to this rule.
      const owner = fieldValue(decision, 'owner');
      const approver = fieldValue(decision, 'approver');
      if (owner.kind !== 'text' || approver.kind !== 'text' || approver.text !== owner.text) continue;
      ctx.report({
        at: approver.at,
        entry: decision,
        message: `${decision.label} has ${q(owner.text)} as both owner and approver: approving your own call is no check at all`,
      });
    }
  },
});
