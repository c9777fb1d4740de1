import { defineRule } from '../engine/rule';
import { q } from '../engine/text';
import { fieldValue, solePerson } from '../engine/fields';

export default defineRule({
  id: 'self-approval',
  severity: 'error',
  description: 'A decision\'s approver is its own owner',
  check(ctx) {
    for (const decision of ctx.model.lists.decisions) {
      const owner = fieldValue(decision, 'owner');
      const approver = fieldValue(decision, 'approver');
      if (owner.kind !== 'text' || approver.kind !== 'text') continue;
      // The same text in both fields, whatever it is: unknown-reference leaves such an approver to this rule.
      if (approver.text === owner.text) {
        ctx.report({
          at: approver.at,
          entry: decision,
          message: `${decision.label} has ${q(owner.text)} as both owner and approver: approving your own call is no check at all`,
        });
        continue;
      }
      // A role reference means whoever holds the role: with one holder, that is one person.
      const person = solePerson(ctx.index, owner.text);
      if (person === undefined || person !== solePerson(ctx.index, approver.text)) continue;
      const role = ctx.index.party(owner.text)?.section === 'roles' ? owner.text : approver.text;
      ctx.report({
        at: approver.at,
        entry: decision,
        message: `${decision.label} has owner ${q(owner.text)} and approver ${q(approver.text)}, and ${q(person)} is the only ${q(role)}: approving your own call is no check at all`,
      });
    }
  },
});
