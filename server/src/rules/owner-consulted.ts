// A decision's owner listed in its own consult or inform: harmless, but it hides who is actually
// heard. Removing the owner from that list changes nothing about who decides or is heard.
import { isSeq } from 'yaml';
import type { Scalar } from 'yaml';
import { defineRule } from '../engine/rule';
import type { RuleContext } from '../engine/rule';
import type { MapView } from '../engine/parse';
import { contentEnd } from '../engine/edits';
import type { OffsetEdit } from '../engine/edits';
import { boundaryOf, scalarItemsOf } from '../engine/fields';
import { q } from '../engine/text';

export default defineRule({
  id: 'owner-consulted',
  severity: 'info',
  description: 'A decision\'s owner also appears in its own consult or inform list',
  check(ctx) {
    const { model, index } = ctx;
    for (const decision of model.lists.decisions) {
      const owner = index.ownerShape(decision);
      if (owner.kind !== 'single') continue;
      for (const field of ['consult', 'inform'] as const) {
        const items = scalarItemsOf(decision, field);
        for (const item of items.filter((i) => i.text === owner.party)) {
          // Under `boundary: consult` an empty consult list is a new problem (consult-missing).
          const leavesEmpty = field === 'consult' && boundaryOf(decision) === 'consult' && items.every((i) => i.text === owner.party);
          ctx.report({
            at: item.node,
            entry: decision,
            message: `${decision.label} lists its owner ${q(owner.party)} in "${field}": the owner makes the call, so ${field === 'consult' ? 'consulting' : 'informing'} them says nothing`,
            fixes: [{ title: `Remove "${owner.party}" from ${field}`, safe: !leavesEmpty, edits: [removeItem(ctx, decision, field, item.node)] }],
          });
        }
      }
    }
  },
});

/**
 * Removes the owner's item from the list. A block-list item with a comment after it keeps the
 * comment, on a line of its own where the item was: the user's note is never lost.
 */
function removeItem(ctx: RuleContext, holder: MapView, key: string, item: Scalar): OffsetEdit | undefined {
  const plain = ctx.edits.removeListItem(holder, key, item);
  if (plain) return plain;
  const value = holder.value(key);
  if (holder.pairs.get(key)?.value !== value || !isSeq(value) || value.flow || value.items.length < 2 || !item.range) return undefined;
  const { lines, text } = ctx.model;
  const line = lines.lineOf(item.range[0]);
  const end = contentEnd(ctx.model, item);
  const dash = text.lastIndexOf('-', item.range[0]);
  if (lines.lineOf(end) !== line || dash < lines.starts[line] || text.slice(lines.starts[line], dash).trim() !== '' || text.slice(dash + 1, item.range[0]).trim() !== '') return undefined;
  const comment = /^[ \t]+(#.*?)\s*$/.exec(text.slice(end, lines.lineEndOf(line)))?.[1];
  if (!comment) return undefined;
  return { start: lines.starts[line], end: lines.lineEndOf(line), text: ' '.repeat(dash - lines.starts[line]) + comment };
}
