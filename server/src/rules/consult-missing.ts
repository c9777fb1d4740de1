import { isMap } from 'yaml';
import { defineRule } from '../engine/rule';
import { boundaryOf } from '../engine/fields';

export default defineRule({
  id: 'consult-missing',
  severity: 'warning',
  description: 'A decision with boundary "consult" names nobody to consult',
  check(ctx) {
    for (const decision of ctx.model.lists.decisions) {
      if (boundaryOf(decision) !== 'consult') continue;
      // A map is a wrong type (the schema reports it); blank items and `[]` count as nobody.
      if (isMap(decision.value('consult'))) continue;
      if (decision.texts('consult').some((t) => t.trim() !== '')) continue;
      ctx.report({
        at: decision.anchor,
        entry: decision,
        message: `${decision.label} has boundary "consult" but nobody to consult: the owner cannot tell whose view to hear before deciding`,
        fixes: [{ title: 'Insert "consult: [TODO]"', safe: false, edits: [ctx.edits.setValue(decision, 'consult', '[TODO]')] }],
      });
    }
  },
});
