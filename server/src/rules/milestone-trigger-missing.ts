import { isScalar, isSeq } from 'yaml';
import { defineRule } from '../engine/rule';
import type { FixDraft } from '../engine/rule';
import { flowList } from '../engine/edits';
import { deref, isEmptyValue } from '../engine/parse';
import type { Entry } from '../engine/parse';

/** How many declared milestones get a one-click "trigger on X" fix. */
const MAX_MILESTONE_FIXES = 3;

/** Absent, blank, `[]` or only blank items. Undeclared ids are unknown-reference's; maps the schema's. */
function namesNoMilestone(checkin: Entry): boolean {
  const value = checkin.value('milestones');
  if (value === null) return true;
  if (isScalar(value)) return isEmptyValue(value);
  if (isSeq(value)) return value.items.every((item) => {
    const node = deref(checkin.doc, item);
    return node === null || (isScalar(node) && isEmptyValue(node));
  });
  return false;
}

export default defineRule({
  id: 'milestone-trigger-missing',
  severity: 'error',
  description: 'A check-in with cadence on-milestone names no milestones',
  check(ctx) {
    const { model, index, edits } = ctx;
    const declared = [...index.declared.milestone.keys()].slice(0, MAX_MILESTONE_FIXES);
    for (const checkin of model.lists.checkins) {
      if (index.cadence(checkin)?.kind !== 'on-milestone') continue;
      if (!namesNoMilestone(checkin)) continue;
      const fixes: FixDraft[] = declared.map((id) => ({
        title: `Trigger it on milestone "${id}"`,
        safe: false,
        edits: [edits.setValue(checkin, 'milestones', flowList([id]))],
      }));
      fixes.push({ title: 'Insert "milestones: [TODO]"', safe: false, edits: [edits.setValue(checkin, 'milestones', '[TODO]')] });
      ctx.report({
        at: checkin.anchor,
        entry: checkin,
        message: `${checkin.label} runs on-milestone but names no "milestones": it will never happen, or happen whenever someone feels like it`,
        fixes,
      });
    }
  },
});
