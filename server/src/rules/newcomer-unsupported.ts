// A newcomer needs regular, close support: a small check-in, held often enough, that they are in
// (as owner or participant). An eight-person meeting is not guidance.
import { defineRule } from '../engine/rule';
import type { FixDraft, RuleContext } from '../engine/rule';
import type { Entry } from '../engine/parse';
import { experienceOf } from '../engine/fields';
import { addParty, agreedWith, participantsNotAgreed } from '../engine/checkins';
import { flowList, formatScalar } from '../engine/edits';

export default defineRule({
  id: 'newcomer-unsupported',
  severity: 'warning',
  description: 'A new member is in no small, frequent check-in',
  options: {
    maxDays: { type: 'number', default: 14, exclusiveMinimum: 0, description: 'A check-in held at least every this many days counts as support.' },
    maxParticipants: { type: 'integer', default: 4, minimum: 1, description: 'A check-in with more `participants` entries than this (counted as written) is a meeting, not support.' },
  },
  check(ctx) {
    const { model, index } = ctx;
    // No check-ins at all is checkins-missing's finding alone; a `checkins` that is not a list of
    // maps is the schema's. Either way there is nothing to judge support by.
    if (model.lists.checkins.length === 0) return;
    const { maxDays, maxParticipants } = ctx.options;

    // Everyone in a small, frequent enough check-in: owner and participants, roles expanded.
    const supported = new Set<string>();
    const close: Array<{ checkin: Entry; days: number }> = [];
    for (const checkin of model.lists.checkins) {
      const cadence = index.cadence(checkin);
      if (cadence?.kind !== 'interval' || cadence.days > maxDays) continue;
      const participants = checkin.texts('participants').map((p) => p.trim()).filter((p) => p !== '');
      if (participants.length > maxParticipants) continue;
      close.push({ checkin, days: cadence.days });
      for (const party of new Set([...participants, ...checkin.texts('owner').map((o) => o.trim())])) {
        addParty(index, party, supported);
      }
    }

    for (const member of model.lists.members) {
      const id = member.id?.trim();
      // Without an id nobody can name the member anywhere (schema-missing-key reports that).
      if (id === undefined || experienceOf(member) !== 'new' || supported.has(id)) continue;
      ctx.report({
        at: member.anchor,
        entry: member,
        message: `${member.label} is new but in no check-in of at most ${maxParticipants} people held at least every ${maxDays} days: without regular support, newcomers guess or get micromanaged ad hoc`,
        fixes: fixes(ctx, member, id, close, maxParticipants),
      });
    }
  },
});

/**
 * (1) Join a close check-in that has room and that everyone in it agreed to (the most frequent
 * such); (2) always: a new 1:1 with the member's lead, agreed with the member, with an end date to fill.
 */
function fixes(ctx: RuleContext, member: Entry, id: string, close: Array<{ checkin: Entry; days: number }>, maxParticipants: number): FixDraft[] {
  const out: FixDraft[] = [];
  const joinable = close
    .filter(({ checkin }) => checkin.texts('participants').length < maxParticipants)
    .filter(({ checkin }) => agreedWith(checkin).length > 0 && participantsNotAgreed(ctx.index, checkin).length === 0)
    .sort((a, b) => a.days - b.days)[0];
  if (joinable) out.push({ title: `Add ${id} to ${joinable.checkin.label}`, safe: false, edits: [ctx.edits.addToList(joinable.checkin, 'participants', id)] });

  const lead = ctx.index.leads.find((m) => m.id !== undefined && m.id !== id)?.id ?? 'TODO';
  const entry: Array<[string, string]> = [
    ['id', uniqueCheckinId(ctx, `${id}-1-1`)],
    ['cadence', 'weekly'],
    ['owner', formatScalar(lead)],
    ['participants', flowList([lead, id])],
    ['agreed_with', flowList([id])],
    ['until', 'TODO'],
  ];
  out.push({ title: `Add a weekly 1:1 for ${id} with ${lead}`, safe: false, edits: [ctx.edits.appendEntry('checkins', entry)] });
  return out;
}

function uniqueCheckinId(ctx: RuleContext, base: string): string {
  let candidate = base;
  for (let n = 2; ctx.index.declared.checkin.has(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}
