import { defineRule } from '../engine/rule';
import { q } from '../engine/text';
import { fieldValue } from '../engine/fields';

export default defineRule({
  id: 'self-approval',
  severity: 'error',
  description: 'A decision\'s approver is its own owner',
  check(ctx) {
    const { model, index } = ctx;
    for (const decision of model.lists.decisions) {
      // Only a real owner: "TODO" as both owner and approver is two placeholders, not self-approval.
      const owner = index.ownerShape(decision);
      if (owner.kind !== 'single') continue;
      const approver = fieldValue(decision, 'approver');
      if (approver.kind !== 'text' || approver.text !== owner.party) continue;
      ctx.report({
        at: approver.at,
        entry: decision,
        message: `${decision.label} has ${q(owner.party)} as both owner and approver: approving your own call is no check at all`,
      });
    }
  },
});
