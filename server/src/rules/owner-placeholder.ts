import { defineRule } from '../engine/rule';
import type { FixDraft } from '../engine/rule';
import { q } from '../engine/text';
import { ownNode, ownerHolders, replaceFieldScalar } from '../engine/fields';

const WHY: Record<string, string> = {
  decisions: 'nobody in particular is accountable for making the call',
  checkins: 'nobody in particular will run it',
  milestones: 'nobody in particular is accountable for delivering it',
  risks: 'nobody in particular is watching it',
  updates: 'nobody in particular will post them',
};

export default defineRule({
  id: 'owner-placeholder',
  severity: 'error',
  description: 'An owner is a stand-in ("team", "everyone", "TBD", …) instead of one person or role',
  check(ctx) {
    const { model, index, edits } = ctx;
    const leadIds = [...new Set(index.leads.map((lead) => lead.id?.trim()).filter((id): id is string => !!id))];
    for (const { holder, entry, label, section } of ownerHolders(model)) {
      const shape = index.ownerShape(holder);
      if (shape.kind !== 'placeholder') continue;
      const at = ownNode(holder, 'owner') ?? holder.value('owner');
      if (!at) continue;
      const fixes: FixDraft[] = leadIds.map((id) => ({
        title: `Set owner to "${id}"`,
        safe: false,
        edits: [replaceFieldScalar(edits, holder, 'owner', id)],
      }));
      ctx.report({
        at,
        entry,
        message: `${label} has owner ${q(shape.value)}, a stand-in rather than a person or role: ${WHY[section]}`,
        fixes,
      });
    }
  },
});
