import { isAlias, isScalar } from 'yaml';
import type { Node } from 'yaml';
import { defineRule } from '../engine/rule';
import { q } from '../engine/text';

const CLOSED = new Set(['done', 'dropped']);

/** A real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

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
      const status = milestone.text('status')?.trim();
      // Case-insensitive, so `status: Done` gets one finding (the schema's), not two.
      if (status !== undefined && CLOSED.has(status.toLowerCase())) continue;
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
