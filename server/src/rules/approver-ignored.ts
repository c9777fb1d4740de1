// An approver on a decision the team may take alone (or after consulting): either the call needs
// approval or it does not. Quiet where self-approval already reports the same value.
import { defineRule } from '../engine/rule';
import { approvesOwnCall, boundaryOf, fieldValue, replaceFieldScalar } from '../engine/fields';
import { q } from '../engine/text';

export default defineRule({
  id: 'approver-ignored',
  severity: 'warning',
  description: 'An approver on a decision whose boundary is team or consult',
  check(ctx) {
    const { model, index, edits } = ctx;
    for (const decision of model.lists.decisions) {
      const boundary = boundaryOf(decision);
      if (boundary !== 'team' && boundary !== 'consult') continue;
      const approver = fieldValue(decision, 'approver');
      if (approver.kind !== 'text') continue;
      const owner = fieldValue(decision, 'owner');
      if (owner.kind === 'text' && approvesOwnCall(index, owner.text, approver.text)) continue;
      const setBoundary = decision.has('boundary') ? replaceFieldScalar(edits, decision, 'boundary', 'escalate') : edits.insertPair(decision, 'boundary', 'escalate');
      ctx.report({
        at: approver.at,
        entry: decision,
        message: `${decision.label} names approver ${q(approver.text)} but its boundary is "${boundary}"${decision.has('boundary') ? '' : ' (the default)'}: either the call needs approval (boundary "escalate") or it does not`,
        fixes: [
          { title: 'Set "boundary: escalate"', safe: false, edits: [setBoundary] },
          { title: 'Remove the approver', safe: false, edits: [edits.removePair(decision, 'approver')] },
        ],
      });
    }
  },
});
