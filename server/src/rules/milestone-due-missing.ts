import { isScalar } from 'yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'milestone-due-missing',
  severity: 'warning',
  description: 'A milestone has no due date',
  check(ctx) {
    for (const milestone of ctx.model.lists.milestones) {
      const due = milestone.value('due');
      // Absent, `due:` or blank; any other value (even a bad one) is the schema's to judge.
      if (due !== null && !(isScalar(due) && milestone.isEmpty('due'))) continue;
      ctx.report({
        at: milestone.anchor,
        entry: milestone,
        message: `${milestone.label} has no "due" date: without one, progress gets chased instead of planned`,
        fixes: [{ title: 'Insert "due: TODO"', safe: false, edits: [ctx.edits.setValue(milestone, 'due', 'TODO')] }],
      });
    }
  },
});
