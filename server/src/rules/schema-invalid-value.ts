import { isScalar } from 'yaml';
import { defineRule } from '../engine/rule';
import type { FixDraft } from '../engine/rule';
import { closestMatches } from '../engine/text';
import { scalarText } from '../engine/parse';

const EXPERIENCE_RULES = 'newcomer-unsupported, newcomer-decides-alone, checkin-too-frequent, checkin-until-missing, expert-constrained';

export default defineRule({
  id: 'schema-invalid-value',
  severity: 'error',
  description: 'A value of the wrong type, a value outside its allowed set, or a malformed id or date',
  traits: { anyDocument: true },
  check(ctx) {
    for (const p of ctx.schema.problems) {
      if (p.kind !== 'invalid-value') continue;
      const fixes: FixDraft[] = [];
      const node = p.node;
      const current = scalarText(node);
      if (p.candidates && isScalar(node) && current !== undefined) {
        const close = closestMatches(current, p.candidates, 2);
        const offered = close.length ? close : p.candidates.length <= 5 ? p.candidates : [];
        for (const c of offered) {
          fixes.push({ title: `Change to "${c}"`, safe: close.length === 1, edits: [ctx.edits.replaceScalar(node, c)] });
        }
      }
      // An invalid experience counts as none: say what that switches off for this member.
      const message = p.path[0] === 'members' && p.path[2] === 'experience' ? `${p.message}. Until it is valid, the rules that read experience (${EXPERIENCE_RULES}) treat this member as having none` : p.message;
      ctx.report({ at: node ?? ctx.topAnchor(), entry: p.entry, message, fixes });
    }
  },
});
