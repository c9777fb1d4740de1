// "Team Charter: New charter" writes the same starter as `team-charter init`, named after the
// folder it is created in.
import assert from 'node:assert/strict';
import { newCharterText, teamIdFrom } from '../../client/src/charter-template';
import { parseCharter } from '../../server/src/engine/parse';
import { lint } from '../../server/src/lint';

describe('New charter command text', () => {
  it('derives a valid kebab-case team id from the folder name', () => {
    assert.equal(teamIdFrom('Payments API'), 'payments-api');
    assert.equal(teamIdFrom('identity_and_access'), 'identity-and-access');
    assert.equal(teamIdFrom('2026 Platform Team!'), 'platform-team');
    assert.equal(teamIdFrom('Ärger'), 'rger');
    assert.equal(teamIdFrom('42'), 'my-team');
    assert.equal(teamIdFrom(''), 'my-team');
  });

  it('names the team after the folder and reports only placeholders', () => {
    const text = newCharterText('payments-api', new Date('2026-11-25T12:00:00Z'));
    assert.equal(parseCharter(text).team?.text('id'), 'payments-api');
    const rulesFound = new Set(lint(text, { today: '2026-11-25' }).map((f) => f.rule));
    assert.deepEqual([...rulesFound], ['placeholder-text']);
  });

  it('dates the example milestone 90 days ahead, so it is not overdue', () => {
    const text = newCharterText('x', new Date('2026-11-25T12:00:00Z'));
    assert.match(text, /due: 2027-02-23\b/);
  });
});
