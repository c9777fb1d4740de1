// What cadence-invalid suggests for common mistakes, and which suggestions --fix applies on its own.
import assert from 'node:assert/strict';
import { fixAll, lint } from '../../../server/src/lint';
import { BASE_CHARTER as base } from '../../helpers/fixtures';

const withCadence = (cadence: string) => base.replace('  cadence: weekly\n  channel', `  cadence: ${cadence}\n  channel`);
const suggestions = (cadence: string) => {
  const findings = lint(withCadence(cadence), { today: '2026-11-25' }).filter((f) => f.rule === 'cadence-invalid');
  assert.equal(findings.length, 1, cadence);
  return findings[0].fixes.map((f) => `${f.safe ? '✓ ' : ''}${f.title.replace(/^Change cadence to /, '')}`);
};

describe('cadence-invalid suggestions', () => {
  it('typos, case and spacing within distance 2 get one safe fix', () => {
    assert.deepEqual(suggestions('Weekly'), ['✓ "weekly"']);
    assert.deepEqual(suggestions('WEEKLY'), ['✓ "weekly"']);
    assert.deepEqual(suggestions('bi-weekly'), ['✓ "biweekly"']);
    assert.deepEqual(suggestions('montly'), ['✓ "monthly"']);
    assert.deepEqual(suggestions('twice weekly'), ['✓ "twice-weekly"']);
    assert.deepEqual(suggestions('on milestone'), ['✓ "on-milestone"']);
    assert.deepEqual(suggestions('every 2 week'), ['✓ "every 2 weeks"']);
    assert.deepEqual(suggestions('Every  3 Weeks'), ['✓ "every 3 weeks"']);
  });

  it('words that mean a cadence are offered as quick fixes only', () => {
    assert.deepEqual(suggestions('fortnightly'), ['"biweekly"']);
    assert.deepEqual(suggestions('once a month'), ['"monthly"']);
    assert.deepEqual(suggestions('every two weeks'), ['"every 2 weeks"']);
    assert.deepEqual(suggestions('7'), ['"every 7 days"']);
    // Never guessed to be "monthly", although it is within distance 2 of it.
    assert.deepEqual(suggestions('bimonthly'), ['"every 8 weeks"', '"every 2 weeks"']);
  });

  it('values nothing resembles get no fix, and the message lists what is valid', () => {
    assert.deepEqual(suggestions('when needed'), []);
    assert.deepEqual(suggestions('every 0 days'), []);
    const [finding] = lint(withCadence('when needed'), { today: '2026-11-25' }).filter((f) => f.rule === 'cadence-invalid');
    assert.match(finding.message, /^the "updates" section has cadence "when needed", which the format does not define/);
    assert.match(finding.message, /daily, twice-weekly, weekly, biweekly, monthly, quarterly, on-milestone, "every N days" or "every N weeks"/);
  });

  it('--fix repairs a typo and keeps the quotes, but leaves a guess for a person', () => {
    assert.match(fixAll(withCadence('"Weekly"')).text, /  cadence: "weekly"\n  channel/);
    assert.match(fixAll(withCadence('fortnightly')).text, /  cadence: fortnightly\n  channel/);
  });

  it('a placeholder cadence is not a cadence either: both rules report it, with no guess', () => {
    const findings = lint(withCadence('TBD'), { today: '2026-11-25' });
    assert.deepEqual(findings.map((f) => f.rule).sort(), ['cadence-invalid', 'placeholder-text']);
    assert.deepEqual(suggestions('TBD'), []);
  });
});
