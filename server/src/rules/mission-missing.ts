import { isScalar } from 'yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'mission-missing',
  severity: 'warning',
  description: 'The charter has no mission, or an empty one',
  check(ctx) {
    const root = ctx.model.root;
    if (!root || ctx.model.hiddenSections.has('mission')) return;
    const value = root.value('mission');
    // A mission of the wrong type (a list, a map) is schema-invalid-value's finding.
    if (root.has('mission') && value !== null && !(isScalar(value) && root.isEmpty('mission'))) return;
    const present = root.has('mission');
    ctx.report({
      at: present ? root.keyNode('mission')! : ctx.topAnchor(),
      entry: { section: 'mission' },
      message: present
        ? 'the mission is empty: without a shared "why", every trade-off ends up on the manager\'s desk'
        : 'the charter has no mission: without a shared "why", every trade-off ends up on the manager\'s desk',
      fixes: [{ title: 'Insert a mission placeholder', safe: false, edits: [ctx.edits.setValue(undefined, 'mission', '"TODO: why this team exists"')] }],
    });
  },
});
