import { defineRule } from '../engine/rule';
import type { Namespace } from '../engine/indexes';
import type { Entry } from '../engine/parse';
import { q } from '../engine/text';

const WHERE: Record<Namespace, string> = {
  party: 'members, roles and stakeholders',
  priority: 'priorities',
  decision: 'decisions',
  checkin: 'check-ins',
  milestone: 'milestones',
  risk: 'risks',
};

export default defineRule({
  id: 'duplicate-id',
  severity: 'error',
  description: 'Two entries share an id in one namespace (members, roles and stakeholders share one)',
  check(ctx) {
    const { model, index, edits } = ctx;
    for (const [namespace, ids] of Object.entries(index.declared) as [Namespace, Map<string, Entry[]>][]) {
      for (const [id, entries] of ids) {
        if (entries.length < 2) continue;
        const first = entries[0];
        const firstLine = model.lines.lineOf(first.anchor.range?.[0] ?? 0) + 1;
        let n = 2;
        for (const entry of entries.slice(1)) {
          if (!entry.idNode) continue;
          while (ids.has(`${id}-${n}`)) n++;
          const renamed = `${id}-${n++}`;
          const also = entry.section === first.section ? '' : ` (${WHERE[namespace]} share one set of ids)`;
          ctx.report({
            at: entry.idNode,
            entry,
            message: `${entry.label} reuses the id of the ${first.noun} on line ${firstLine}${also}: every reference to ${q(id)} is ambiguous`,
            related: [{ at: first.anchor, message: `first ${first.noun} with id ${q(id)}` }],
            fixes: [{ title: `Rename this ${entry.noun} to "${renamed}"`, safe: false, edits: [edits.replaceScalar(entry.idNode, renamed)] }],
          });
        }
      }
    }
  },
});
