import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'priorities-missing',
  severity: 'warning',
  description: 'The charter has no priorities, or an empty list',
  check(ctx) {
    const root = ctx.model.root;
    if (!root || ctx.model.hiddenSections.has('priorities')) return;
    const present = root.has('priorities');
    // Absent, `priorities:`, blank text, `[]` or `{}`; another value of the wrong type is schema-invalid-value's finding.
    if (present && !root.isEmpty('priorities')) return;
    const block: Array<[number, string]> = [
      [1, '- id: TODO'],
      [1, '  title: "TODO: what matters most right now"'],
      [1, '  why: "TODO: why it matters now"'],
    ];
    ctx.report({
      at: present ? root.keyNode('priorities')! : ctx.topAnchor(),
      entry: { section: 'priorities' },
      message: present
        ? 'the priorities list is empty: without an order of what matters most, every conflict needs the manager to break the tie'
        : 'the charter has no priorities: without an order of what matters most, every conflict needs the manager to break the tie',
      fixes: [{ title: 'Insert a priority skeleton', safe: false, edits: [ctx.edits.setValue(undefined, 'priorities', { block })] }],
    });
  },
});
