// Close guidance for someone still learning (a check-in more often than weekly) should have an
// end or a review date: micro-leading lends experience until the person has their own.
import { defineRule } from '../engine/rule';
import { experienceOf, fieldValue } from '../engine/fields';
import { checkinOwnerIds } from '../engine/checkins';

const CLOSE_DAYS = 7;
const LEARNING = new Set<string>(['new', 'developing']);

export default defineRule({
  id: 'checkin-until-missing',
  severity: 'info',
  description: 'A close check-in with someone new or developing has no until date',
  check(ctx) {
    const { model, index, edits } = ctx;
    for (const checkin of model.lists.checkins) {
      const cadence = index.cadence(checkin);
      if (cadence?.kind !== 'interval' || cadence.days >= CLOSE_DAYS) continue;
      if (fieldValue(checkin, 'until').kind !== 'empty') continue;
      const owners = checkinOwnerIds(index, checkin);
      const learners = new Set<string>();
      for (const party of checkin.texts('participants').map((p) => p.trim())) {
        for (const member of index.membersOf(party)) {
          if (member.id !== undefined && !owners.has(member.id) && LEARNING.has(experienceOf(member) ?? '')) learners.add(member.id);
        }
      }
      if (learners.size === 0) continue;
      ctx.report({
        at: checkin.anchor,
        entry: checkin,
        message: `${checkin.label} is ${checkin.text('cadence')?.trim()} with ${[...learners].map((id) => `"${id}"`).join(', ')}, who ${learners.size === 1 ? 'is' : 'are'} still learning, but has no "until": close guidance should have an end or a review date`,
        fixes: [{ title: 'Insert "until: TODO"', safe: false, edits: [edits.setValue(checkin, 'until', 'TODO')] }],
      });
    }
  },
});
