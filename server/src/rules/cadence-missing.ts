import { isScalar } from 'yaml';
import { defineRule } from '../engine/rule';
import type { MapView } from '../engine/parse';

/** Absent, `cadence:` or blank; any other value is cadence-invalid's to judge. */
function lacksCadence(holder: MapView): boolean {
  const value = holder.value('cadence');
  return value === null || (isScalar(value) && holder.isEmpty('cadence'));
}

export default defineRule({
  id: 'cadence-missing',
  severity: 'error',
  description: 'A check-in or the updates section has no cadence',
  check(ctx) {
    const { model, edits } = ctx;
    for (const checkin of model.lists.checkins) {
      if (!lacksCadence(checkin)) continue;
      ctx.report({
        at: checkin.anchor,
        entry: checkin,
        message: `${checkin.label} has no "cadence": a check-in with no agreed rhythm turns into ad-hoc interruptions`,
        fixes: [{ title: 'Insert "cadence: weekly"', safe: false, edits: [edits.setValue(checkin, 'cadence', 'weekly')] }],
      });
    }
    const updates = model.updates;
    const key = model.root?.keyNode('updates');
    // An empty `updates` is updates-missing's finding alone.
    if (updates && key && updates.node.items.length > 0 && lacksCadence(updates)) {
      ctx.report({
        at: key,
        entry: { section: 'updates' },
        message: 'the "updates" section has no "cadence": nobody knows when to expect an update, so they ask for one',
        fixes: [{ title: 'Insert "cadence: weekly"', safe: false, edits: [edits.setValue(updates, 'cadence', 'weekly')] }],
      });
    }
  },
});
