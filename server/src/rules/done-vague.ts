import { isScalar, isSeq } from 'yaml';
import type { Scalar } from 'yaml';
import { defineRule } from '../engine/rule';
import type { RuleContext } from '../engine/rule';
import { deref } from '../engine/parse';
import type { Entry, MapView } from '../engine/parse';
import { contentEnd } from '../engine/edits';
import { phraseMatcher, placeholderIn, vagueness } from '../engine/vocabulary';
import { q, trimEndMatching } from '../engine/text';

// The example shows the shape (a measure, a target, a date); the TODO keeps it visible to
// placeholder-text until a person writes the real measure.
const TEMPLATE = 'TODO: how it is measured, e.g. at least 90% of …, by YYYY-MM-DD';

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
    return ctx.edits.replace([start, end], ` (${TEMPLATE})`);
  }
  // A bare placeholder (`TBD`) is replaced by the template; real words are kept in front of it.
  return ctx.edits.replaceScalar(node, placeholderIn(text) === text ? TEMPLATE : `${trimEndMatching(text, /[\s.;,]/)} (${TEMPLATE})`);
}

function checkHolder(ctx: RuleContext, holder: MapView, owner: string, entry: Entry | { section: string }, extraWeak: RegExp | undefined): void {
  for (const node of criteria(holder)) {
    const text = (node.value as string).trim();
    // Blank is done-missing's finding; a placeholder (`done: TBD`) is placeholder-text's: one problem, one finding.
    if (text === '' || placeholderIn(text) !== undefined) continue;
    const reason = vagueness(text, extraWeak);
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
  options: {
    extraWeakWords: { type: 'string-list', default: [], description: 'More weak words or phrases (any language) that make a criterion without a measurable signal vague.' },
  },
  check(ctx) {
    const extraWeak = phraseMatcher(ctx.options.extraWeakWords);
    const intent = ctx.model.intent;
    if (intent) checkHolder(ctx, intent, 'the intent', { section: 'intent' }, extraWeak);
    for (const milestone of ctx.model.lists.milestones) checkHolder(ctx, milestone, milestone.label, milestone, extraWeak);
  },
});
