import { isScalar } from 'yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'intent-why-missing',
  severity: 'warning',
  description: 'The intent does not say why (its purpose)',
  check(ctx) {
    const intent = ctx.model.intent;
    const key = ctx.model.root?.keyNode('intent');
    // An absent or empty intent is intent-missing's finding; a non-map intent is the schema's.
    if (!intent || !key || intent.node.items.length === 0) return;
    const why = intent.value('why');
    if (why !== null && !(isScalar(why) && intent.isEmpty('why'))) return;
    ctx.report({
      at: key,
      entry: { section: 'intent' },
      message: intent.has('why')
        ? 'the intent\'s "why" is empty: without the purpose, people cannot adapt when the plan meets reality'
        : 'the intent has no "why": without the purpose, people cannot adapt when the plan meets reality',
      fixes: [{ title: 'Insert "why: TODO"', safe: false, edits: [ctx.edits.setValue(intent, 'why', '"TODO: the purpose behind it"')] }],
    });
  },
});
