import { isSeq } from 'yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'priorities-too-many',
  severity: 'info',
  description: 'More priorities than the `max` option (default 5): then nothing is a priority',
  options: {
    max: { type: 'integer', default: 5, minimum: 1, description: 'The most priorities a charter may list.' },
  },
  check(ctx) {
    const root = ctx.model.root;
    const value = root?.value('priorities');
    if (!root || !isSeq(value)) return;
    const { max } = ctx.options;
    const count = value.items.length;
    if (count <= max) return;
    ctx.report({
      at: root.keyNode('priorities')!,
      entry: { section: 'priorities' },
      subject: 'priorities',
      message: `the charter lists ${count} priorities, more than ${max}: when everything is a priority nothing is, and people ask the manager what comes first`,
    });
  },
});
