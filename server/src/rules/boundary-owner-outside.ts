// A decision the team is said to take alone, owned by someone outside the team: then the team
// does not decide it. A stakeholder owner needs boundary consult or escalate, or a member owner.
import { defineRule } from '../engine/rule';
import { boundaryOf, ownNode } from '../engine/fields';
import { q } from '../engine/text';

export default defineRule({
  id: 'boundary-owner-outside',
  severity: 'warning',
  description: 'A decision with boundary team is owned by a stakeholder, not a member or role',
  check(ctx) {
    const { model, index } = ctx;
    for (const decision of model.lists.decisions) {
      const owner = index.ownerShape(decision);
      if (owner.kind !== 'single' || boundaryOf(decision) !== 'team') continue;
      if (index.partyKind(owner.party) !== 'stakeholder') continue;
      const at = ownNode(decision, 'owner');
      if (!at) continue;
      ctx.report({
        at,
        entry: decision,
        message: `${decision.label} has boundary "team"${decision.has('boundary') ? '' : ' (the default)'} but its owner ${q(owner.party)} is a stakeholder outside the team: the team does not decide it`,
      });
    }
  },
});
