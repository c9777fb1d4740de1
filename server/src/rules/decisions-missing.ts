import type { Node } from 'yaml';
import { defineRule } from '../engine/rule';
import type { RuleContext } from '../engine/rule';
import type { OffsetEdit } from '../engine/edits';

// A one-decision skeleton: every value the team must choose is a visible TODO.
const SKELETON: Array<[number, string]> = [
  [1, '- id: TODO'],
  [1, '  scope: "TODO: a call the team makes on its own, in one sentence"'],
  [1, '  owner: TODO'],
  [1, '  boundary: team'],
];

export default defineRule({
  id: 'decisions-missing',
  severity: 'error',
  description: 'The charter has no decisions: nobody knows what the team may decide alone',
  check(ctx) {
    const root = ctx.model.root;
    if (!root || ctx.model.hiddenSections.has('decisions')) return;
    const keyNode = root.keyNode('decisions');
    if (!keyNode) {
      ctx.report({
        at: ctx.topAnchor(),
        entry: { section: 'decisions' },
        message: 'the charter has no "decisions": nobody knows what the team may decide alone, so every call goes up to the lead',
        fixes: [{ title: 'Insert a decision skeleton', safe: false, edits: [ctx.edits.insertPair(undefined, 'decisions', { block: SKELETON })] }],
      });
      return;
    }
    // Blank text, `[]` and `{}` are empty too; the schema stays quiet about their type.
    if (!root.isEmpty('decisions')) return;
    ctx.report({
      at: keyNode,
      entry: { section: 'decisions' },
      message: 'the "decisions" list is empty: nobody knows what the team may decide alone, so every call goes up to the lead',
      fixes: [{ title: 'Insert a decision skeleton', safe: false, edits: fillEmpty(ctx, keyNode, root.pairs.get('decisions')?.value as Node | null) }],
    });
  },
});

/**
 * `decisions: [] # note` → `decisions: # note` plus the skeleton on the lines after it, so a
 * trailing comment survives (replacing up to the line end would delete it).
 */
function fillEmpty(ctx: RuleContext, keyNode: Node, value: Node | null): Array<OffsetEdit | undefined> {
  const text = ctx.model.text;
  const colon = text.indexOf(':', keyNode.range?.[1] ?? 0);
  if (colon < 0) return [undefined];
  const column = ctx.model.lines.positionAt(keyNode.range?.[0] ?? 0).character;
  const valueEnd = value?.range && value.range[1] > value.range[0] ? value.range[1] : colon + 1;
  const edits: OffsetEdit[] = [];
  if (valueEnd > colon + 1) edits.push({ start: colon + 1, end: valueEnd, text: '' });
  const lineEnd = ctx.edits.lineEndAfter(valueEnd);
  edits.push({ start: lineEnd, end: lineEnd, text: ctx.edits.blockLines(column, SKELETON) });
  return edits;
}
