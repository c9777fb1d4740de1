// An approver on a decision the team may take alone (or after consulting): either the call needs
// approval or it does not. Quiet where self-approval already reports the same value.
import { defineRule } from '../engine/rule';
import type { Node } from 'yaml';
import { approvesOwnCall, boundaryOf, fieldValue, ownNode, replaceFieldScalar } from '../engine/fields';
import type { RuleContext } from '../engine/rule';
import type { MapView } from '../engine/parse';
import { contentEnd } from '../engine/edits';
import type { OffsetEdit } from '../engine/edits';
import { q } from '../engine/text';

export default defineRule({
  id: 'approver-ignored',
  severity: 'warning',
  description: 'An approver on a decision whose boundary is team or consult',
  check(ctx) {
    const { model, index, edits } = ctx;
    for (const decision of model.lists.decisions) {
      const boundary = boundaryOf(decision);
      if (boundary !== 'team' && boundary !== 'consult') continue;
      const approver = fieldValue(decision, 'approver');
      if (approver.kind !== 'text') continue;
      const owner = fieldValue(decision, 'owner');
      if (owner.kind === 'text' && approvesOwnCall(index, owner.text, approver.text)) continue;
      const setBoundary = decision.has('boundary') ? replaceFieldScalar(edits, decision, 'boundary', 'escalate') : edits.insertPair(decision, 'boundary', 'escalate');
      ctx.report({
        at: approver.at,
        entry: decision,
        message: `${decision.label} names approver ${q(approver.text)} but its boundary is "${boundary}"${decision.has('boundary') ? '' : ' (the default)'}: either the call needs approval (boundary "escalate") or it does not`,
        fixes: [
          { title: 'Set "boundary: escalate"', safe: false, edits: [setBoundary] },
          { title: 'Remove the approver', safe: false, edits: [removeApprover(ctx, decision)] },
        ],
      });
    }
  },
});

/**
 * Deletes the `approver` line. A comment at the end of it is the user's note and stays, on a line
 * of its own at the key's indentation; a comment inside a multi-line value would be lost: no fix.
 */
function removeApprover(ctx: RuleContext, decision: MapView): OffsetEdit | undefined {
  const edit = ctx.edits.removePair(decision, 'approver');
  const value = ownNode(decision, 'approver') as Node | undefined;
  const key = decision.keyNode('approver');
  if (!edit || !value?.range || !key?.range) return edit;
  const { lines, text } = ctx.model;
  const end = contentEnd(ctx.model, value);
  const lastLine = lines.lineOf(end);
  if (lines.lineOf(key.range[0]) !== lastLine && text.slice(edit.start, end).includes('#')) return undefined;
  const comment = /^[ \t]+(#.*?)\s*$/.exec(text.slice(end, lines.lineEndOf(lastLine)))?.[1];
  if (!comment) return edit;
  return { start: edit.start, end: lines.lineEndOf(lastLine), text: ' '.repeat(lines.positionAt(key.range[0]).character) + comment };
}
