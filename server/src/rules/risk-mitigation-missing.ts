// A risk with no mitigation: everyone knows it could go wrong, nobody knows what is done about it,
// so the manager keeps asking.
import { defineRule } from '../engine/rule';
import { fieldValue } from '../engine/fields';

export default defineRule({
  id: 'risk-mitigation-missing',
  severity: 'info',
  description: 'A risk without a mitigation',
  check(ctx) {
    const { model, edits } = ctx;
    for (const risk of model.lists.risks) {
      if (fieldValue(risk, 'mitigation').kind !== 'empty') continue;
      ctx.report({
        at: risk.anchor,
        entry: risk,
        message: `${risk.label} has no mitigation: say what is done about it, so nobody has to ask`,
        fixes: [{ title: 'Insert "mitigation: TODO"', safe: false, edits: [edits.setValue(risk, 'mitigation', '"TODO: what we do about it"')] }],
      });
    }
  },
});
