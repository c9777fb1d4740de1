import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node, Scalar } from 'yaml';
import { defineRule } from '../engine/rule';
import type { RuleContext } from '../engine/rule';
import { isEmptyValue } from '../engine/parse';
import type { Entry } from '../engine/parse';
import type { OffsetEdit } from '../engine/edits';
import { flowList, formatScalar } from '../engine/edits';
import { q } from '../engine/text';

const WHY = 'a check-in not agreed in advance feels like surveillance';

/** Ids a party stands for: itself plus, for a role, the ids of its members. */
function expand(ctx: RuleContext, party: string): string[] {
  return [party, ...ctx.index.membersOf(party).map((m) => m.id).filter((id): id is string => id !== undefined)];
}

/** The owner's ids (a role owner covers its members). A list owner is owner-multiple's finding: all count. */
function ownerIds(ctx: RuleContext, checkin: Entry): Set<string> {
  const shape = ctx.index.ownerShape(checkin);
  const parties = shape.kind === 'single' ? [shape.party] : shape.kind === 'multiple' ? shape.parties.map((p) => p.trim()) : [];
  return new Set(parties.flatMap((p) => expand(ctx, p)));
}

/** Participants (as written) other than the owner who are not covered by `agreed_with`. */
function notAgreed(ctx: RuleContext, checkin: Entry, agreed: string[]): string[] {
  const owners = ownerIds(ctx, checkin);
  const agreedIds = new Set([...new Set(agreed)].flatMap((a) => expand(ctx, a)));
  const out: string[] = [];
  // Each participant once, so a role named many times is expanded once.
  for (const p of new Set(checkin.texts('participants').map((raw) => raw.trim()))) {
    if (p === '' || owners.has(p) || agreedIds.has(p)) continue;
    // A role participant is covered when each of its members is the owner or agreed.
    const members = ctx.index.membersOf(p).map((m) => m.id);
    if (members.length > 0 && members.every((id) => id !== undefined && (owners.has(id) || agreedIds.has(id)))) continue;
    out.push(p);
  }
  return out;
}

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
      const agreed = checkin.texts('agreed_with').map((a) => a.trim()).filter((a) => a !== '');
      const missing = notAgreed(ctx, checkin, agreed);
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
