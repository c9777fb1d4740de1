// Following `team.parent` comes back to the same team: there is no top, so nobody is above.
import { defineSetRule } from '../engine/rule';
import type { CharterSummary } from '../engine/charter-set';
import { capRelated } from '../engine/charter-set';

export default defineSetRule({
  id: 'parent-cycle',
  severity: 'error',
  description: 'Following team.parent returns to the same team',
  checkSet(ctx) {
    // Each charter is walked once overall (a chain of any length is linear, never recursive).
    const state = new Map<CharterSummary, 'walking' | 'done'>();
    for (const start of ctx.charters) {
      const path: CharterSummary[] = [];
      let current: CharterSummary | null | undefined = start;
      while (current && !state.has(current)) {
        state.set(current, 'walking');
        path.push(current);
        current = ctx.parentOf(current);
      }
      if (current && state.get(current) === 'walking') {
        const cycle = path.slice(path.indexOf(current));
        const names = cycle.map(teamName);
        for (const c of cycle) {
          ctx.report({
            file: c.file,
            range: c.team.parent!.range,
            subject: 'team parent',
            message:
              cycle.length === 1
                ? `team "${teamName(c)}" names itself as its parent: there is no team above it`
                : `team.parent goes round in a circle (${names.length > 8 ? `${names.slice(0, 4).join(' → ')} → … ${names.length - 4} more teams … → ${names[0]}` : [...names, names[0]].join(' → ')}): there is no team at the top`,
            related: capRelated(cycle.filter((o) => o !== c)).shown.map((o) => ({ file: o.file, range: o.team.parent!.range, message: `"${teamName(o)}" names its parent here` })),
          });
        }
      }
      for (const c of path) state.set(c, 'done');
    }
  },
});

function teamName(c: CharterSummary): string {
  return c.team.id?.text ?? c.file;
}
