import { defineRule } from '../engine/rule';
import type { FixDraft } from '../engine/rule';
import { formatScalar } from '../engine/edits';
import { fieldValue } from '../engine/fields';

export default defineRule({
  id: 'risk-owner-missing',
  severity: 'info',
  description: 'A decision does not say who absorbs the consequences if it goes wrong (no risk_owner)',
  check(ctx) {
    const { model, index, edits } = ctx;
    for (const decision of model.lists.decisions) {
      // A list or map here is a wrong type: the schema reports it.
      if (fieldValue(decision, 'risk_owner').kind !== 'empty') continue;
      const owner = index.ownerShape(decision);
      const fixes: FixDraft[] = [];
      // Offered, never applied by --fix: who carries a risk is a decision for people. Only a single
      // declared party is offered: copying a typo or "team" would hide the gap.
      if (owner.kind === 'single' && index.isDeclared('party', owner.party)) {
        fixes.push({
          title: `Set risk_owner to the owner, "${owner.party}"`,
          safe: false,
          edits: [edits.setValue(decision, 'risk_owner', formatScalar(owner.party))],
        });
      }
      ctx.report({
        at: decision.anchor,
        entry: decision,
        message: `${decision.label} has no risk_owner: nobody is named to absorb the consequences if it goes wrong`,
        fixes,
      });
    }
  },
});
