// A boundary (decision `revisit`) or a close check-in (`until`) whose review date has passed:
// what was agreed for a while is now running on without anyone looking at it again.
import { defineRule } from '../engine/rule';
import { dateValue } from '../engine/fields';
import { isDate } from '../engine/vocabulary';

export default defineRule({
  id: 'revisit-overdue',
  severity: 'warning',
  description: 'A decision\'s revisit date or a check-in\'s until date has passed',
  check(ctx) {
    const { model, today } = ctx;
    if (today === undefined || !isDate(today)) return;
    for (const decision of model.lists.decisions) {
      const revisit = dateValue(decision, 'revisit');
      if (!revisit || revisit.date >= today) continue;
      ctx.report({
        at: revisit.at,
        entry: decision,
        message: `${decision.label} was due to be revisited on ${revisit.date}: review the boundary with the team and set a new date`,
      });
    }
    for (const checkin of model.lists.checkins) {
      const until = dateValue(checkin, 'until');
      if (!until || until.date >= today) continue;
      ctx.report({
        at: until.at,
        entry: checkin,
        message: `${checkin.label} was meant to end or be reviewed on ${until.date}: close guidance should loosen as experience grows, so review it with the people in it`,
      });
    }
  },
});
