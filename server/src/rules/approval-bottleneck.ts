// One person through whom every blocked or reserved call must pass: the approver or escalation
// target of most decisions. Counted per person: a role counts for each of its holders.
import { defineRule } from '../engine/rule';
import type { Entry } from '../engine/parse';
import { partiesIn } from '../engine/fields';
import { plural } from '../engine/text';
import { partyAnchor } from '../engine/people';

export default defineRule({
  id: 'approval-bottleneck',
  severity: 'warning',
  description: 'One party approves or takes the escalations of most decisions',
  options: {
    min: { type: 'integer', default: 3, minimum: 1, description: 'The fewest decisions a party must approve or take escalations for to be reported.' },
    ratio: { type: 'number', default: 0.5, exclusiveMinimum: 0, maximum: 1, description: 'The smallest share of all decisions that makes a party a bottleneck.' },
  },
  check(ctx) {
    const { model, index } = ctx;
    const decisions = model.lists.decisions;
    const { min, ratio } = ctx.options;
    // Each person once per decision, whether approver, escalation target or both.
    const byPerson = new Map<string, Entry[]>();
    for (const decision of decisions) {
      const named = [...partiesIn(decision, 'approver'), ...partiesIn(decision, 'escalate_to')].filter((p) => !index.isStandIn(p));
      for (const person of new Set(named.flatMap((p) => index.people(p)))) {
        const list = byPerson.get(person) ?? [];
        list.push(decision);
        byPerson.set(person, list);
      }
    }
    for (const [person, queued] of byPerson) {
      if (queued.length < min || queued.length / decisions.length < ratio) continue;
      ctx.report({
        at: partyAnchor(ctx, person, ['approver', 'escalate_to']),
        entry: index.party(person) ?? { section: 'decisions' },
        subject: `approval-queue ${person}`,
        message: `"${person}" approves or takes the escalations of ${queued.length} of ${plural(decisions.length, 'decision')}: every blocked or reserved call queues behind one person`,
        related: queued.map((d) => ({ at: d.anchor, message: `${d.label} waits for "${person}"` })),
      });
    }
  },
});
