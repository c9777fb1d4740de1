// A stakeholder nothing in the charter names: either they matter to a decision, a check-in or a
// risk, or they do not belong here. Only party fields count (not prose, ids or team.parent).
import { defineRule } from '../engine/rule';
import { splitJoinedParties } from '../engine/vocabulary';

export default defineRule({
  id: 'stakeholder-unused',
  severity: 'info',
  description: 'A stakeholder that no party field of the charter references',
  check(ctx) {
    const { model, index } = ctx;
    const named = new Set<string>();
    for (const r of index.references) if (r.kind === 'party') named.add(r.value);
    // The parts of joined values (`a and b`), split only when some stakeholder is not named whole.
    let parts: Set<string> | undefined;
    for (const stakeholder of model.lists.stakeholders) {
      if (stakeholder.id === undefined || named.has(stakeholder.id)) continue;
      parts ??= new Set([...named].flatMap((value) => splitJoinedParties(value)));
      if (parts.has(stakeholder.id)) continue;
      ctx.report({
        at: stakeholder.anchor,
        entry: stakeholder,
        message: `${stakeholder.label} is named by no decision, check-in, milestone, risk or update: say what they are involved in, or leave them out`,
      });
    }
  },
});
