// An expert who owns decisions but may take none of them without approval: capable people without
// decision rights is where micromanagement grows.
import { defineRule } from '../engine/rule';
import { boundaryOf, experienceOf } from '../engine/fields';
import type { Entry } from '../engine/parse';

export default defineRule({
  id: 'expert-constrained',
  severity: 'info',
  description: 'An expert owns two or more decisions and needs approval for every one',
  check(ctx) {
    const { model, index } = ctx;
    const owned = new Map<string, Entry[]>();
    for (const decision of model.lists.decisions) {
      const owner = index.ownerShape(decision);
      if (owner.kind !== 'single') continue;
      for (const person of index.people(owner.party)) owned.set(person, [...(owned.get(person) ?? []), decision]);
    }
    for (const member of model.lists.members) {
      if (member.id === undefined || experienceOf(member) !== 'expert') continue;
      const decisions = owned.get(member.id) ?? [];
      if (decisions.length < 2 || !decisions.every((d) => boundaryOf(d) === 'escalate')) continue;
      ctx.report({
        at: member.anchor,
        entry: member,
        message: `${member.label} is an expert and owns ${decisions.length} decisions, but every one needs approval (boundary "escalate"): give them at least one call of their own`,
        related: decisions.map((d) => ({ at: d.anchor, message: `${d.label} needs approval` })),
      });
    }
  },
});
