import { isScalar } from 'yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'checkin-purpose-missing',
  severity: 'info',
  description: 'A check-in does not say what it is for',
  check(ctx) {
    for (const checkin of ctx.model.lists.checkins) {
      const purpose = checkin.value('purpose');
      // Absent, `purpose:` or blank; a non-text value is the schema's finding.
      if (purpose !== null && !(isScalar(purpose) && checkin.isEmpty('purpose'))) continue;
      ctx.report({
        at: checkin.anchor,
        entry: checkin,
        message: `${checkin.label} has no "purpose": a check-in without a stated reason drifts into status-chasing`,
        fixes: [{ title: 'Insert "purpose: TODO"', safe: false, edits: [ctx.edits.setValue(checkin, 'purpose', '"TODO: what this check-in is for"')] }],
      });
    }
  },
});
