// Two charters of the set declare the same team id: references to that team (`parent`, a
// stakeholder of kind team) cannot tell which one is meant.
import { defineSetRule } from '../engine/rule';
import type { CharterSummary } from '../engine/charter-set';
import { capRelated, listSome } from '../engine/charter-set';

export default defineSetRule({
  id: 'team-id-duplicate',
  severity: 'error',
  description: 'Two charters of the repository declare the same team id',
  minCharters: 2,
  checkSet(ctx) {
    const byId = new Map<string, CharterSummary[]>();
    for (const c of ctx.charters) {
      if (!c.team.id) continue;
      const list = byId.get(c.team.id.text);
      if (list) list.push(c);
      else byId.set(c.team.id.text, [c]);
    }
    for (const [id, charters] of byId) {
      if (charters.length < 2) continue;
      for (const c of charters) {
        const others = charters.filter((o) => o !== c);
        ctx.report({
          file: c.file,
          range: c.team.id!.range,
          subject: `team ${id}`,
          message: `team id "${id}" is also declared by ${listSome(others.map((o) => o.file))}: a parent or a team stakeholder naming "${id}" cannot tell which team is meant`,
          related: capRelated(others).shown.map((o) => ({ file: o.file, range: o.team.id!.range, message: `"${id}" is declared here too` })),
        });
      }
    }
  },
});
