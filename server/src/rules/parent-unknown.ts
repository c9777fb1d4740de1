// `team.parent` names no team of the repository: the team above, who carries the consequences of
// this team's calls, cannot be found.
import { defineSetRule } from '../engine/rule';
import { NearestIds } from '../engine/text';

export default defineSetRule({
  id: 'parent-unknown',
  severity: 'warning',
  description: 'team.parent names no team id or charter path in the repository',
  minCharters: 2,
  checkSet(ctx) {
    let teamIds: NearestIds | undefined;
    for (const c of ctx.charters) {
      const parent = c.team.parent;
      if (!parent || ctx.parentOf(c) !== undefined) continue;
      // A misspelt id is the likely slip: name the team ids within a few edits.
      teamIds ??= new NearestIds(ctx.charters.flatMap((x) => (x.team.id ? [x.team.id.text] : [])));
      const close = parent.text.includes('/') ? [] : teamIds.closest(parent.text, Math.min(3, Math.max(1, Math.floor(parent.text.length / 3))));
      ctx.report({
        file: c.file,
        range: parent.range,
        subject: 'team parent',
        message: `team.parent "${parent.text}" names no team id and no charter of this repository: the team above cannot be found${close.length ? `; did you mean ${close.map((id) => `"${id}"`).join(' or ')}?` : ''}`,
      });
    }
  },
});
