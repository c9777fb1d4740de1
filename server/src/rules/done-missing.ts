import { isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { defineRule } from '../engine/rule';
import { deref, isEmptyValue } from '../engine/parse';
import type { MapView } from '../engine/parse';
import type { RuleContext } from '../engine/rule';
import { contentEnd } from '../engine/edits';

const PLACEHOLDER = '"TODO: observable result, measured by …"';

/** Missing: absent, null, blank, `[]`, or a list whose items are all blank. Other types are the schema's. */
function doneIsMissing(holder: MapView): boolean {
  const done = holder.value('done');
  if (done === null) return true;
  if (isScalar(done)) return isEmptyValue(done);
  if (isSeq(done)) return done.items.every((item) => {
    const node = deref(holder.doc, item);
    return node === null || (isScalar(node) && isEmptyValue(node as Node));
  });
  return false;
}

/** Puts the placeholder where `done` is; a block list of blanks is replaced up to its last item only. */
function placeholderEdit(ctx: RuleContext, holder: MapView) {
  const done = holder.value('done');
  if (isSeq(done) && !done.flow && done.range) return ctx.edits.replace([done.range[0], contentEnd(ctx.model, done)], PLACEHOLDER);
  return ctx.edits.setValue(holder, 'done', PLACEHOLDER);
}

export default defineRule({
  id: 'done-missing',
  severity: 'error',
  description: 'The intent or a milestone does not say what done looks like',
  check(ctx) {
    const { model } = ctx;
    const intent = model.intent;
    const intentKey = model.root?.keyNode('intent');
    // A missing or empty intent is intent-missing's finding alone.
    if (intent && intentKey && intent.node.items.length > 0 && doneIsMissing(intent)) {
      ctx.report({
        at: intentKey,
        entry: { section: 'intent' },
        message: 'the intent does not say what "done" looks like: nobody can tell when the work is finished without asking',
        fixes: [{ title: 'Insert a "done" placeholder', safe: false, edits: [placeholderEdit(ctx, intent)] }],
      });
    }
    for (const milestone of model.lists.milestones) {
      if (!doneIsMissing(milestone)) continue;
      ctx.report({
        at: milestone.anchor,
        entry: milestone,
        message: `${milestone.label} does not say what "done" looks like: nobody can tell when it is reached without asking`,
        fixes: [{ title: 'Insert a "done" placeholder', safe: false, edits: [placeholderEdit(ctx, milestone)] }],
      });
    }
  },
});
