import { defineRule } from '../engine/rule';
import type { FixDraft } from '../engine/rule';
import { formatScalar } from '../engine/edits';

const WHY: Record<string, string> = {
  decisions: 'nobody is accountable for making the call',
  milestones: 'nobody is accountable for delivering it',
  risks: 'nobody is watching it',
};

export default defineRule({
  id: 'owner-missing',
  severity: 'error',
  description: 'A decision, milestone or risk has no owner',
  check(ctx) {
    const { model, index, edits } = ctx;
    // One fix per lead, even when a lead is declared twice (duplicate-id reports that).
    const leadIds = [...new Set(index.leads.map((lead) => lead.id?.trim()).filter((id): id is string => !!id))];
    for (const section of ['decisions', 'milestones', 'risks'] as const) {
      for (const entry of model.lists[section]) {
        if (index.ownerShape(entry).kind !== 'missing') continue;
        const fixes: FixDraft[] = leadIds.map((id) => ({ title: `Set owner to "${id}"`, safe: false, edits: [edits.setValue(entry, 'owner', formatScalar(id))] }));
        if (fixes.length === 0) fixes.push({ title: 'Insert "owner: TODO"', safe: false, edits: [edits.setValue(entry, 'owner', 'TODO')] });
        ctx.report({ at: entry.anchor, entry, message: `${entry.label} has no owner: ${WHY[section]}`, fixes });
      }
    }
  },
});
