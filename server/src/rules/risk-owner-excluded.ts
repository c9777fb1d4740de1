// The person who carries a decision's consequences must have a voice in it: be the owner, be
// consulted or approve it. Being informed afterwards is not a voice. Roles count for their holders.
import { defineRule } from '../engine/rule';
import type { FixDraft } from '../engine/rule';
import { q } from '../engine/text';
import { fieldValue, partiesIn } from '../engine/fields';

export default defineRule({
  id: 'risk-owner-excluded',
  severity: 'warning',
  description: 'The risk owner of a decision is neither its owner nor consulted or approving',
  check(ctx) {
    const { model, index, edits } = ctx;
    for (const decision of model.lists.decisions) {
      // Only against a real owner: a missing, joined, stand-in or undeclared owner is another rule's finding.
      const owner = index.ownerShape(decision);
      if (owner.kind !== 'single' || !index.isDeclared('party', owner.party)) continue;
      const riskOwner = fieldValue(decision, 'risk_owner');
      if (riskOwner.kind !== 'text' || riskOwner.text === owner.party) continue;
      // "TBD" names nobody to leave out; unknown-reference reports it.
      if (index.isStandIn(riskOwner.text)) continue;
      const voices = new Set([owner.party, ...partiesIn(decision, 'consult'), ...partiesIn(decision, 'approver')].flatMap((p) => [p, ...index.people(p)]));
      if ([riskOwner.text, ...index.people(riskOwner.text)].some((p) => voices.has(p))) continue;
      const fixes: FixDraft[] = [];
      // An undeclared id is a typo (unknown-reference); copying it into consult would spread it.
      if (index.isDeclared('party', riskOwner.text)) {
        fixes.push({ title: `Consult "${riskOwner.text}"`, safe: false, edits: [edits.addToList(decision, 'consult', riskOwner.text)] });
      }
      const informed = partiesIn(decision, 'inform').includes(riskOwner.text);
      ctx.report({
        at: riskOwner.at,
        entry: decision,
        message: informed
          ? `${decision.label} only informs its risk owner ${q(riskOwner.text)} afterwards: whoever carries the consequences should be consulted or approve, not just be told`
          : `${decision.label} leaves its risk owner ${q(riskOwner.text)} out: they carry the consequences but are neither consulted nor approving`,
        fixes,
      });
    }
  },
});
