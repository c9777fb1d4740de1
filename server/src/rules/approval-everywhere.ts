import { defineRule } from '../engine/rule';
import { boundaryOf } from '../engine/fields';

const DEFAULT_RATIO = 0.75;

export default defineRule({
  id: 'approval-everywhere',
  severity: 'warning',
  description: 'Most decisions need approval, or none is the team\'s own call',
  defaultOptions: { ratio: DEFAULT_RATIO },
  check(ctx) {
    const { model } = ctx;
    const decisions = model.lists.decisions;
    const key = model.root?.keyNode('decisions');
    if (decisions.length < 2 || !key) return;
    const ratio = validRatio(ctx.options.ratio);
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

/** `ratio` from the config: a number in (0, 1]; anything else falls back to the default. */
function validRatio(value: unknown): number {
  return typeof value === 'number' && value > 0 && value <= 1 ? value : DEFAULT_RATIO;
}
