import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node, Scalar } from 'yaml';
import { defineRule } from '../engine/rule';
import type { RuleContext } from '../engine/rule';
import { isEmptyValue } from '../engine/parse';
import type { Entry } from '../engine/parse';
import type { OffsetEdit } from '../engine/edits';
import { flowList, formatScalar } from '../engine/edits';
import { q } from '../engine/text';
import { agreedWith, participantsNotAgreed } from '../engine/checkins';

const WHY = 'a check-in not agreed in advance feels like surveillance';

function addEdit(ctx: RuleContext, checkin: Entry, add: string[]): OffsetEdit | undefined {
  const value = checkin.value('agreed_with');
  const items = add.length ? add : ['TODO'];
  // An alias stays untouched (other lists share its anchor): the use becomes a list of its own.
  const written = checkin.pairs.get('agreed_with')?.value as Node | null | undefined;
  if (isAlias(written)) return ctx.edits.replace(written, flowList([...checkin.texts('agreed_with').map((a) => a.trim()), ...items]));
  if (value === null || (isScalar(value) && (value.value === null || String(value.value).trim() === ''))) {
    return ctx.edits.setValue(checkin, 'agreed_with', flowList(items));
  }
  if (isScalar(value)) return ctx.edits.replace(value, flowList([String(value.value).trim(), ...items]));
  if (isSeq(value)) {
    if (value.items.length === 0) return ctx.edits.replace(value, flowList(items));
    // One edit appending every id, so the list keeps its style (block or flow).
    const edits = items.map((id) => ctx.edits.appendToSeq(value, formatScalar(id)));
    if (edits.some((e) => e === undefined)) return undefined;
    const [first] = edits as OffsetEdit[];
    return { start: first.start, end: first.end, text: (edits as OffsetEdit[]).map((e) => e.text).join('') };
  }
  return undefined;
}

export default defineRule({
  id: 'checkin-not-agreed',
  severity: 'warning',
  description: 'A check-in was not agreed with everyone who takes part',
  check(ctx) {
    for (const checkin of ctx.model.lists.checkins) {
      const value = checkin.value('agreed_with');
      if (isMap(value)) continue; // the schema reports a map where a list belongs
      const agreed = agreedWith(checkin);
      const missing = participantsNotAgreed(ctx.index, checkin);
      if (agreed.length > 0 && missing.length === 0) continue;
      const written = checkin.pairs.get('agreed_with')?.value as Node | null | undefined;
      const absent = value === null || (isScalar(value) && isEmptyValue(value as Scalar));
      const message =
        agreed.length === 0
          ? `${checkin.label} has ${absent ? 'no' : 'an empty'} "agreed_with": ${WHY}`
          : `${checkin.label} was not agreed with ${missing.map((p) => q(p)).join(', ')}: ${WHY}`;
      ctx.report({
        at: absent ? checkin.anchor : ((isAlias(written) ? written : value) as Node),
        entry: checkin,
        message,
        fixes: [{ title: missing.length ? `Record agreement with ${missing.join(', ')}` : 'Insert "agreed_with: [TODO]"', safe: false, edits: [addEdit(ctx, checkin, missing)] }],
      });
    }
  },
});
