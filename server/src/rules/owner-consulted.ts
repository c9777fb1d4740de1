// A decision's owner listed in its own consult or inform: harmless, but it hides who is actually
// heard. Removing the owner from that list changes nothing about who decides or is heard.
import { defineRule } from '../engine/rule';
import { boundaryOf, scalarItemsOf } from '../engine/fields';
import { q } from '../engine/text';

export default defineRule({
  id: 'owner-consulted',
  severity: 'info',
  description: 'A decision\'s owner also appears in its own consult or inform list',
  check(ctx) {
    const { model, index, edits } = ctx;
    for (const decision of model.lists.decisions) {
      const owner = index.ownerShape(decision);
      if (owner.kind !== 'single') continue;
      for (const field of ['consult', 'inform'] as const) {
        const items = scalarItemsOf(decision, field);
        for (const item of items.filter((i) => i.text === owner.party)) {
          // Under `boundary: consult` an empty consult list is a new problem (consult-missing).
          const leavesEmpty = field === 'consult' && boundaryOf(decision) === 'consult' && items.every((i) => i.text === owner.party);
          ctx.report({
            at: item.node,
            entry: decision,
            message: `${decision.label} lists its owner ${q(owner.party)} in "${field}": the owner makes the call, so ${field === 'consult' ? 'consulting' : 'informing'} them says nothing`,
            fixes: [{ title: `Remove "${owner.party}" from ${field}`, safe: !leavesEmpty, edits: [edits.removeListItem(decision, field, item.node)] }],
          });
        }
      }
    }
  },
});
