// parent-unknown's message: what a lead reads when `team.parent` names nothing — the value, and the
// team ids of the set within a few edits of it (a misspelt id is the usual slip).
import assert from 'node:assert/strict';
import { checkSet } from '../../server/src/org/check-set';

const charter = (id: string, parent?: string) => `charter: 1\nteam:\n  id: ${id}\n  name: Team ${id}\n${parent ? `  parent: ${parent}\n` : ''}members:\n  - id: m-${id}\n    name: M ${id}\n`;
const messages = (members: Array<{ file: string; text: string }>) =>
  checkSet(members, { today: '2026-11-25' }).flatMap((c) => c.analysis.findings.filter((f) => f.rule === 'parent-unknown').map((f) => f.message));

describe('parent-unknown message', () => {
  it('suggests the team id a misspelt parent was meant to be', () => {
    const [message] = messages([
      { file: 'engineering.charter.yaml', text: charter('engineering') },
      { file: 'payments.charter.yaml', text: charter('payments', 'enginering') },
    ]);
    assert.match(message, /^team\.parent "enginering" names no team id and no charter of this repository: the team above cannot be found; did you mean "engineering"\?$/);
  });

  it('suggests nothing for a parent unlike every team id, or for a path', () => {
    const found = messages([
      { file: 'engineering.charter.yaml', text: charter('engineering') },
      { file: 'payments.charter.yaml', text: charter('payments', 'marketing') },
      { file: 'growth.charter.yaml', text: charter('growth', '../enginering.charter.yaml') },
    ]);
    assert.equal(found.length, 2);
    for (const m of found) assert.doesNotMatch(m, /did you mean/);
  });
});
