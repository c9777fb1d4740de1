// One party owns most of the team's decisions: the others wait for one person. Counted per
// person (a role counts for each holder); joined or stand-in owners are other rules' findings.
import { defineRule } from '../engine/rule';
import type { Entry } from '../engine/parse';
import { plural } from '../engine/text';
import { partyAnchor } from '../engine/people';

export default defineRule({
  id: 'decision-concentration',
  severity: 'info',
  description: 'One party owns most of the decisions of a team of three or more',
  options: {
    min: { type: 'integer', default: 4, minimum: 1, description: 'The fewest decisions the charter must have for the rule to judge.' },
    ratio: { type: 'number', default: 0.6, exclusiveMinimum: 0, maximum: 1, description: 'The smallest share of all decisions one party must own to be reported.' },
  },
  check(ctx) {
    const { model, index } = ctx;
    const decisions = model.lists.decisions;
    const { min, ratio } = ctx.options;
    const members = model.lists.members.filter((m) => m.id !== undefined).length;
    if (members < 3 || decisions.length < min) return;
    const byPerson = new Map<string, Entry[]>();
    for (const decision of decisions) {
      const owner = index.ownerShape(decision);
      if (owner.kind !== 'single') continue;
      for (const person of index.people(owner.party)) {
        const list = byPerson.get(person) ?? [];
        list.push(decision);
        byPerson.set(person, list);
      }
    }
    for (const [person, owned] of byPerson) {
      if (owned.length / decisions.length < ratio) continue;
      ctx.report({
        at: partyAnchor(ctx, person, ['owner']),
        entry: index.party(person) ?? { section: 'decisions' },
        subject: `decision-owner ${person}`,
        message: `"${person}" owns ${owned.length} of ${plural(decisions.length, 'decision')}: the rest of the team waits for one person to make most calls`,
        related: owned.map((d) => ({ at: d.anchor, message: `${d.label} is owned by "${person}"` })),
      });
    }
  },
});
