// `team.parent` names no team of the repository: the team above, who carries the consequences of
// this team's calls, cannot be found.
import { defineSetRule } from '../engine/rule';

export default defineSetRule({
  id: 'parent-unknown',
  severity: 'warning',
  description: 'team.parent names no team id or charter path in the repository',
  minCharters: 2,
  checkSet(ctx) {
    for (const c of ctx.charters) {
      const parent = c.team.parent;
      if (!parent || ctx.parentOf(c) !== undefined) continue;
      ctx.report({
        file: c.file,
        range: parent.range,
        subject: 'team parent',
        message: `team.parent "${parent.text}" names no team id and no charter of this repository: the team above cannot be found`,
      });
    }
  },
});
