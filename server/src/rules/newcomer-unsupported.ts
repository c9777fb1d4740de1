import { defineRule } from '../engine/rule';
import type { FixDraft, RuleContext } from '../engine/rule';
import type { Entry } from '../engine/parse';

export default defineRule({
  id: 'newcomer-unsupported',
  severity: 'warning',
  description: 'A new member is in no frequent check-in',
  options: {
    maxDays: { type: 'number', default: 14, exclusiveMinimum: 0, description: 'A check-in held at least every this many days counts as support.' },
  },
  check(ctx) {
    const { model, index, edits } = ctx;
    // No check-ins at all is checkins-missing's finding alone; a `checkins` that is not a list of
    // maps is the schema's. Either way there is nothing to judge support by.
    if (model.lists.checkins.length === 0) return;
    const { maxDays } = ctx.options;

    // Everyone in a frequent enough check-in: owner and participants, roles expanded to members.
    const supported = new Set<string>();
    const expanded = new Set<string>();
    let mostFrequent: { checkin: Entry; days: number } | undefined;
    for (const checkin of model.lists.checkins) {
      const cadence = index.cadence(checkin);
      if (cadence?.kind !== 'interval' || cadence.days > maxDays) continue;
      if (!mostFrequent || cadence.days < mostFrequent.days) mostFrequent = { checkin, days: cadence.days };
      for (const raw of [...checkin.texts('participants'), ...checkin.texts('owner')]) {
        const party = raw.trim();
        if (expanded.has(party)) continue; // each role is expanded once, however often it is named
        expanded.add(party);
        supported.add(party);
        for (const member of index.membersOf(party)) if (member.id !== undefined) supported.add(member.id);
      }
    }

    for (const member of model.lists.members) {
      const id = member.id?.trim();
      // Without an id nobody can name the member anywhere (schema-missing-key reports that).
      if (id === undefined || member.text('experience')?.trim().toLowerCase() !== 'new') continue;
      if (supported.has(id)) continue;
      const fixes: FixDraft[] = [];
      if (mostFrequent) {
        const target = mostFrequent.checkin;
        fixes.push({ title: `Add ${id} to ${target.label}`, safe: false, edits: [edits.addToList(target, 'participants', id)] });
      }
      ctx.report({
        at: member.anchor,
        entry: member,
        message: `${member.label} is new but in no check-in held at least every ${maxDays} days: without regular support, newcomers guess or get micromanaged ad hoc`,
        fixes,
      });
    }
  },
});
