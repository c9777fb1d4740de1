import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'intent-missing',
  severity: 'error',
  description: 'The charter has no intent (what, why and what done looks like)',
  check(ctx) {
    const root = ctx.model.root;
    if (!root || !root.isEmpty('intent') || ctx.model.hiddenSections.has('intent')) return;
    const block: Array<[number, string]> = [
      [1, 'what: "TODO: what the team is doing"'],
      [1, 'why: "TODO: why it matters"'],
      [1, 'done: "TODO: observable result, measured by …"'],
    ];
    ctx.report({
      // An empty `intent:` points at its key; a missing section at the `charter` key.
      at: root.keyNode('intent') ?? ctx.topAnchor(),
      entry: { section: 'intent' },
      message: root.has('intent')
        ? 'the "intent" section is empty: without what, why and what done looks like, every call goes back to the lead'
        : 'the charter has no "intent": without what, why and what done looks like, every call goes back to the lead',
      fixes: [{ title: 'Insert an "intent" skeleton (what, why, done)', safe: false, edits: [ctx.edits.setValue(undefined, 'intent', { block })] }],
    });
  },
});
