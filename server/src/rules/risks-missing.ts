// Decisions that reserve approval or name who carries the risk, but no risks section: what risks
// are being managed, and by whom, is not visible to the team.
import { defineRule } from '../engine/rule';
import { boundaryOf, fieldValue } from '../engine/fields';

const SKELETON: Array<[string, string]> = [
  ['id', 'TODO'],
  ['description', '"TODO: what could go wrong"'],
  ['owner', 'TODO'],
  ['mitigation', '"TODO: what we do about it"'],
];

export default defineRule({
  id: 'risks-missing',
  severity: 'info',
  description: 'Decisions reserve approval or name risk owners, but the charter lists no risks',
  check(ctx) {
    const { model, edits } = ctx;
    const root = model.root;
    if (!root || !root.isEmpty('risks') || model.hiddenSections.has('risks')) return;
    const reason = model.lists.decisions.find((d) => boundaryOf(d) === 'escalate' || fieldValue(d, 'risk_owner').kind !== 'empty');
    if (!reason) return;
    ctx.report({
      at: root.keyNode('risks') ?? ctx.topAnchor(),
      entry: { section: 'risks' },
      subject: 'risks',
      message: `${root.has('risks') ? 'the "risks" list is empty' : 'the charter has no "risks"'} although ${reason.label} ${boundaryOf(reason) === 'escalate' ? 'needs approval' : 'names a risk owner'}: what risks are being managed, and by whom, is not visible`,
      fixes: [{ title: 'Insert a one-risk skeleton', safe: false, edits: [edits.appendEntry('risks', SKELETON)] }],
    });
  },
});
