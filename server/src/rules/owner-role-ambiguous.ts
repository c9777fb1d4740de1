// An owner that names a role held by nobody, or by several members: nobody, or several people,
// think the call is theirs. Only judged when the charter has a roles catalogue.
import { defineRule } from '../engine/rule';
import type { FixDraft } from '../engine/rule';
import { ownNode, ownerHolders, replaceFieldScalar } from '../engine/fields';
import { q } from '../engine/text';

export default defineRule({
  id: 'owner-role-ambiguous',
  severity: 'warning',
  description: 'An owner names a role that no member, or several members, hold',
  check(ctx) {
    const { model, index, edits } = ctx;
    if (!model.root?.has('roles')) return;
    for (const { holder, entry, label } of ownerHolders(model)) {
      const owner = index.ownerShape(holder);
      if (owner.kind !== 'single' || index.partyKind(owner.party) !== 'role') continue;
      const holders = index.membersOf(owner.party).filter((m) => m.id !== undefined);
      if (holders.length === 1) continue;
      const at = ownNode(holder, 'owner');
      if (!at) continue;
      const fixes: FixDraft[] = holders.map((m) => ({ title: `Set owner to "${m.id}"`, safe: false, edits: [replaceFieldScalar(edits, holder, 'owner', m.id!)] }));
      ctx.report({
        at,
        entry,
        message:
          holders.length === 0
            ? `${label} is owned by the role ${q(owner.party)}, which no member holds: nobody thinks it is theirs`
            : `${label} is owned by the role ${q(owner.party)}, which ${holders.length} members hold (${holders.map((m) => m.id).join(', ')}): each can think another one has it`,
        fixes,
      });
    }
  },
});
