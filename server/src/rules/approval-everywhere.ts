import { defineRule } from '../engine/rule';
import { boundaryOf } from '../engine/fields';

export default defineRule({
  id: 'approval-everywhere',
  severity: 'warning',
  description: 'Most decisions need approval, or none is the team\'s own call',
  options: {
    ratio: { type: 'number', default: 0.75, exclusiveMinimum: 0, maximum: 1, description: 'Share of decisions with `boundary: escalate` from which the rule reports.' },
  },
  check(ctx) {
    const { model } = ctx;
    const decisions = model.lists.decisions;
    const key = model.root?.keyNode('decisions');
    if (decisions.length < 2 || !key) return;
    const { ratio } = ctx.options;
    let escalate = 0;
    let team = 0;
    for (const d of decisions) {
      const boundary = boundaryOf(d);
      if (boundary === 'escalate') escalate++;
      else if (boundary === 'team') team++;
    }
    const total = decisions.length;
    const mostlyEscalate = escalate / total >= ratio;
    if (!mostlyEscalate && team > 0) return;
    const share = `${escalate} of ${total} decisions need approval (boundary "escalate")`;
    const message =
      team === 0
        ? mostlyEscalate
          ? `${share} and none is the team's own call: the team cannot act without asking first`
          : `none of the ${total} decisions is the team's own call (boundary "team"): the team cannot act without asking first`
        : `${share}, at or above the ${Math.round(ratio * 100)}% limit: the team cannot act without asking first`;
    ctx.report({ at: key, entry: { section: 'decisions' }, subject: 'decisions', message });
  },
});
