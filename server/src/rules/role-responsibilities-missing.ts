// A role held by two or more members with no responsibilities written: who does what between them
// is left to be sorted out by asking, or by the manager.
import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'role-responsibilities-missing',
  severity: 'info',
  description: 'A role held by two or more members has no responsibilities',
  check(ctx) {
    const { model, edits } = ctx;
    for (const role of model.lists.roles) {
      if (role.id === undefined || !role.isEmpty('responsibilities')) continue;
      // Every member entry naming the role counts, with or without an id.
      const holders = model.lists.members.filter((m) => m.text('role')?.trim() === role.id);
      if (holders.length < 2) continue;
      ctx.report({
        at: role.anchor,
        entry: role,
        message: `${role.label} is held by ${holders.length} members but lists no responsibilities: who does what between them is not written`,
        fixes: [{ title: 'Insert "responsibilities: [TODO]"', safe: false, edits: [edits.setValue(role, 'responsibilities', '[TODO]')] }],
      });
    }
  },
});
