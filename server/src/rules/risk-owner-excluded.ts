import { defineRule } from '../engine/rule';
import type { FixDraft } from '../engine/rule';
import { q } from '../engine/text';
import { isOwnerPlaceholder } from '../engine/vocabulary';
import { fieldValue, partiesIn } from '../engine/fields';

export default defineRule({
  id: 'risk-owner-excluded',
  severity: 'warning',
  description: 'The risk owner of a decision is neither the owner nor consulted, approving or informed',
  check(ctx) {
    const { model, index, edits } = ctx;
    for (const decision of model.lists.decisions) {
      // Only against a real owner: a missing, joined or stand-in owner is another rule's finding.
      const owner = index.ownerShape(decision);
      if (owner.kind !== 'single' || !index.isDeclared('party', owner.party)) continue;
      const riskOwner = fieldValue(decision, 'risk_owner');
      if (riskOwner.kind !== 'text' || riskOwner.text === owner.party) continue;
      // "TBD" names nobody to leave out; unknown-reference reports it.
      if (isOwnerPlaceholder(riskOwner.text)) continue;
      const involved = ['consult', 'approver', 'inform'].flatMap((field) => partiesIn(decision, field));
      if (involved.includes(riskOwner.text)) continue;
      const fixes: FixDraft[] = [];
      // An undeclared id is a typo (unknown-reference); copying it into consult would spread it.
      if (index.isDeclared('party', riskOwner.text)) {
        fixes.push({ title: `Consult "${riskOwner.text}"`, safe: true, edits: [edits.addToList(decision, 'consult', riskOwner.text)] });
      }
      ctx.report({
        at: riskOwner.at,
        entry: decision,
        message: `${decision.label} leaves its risk owner ${q(riskOwner.text)} out: they carry the consequences but are not consulted, approving or informed`,
        fixes,
      });
    }
  },
});
