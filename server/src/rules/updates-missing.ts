import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'updates-missing',
  severity: 'info',
  description: 'The charter does not say how the team shares structured updates',
  check(ctx) {
    const root = ctx.model.root;
    if (!root || !root.isEmpty('updates') || ctx.model.hiddenSections.has('updates')) return;
    const block: Array<[number, string]> = [
      [1, 'cadence: weekly'],
      [1, 'channel: TODO'],
      [1, 'covers: [progress, changes, issues]'],
    ];
    ctx.report({
      at: root.keyNode('updates') ?? ctx.topAnchor(),
      entry: { section: 'updates' },
      message: root.has('updates')
        ? 'the "updates" section is empty: without structured updates, people get asked for status instead'
        : 'the charter has no "updates" section: without structured updates, people get asked for status instead',
      fixes: [{ title: 'Insert an "updates" section (weekly, channel TODO)', safe: false, edits: [ctx.edits.setValue(undefined, 'updates', { block })] }],
    });
  },
});
