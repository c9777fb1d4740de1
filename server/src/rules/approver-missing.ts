import { defineRule } from '../engine/rule';
import { formatScalar } from '../engine/edits';
import { boundaryOf, fieldValue } from '../engine/fields';

export default defineRule({
  id: 'approver-missing',
  severity: 'error',
  description: 'A decision with boundary "escalate" names no approver',
  check(ctx) {
    const { model, index, edits } = ctx;
    for (const decision of model.lists.decisions) {
      if (boundaryOf(decision) !== 'escalate') continue;
      if (fieldValue(decision, 'approver').kind !== 'empty') continue;
      // `escalate_to` is where contested calls go, the natural approver; never the owner itself.
      const escalateTo = fieldValue(decision, 'escalate_to');
      const owner = index.ownerShape(decision);
      const candidate = escalateTo.kind === 'text' && !(owner.kind === 'single' && owner.party === escalateTo.text) ? escalateTo.text : undefined;
      ctx.report({
        at: decision.anchor,
        entry: decision,
        message: `${decision.label} needs approval (boundary "escalate") but names no approver: the owner cannot tell whose yes to wait for`,
        fixes: [
          {
            title: candidate ? `Set approver to "${candidate}" (its escalate_to)` : 'Insert "approver: TODO"',
            safe: false,
            edits: [edits.setValue(decision, 'approver', candidate ? formatScalar(candidate) : 'TODO')],
          },
        ],
      });
    }
  },
});
