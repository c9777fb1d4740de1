// A check-in whose purpose is inspecting work item by item rather than aligning on outcomes:
// that is supervision, not a check-in agreed between adults.
import { defineRule } from '../engine/rule';
import { phraseMatcher } from '../engine/vocabulary';
import { fieldValue } from '../engine/fields';
import { q } from '../engine/text';

const PHRASES = [
  'every ticket', 'each ticket', 'every task', 'each task', 'every item', 'item by item', 'line by line', 'task by task',
  'person by person', 'every commit', 'each commit', 'every pull request', 'every PR', 'cameras on', 'status of every',
  'approve each', 'approve every', 'what everyone did', 'what each person did',
];
const BUILT_IN = phraseMatcher(PHRASES)!;

export default defineRule({
  id: 'checkin-task-level',
  severity: 'warning',
  description: 'A check-in\'s purpose is inspecting work item by item',
  options: {
    phrases: { type: 'string-list', default: [], description: 'More phrases (any language) that mark a purpose as item-by-item inspection.' },
  },
  check(ctx) {
    const extra = phraseMatcher(ctx.options.phrases);
    for (const checkin of ctx.model.lists.checkins) {
      const purpose = fieldValue(checkin, 'purpose');
      if (purpose.kind !== 'text') continue;
      const phrase = BUILT_IN.exec(purpose.text)?.[1] ?? extra?.exec(purpose.text)?.[1];
      if (!phrase) continue;
      ctx.report({
        at: purpose.at,
        entry: checkin,
        message: `${checkin.label} exists to go through work item by item (${q(phrase)}): a check-in is for outcomes, blockers and support, not for inspecting each piece of work`,
      });
    }
  },
});
