import { isAlias, isScalar } from 'yaml';
import type { Node } from 'yaml';
import { defineRule } from '../engine/rule';
import { q } from '../engine/text';
import { MILESTONE_STATUSES, isDate } from '../engine/vocabulary';
import { enumValue } from '../engine/fields';

const CLOSED = new Set<string>(['done', 'dropped']);

export default defineRule({
  id: 'milestone-overdue',
  severity: 'warning',
  description: 'A milestone is past its due date and not marked done or dropped',
  check(ctx) {
    const today = ctx.today;
    if (today === undefined || !isDate(today)) return;
    for (const milestone of ctx.model.lists.milestones) {
      const due = milestone.value('due');
      const dueText = milestone.text('due')?.trim();
      if (!isScalar(due) || dueText === undefined || !isDate(dueText) || dueText >= today) continue;
      // An invalid status (`Done`) is unknown, like every invalid value: it does not close the milestone.
      const status = milestone.text('status')?.trim();
      const valid = enumValue(milestone, 'status', MILESTONE_STATUSES);
      if (valid !== undefined && CLOSED.has(valid)) continue;
      const state = status ? `is still ${q(status)}` : 'has no status';
      const written = milestone.pairs.get('due')?.value as Node | null | undefined;
      ctx.report({
        at: isAlias(written) ? written : due,
        entry: milestone,
        message: `${milestone.label} was due ${dueText} and ${state}: a stale plan invites status-chasing. Mark it done or dropped, or move the date.`,
        fixes: ['done', 'dropped'].map((value) => ({
          title: `Set "status: ${value}"`,
          safe: false,
          edits: [ctx.edits.setValue(milestone, 'status', value)],
        })),
      });
    }
  },
});
