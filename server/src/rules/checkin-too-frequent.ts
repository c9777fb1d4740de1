import { isAlias, isScalar } from 'yaml';
import type { Node, Scalar } from 'yaml';
import { defineRule } from '../engine/rule';
import type { RuleContext } from '../engine/rule';
import type { Entry } from '../engine/parse';
import { experienceOf } from '../engine/fields';
import { q } from '../engine/text';
import { formatScalar } from '../engine/edits';
import { addParty, agreedWith, participantsNotAgreed } from '../engine/checkins';

const EXPERIENCED = new Set<string>(['proficient', 'expert']);
const CALMER = [['weekly', 7], ['biweekly', 14], ['monthly', 30], ['quarterly', 91]] as const;

/** The gentlest change that satisfies `minDays`: weekly for the default of 7. */
export function calmerCadence(minDays: number): string {
  return CALMER.find(([, days]) => days >= minDays)?.[0] ?? `every ${Math.ceil(minDays)} days`;
}

/**
 * True when there is someone in the check-in besides its owner and every such person is a member
 * with experience proficient or expert. Roles stand for their members; a stakeholder, an undeclared
 * id or a member without `experience` means "not known to be experienced", so the rule stays quiet.
 */
function onlyExperienced(ctx: RuleContext, checkin: Entry): boolean {
  const shape = ctx.index.ownerShape(checkin);
  const owners = new Set<string>();
  if (shape.kind === 'single') addParty(ctx.index, shape.party, owners);
  let others = 0;
  // Each participant once, so a role named many times is expanded once.
  for (const party of new Set(checkin.texts('participants').map((raw) => raw.trim()))) {
    if (party === '' || owners.has(party)) continue;
    const decl = ctx.index.party(party);
    if (!decl || decl.section === 'stakeholders') return false;
    for (const member of ctx.index.membersOf(party)) {
      if (member.id !== undefined && owners.has(member.id)) continue;
      if (!EXPERIENCED.has(experienceOf(member) ?? '')) return false;
      others++;
    }
  }
  return others > 0;
}

export default defineRule({
  id: 'checkin-too-frequent',
  severity: 'warning',
  description: 'A check-in is more frequent than experienced people need',
  options: {
    minDays: { type: 'number', default: 7, exclusiveMinimum: 0, description: 'Check-ins more frequent than this many days are too frequent for an experienced group.' },
  },
  check(ctx) {
    const { minDays } = ctx.options;
    for (const checkin of ctx.model.lists.checkins) {
      const cadence = ctx.index.cadence(checkin);
      const node = checkin.value('cadence');
      if (cadence?.kind !== 'interval' || cadence.days >= minDays || !isScalar(node)) continue;
      if (!onlyExperienced(ctx, checkin)) continue;
      // Agreed in advance with everyone in it, a close rhythm is the team's choice, not surveillance.
      if (agreedWith(checkin).length > 0 && participantsNotAgreed(ctx.index, checkin).length === 0) continue;
      const target = calmerCadence(minDays);
      // An alias (`cadence: *rhythm`) is reported, and fixed, where it is used, not at its anchor.
      const written = checkin.pairs.get('cadence')?.value as Node | null | undefined;
      const at = isAlias(written) ? written : node;
      ctx.report({
        at,
        entry: checkin,
        message: `${checkin.label} is ${q(checkin.text('cadence')?.trim())}, more often than every ${minDays} days, though everyone in it is proficient or expert: that much checking reads as micromanagement`,
        fixes: [{ title: `Change cadence to "${target}"`, safe: false, edits: [at === node ? ctx.edits.replaceScalar(node as Scalar, target) : ctx.edits.replace(at, formatScalar(target))] }],
      });
    }
  },
});
