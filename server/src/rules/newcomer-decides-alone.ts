// A newcomer who makes a call alone, inside the team, consulting nobody: lend them experience
// (someone to consult) until they have their own.
import { defineRule } from '../engine/rule';
import { boundaryOf, experienceOf, fieldValue, replaceFieldScalar } from '../engine/fields';
import { q } from '../engine/text';

export default defineRule({
  id: 'newcomer-decides-alone',
  severity: 'warning',
  description: 'A decision owned by a new member, inside the team, consulting nobody',
  check(ctx) {
    const { model, index, edits } = ctx;
    for (const decision of model.lists.decisions) {
      const owner = index.ownerShape(decision);
      if (owner.kind !== 'single' || boundaryOf(decision) !== 'team') continue;
      if (decision.texts('consult').some((c) => c.trim() !== '')) continue;
      // A member who is new, or a role whose every holder is new.
      const holders = index.membersOf(owner.party);
      if (holders.length === 0 || !holders.every((m) => experienceOf(m) === 'new')) continue;
      const boundary = fieldValue(decision, 'boundary').kind === 'empty' && !decision.has('boundary')
        ? edits.insertPair(decision, 'boundary', 'consult')
        : replaceFieldScalar(edits, decision, 'boundary', 'consult');
      const consult = edits.setValue(decision, 'consult', '[TODO]');
      ctx.report({
        at: decision.anchor,
        entry: decision,
        message: `${decision.label} is decided alone by ${q(owner.party)}, who is new, consulting nobody: lend them experience by naming someone to consult until they have their own`,
        fixes: [{ title: 'Set "boundary: consult" and add "consult: [TODO]"', safe: false, edits: [boundary, consult] }],
      });
    }
  },
});
