import { defineRule } from '../engine/rule';
import type { FixDraft, RuleContext } from '../engine/rule';
import { STAKEHOLDER_KINDS } from '../engine/vocabulary';
import { q } from '../engine/text';
import { enumValue, ownNode, ownerHolders, replaceFieldScalar } from '../engine/fields';

const WHY: Record<string, string> = {
  decisions: 'nobody in particular is accountable for making the call',
  checkins: 'nobody in particular will run it',
  milestones: 'nobody in particular is accountable for delivering it',
  risks: 'nobody in particular is watching it',
  updates: 'nobody in particular will post them',
};

/** The kind of a stakeholder that is a group or a team (not one person); undefined otherwise. */
function groupKind(ctx: RuleContext, party: string): 'group' | 'team' | undefined {
  const decl = ctx.index.party(party);
  if (!decl || decl.section !== 'stakeholders') return undefined;
  const kind = enumValue(decl, 'kind', STAKEHOLDER_KINDS);
  return kind === 'group' || kind === 'team' ? kind : undefined;
}

export default defineRule({
  id: 'owner-placeholder',
  severity: 'error',
  description: 'An owner is a stand-in ("team", "everyone", "TBD", a group or team stakeholder) instead of one person or role',
  check(ctx) {
    const { model, index, edits } = ctx;
    const leadIds = [...new Set(index.leads.map((lead) => lead.id?.trim()).filter((id): id is string => !!id))];
    for (const { holder, entry, label, section } of ownerHolders(model)) {
      const shape = index.ownerShape(holder);
      const group = shape.kind === 'single' ? groupKind(ctx, shape.party) : undefined;
      if (shape.kind !== 'placeholder' && !group) continue;
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
        message:
          shape.kind === 'placeholder'
            ? `${label} has owner ${q(shape.value)}, a stand-in rather than a person or role: ${WHY[section]}`
            : `${label} has owner ${q(shape.kind === 'single' ? shape.party : '')}, a stakeholder of kind "${group}": a ${group} is not one person who makes the call, so ${WHY[section]}`,
        fixes,
      });
    }
  },
});
