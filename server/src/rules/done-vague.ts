import { isScalar, isSeq } from 'yaml';
import type { Scalar } from 'yaml';
import { defineRule } from '../engine/rule';
import type { RuleContext } from '../engine/rule';
import { deref } from '../engine/parse';
import type { Entry, MapView } from '../engine/parse';
import { contentEnd } from '../engine/edits';
import { isPlaceholderText, vagueness } from '../engine/vocabulary';
import { q } from '../engine/text';

const TEMPLATE_TAIL = ', measured by TODO: a number, a threshold or a date';

/** The text criteria of a `done` value: the string itself, or each string item of a list. */
function criteria(holder: MapView): Scalar[] {
  const done = holder.value('done');
  const items = isSeq(done) ? done.items.map((i) => deref(holder.doc, i)) : [done];
  // Non-text values (numbers, maps) are the schema's finding, not a vagueness question.
  return items.filter((n): n is Scalar => isScalar(n) && typeof n.value === 'string');
}

/** Appends the template's TODO to the criterion; a block scalar keeps its header and comment. */
function templateEdit(ctx: RuleContext, node: Scalar, text: string) {
  if (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') {
    const end = contentEnd(ctx.model, node);
    let start = end;
    while (start > 0 && /[.;,]/.test(ctx.model.text[start - 1])) start--;
    return ctx.edits.replace([start, end], TEMPLATE_TAIL);
  }
  return ctx.edits.replaceScalar(node, text.replace(/[\s.;,]+$/, '') + TEMPLATE_TAIL);
}

function checkHolder(ctx: RuleContext, holder: MapView, owner: string, entry: Entry | { section: string }): void {
  for (const node of criteria(holder)) {
    const text = (node.value as string).trim();
    // Blank is done-missing's finding; TODO & co. are placeholder-text's.
    if (text === '' || isPlaceholderText(text)) continue;
    const reason = vagueness(text);
    if (!reason) continue;
    ctx.report({
      at: node,
      entry,
      message: `${owner} has a vague "done" criterion ${q(text)}: ${reason}. Add a number, a date or a threshold anyone can check.`,
      fixes: [{ title: 'Turn it into a measurable criterion (template)', safe: false, edits: [templateEdit(ctx, node, text)] }],
    });
  }
}

export default defineRule({
  id: 'done-vague',
  severity: 'warning',
  description: 'A "done" criterion is vague: a weak word or too short, and nothing measurable',
  check(ctx) {
    const intent = ctx.model.intent;
    if (intent) checkHolder(ctx, intent, 'the intent', { section: 'intent' });
    for (const milestone of ctx.model.lists.milestones) checkHolder(ctx, milestone, milestone.label, milestone);
  },
});
