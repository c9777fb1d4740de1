import { defineRule } from '../engine/rule';
import { flowList, formatScalar } from '../engine/edits';

export default defineRule({
  id: 'checkins-missing',
  severity: 'warning',
  description: 'The charter agrees no check-ins in advance',
  check(ctx) {
    const { model, index, edits } = ctx;
    const root = model.root;
    if (!root || !root.isEmpty('checkins') || model.hiddenSections.has('checkins')) return;

    const memberIds = [...new Set(model.lists.members.map((m) => m.id?.trim()).filter((id): id is string => !!id))];
    const owner = index.leads.find((lead) => lead.id !== undefined)?.id?.trim();
    const participants = memberIds.length ? memberIds : ['TODO'];
    const others = participants.filter((id) => id !== owner);
    // Nested under `- ` so the keys line up with `id` at any indentation unit.
    const block: Array<[number, string]> = [
      [1, '- id: weekly-checkin'],
      [1, '  cadence: weekly'],
      [1, `  owner: ${owner ? formatScalar(owner) : 'TODO'}`],
      [1, `  participants: ${flowList(participants)}`],
      [1, `  agreed_with: ${flowList(others.length ? others : ['TODO'])}`],
      [1, '  purpose: "TODO: what this check-in is for"'],
    ];
    ctx.report({
      at: root.keyNode('checkins') ?? ctx.topAnchor(),
      entry: { section: 'checkins' },
      message: root.has('checkins')
        ? 'the "checkins" list is empty: without check-ins agreed in advance, the team drifts or gets interrupted ad hoc'
        : 'the charter has no "checkins": without check-ins agreed in advance, the team drifts or gets interrupted ad hoc',
      fixes: [{ title: 'Insert a weekly check-in with all members', safe: false, edits: [edits.setValue(undefined, 'checkins', { block })] }],
    });
  },
});
