// checkin-too-frequent's `minDays` option, its quick fix and the agreement that silences it, as a
// user configuring .charterrc sees them.
import assert from 'node:assert/strict';
import { applyEdits, fixAll, lint } from '../../../server/src/lint';
import type { CharterConfig } from '../../../server/src/lint';
import { BASE_CHARTER as base } from '../../helpers/fixtures';

// The base charter's check-in, not agreed in advance (agreement silences the rule: see the last tests).
const withCadence = (cadence: string) => {
  const from = '    cadence: weekly\n    owner: ana\n    participants: [ana, ben]\n    agreed_with: [ben]\n';
  assert.equal(base.split(from).length, 2);
  return base.replace(from, `    cadence: ${cadence}\n    owner: ana\n    participants: [ana, ben]\n`);
};
const config = (minDays: unknown): CharterConfig => ({ rules: { 'checkin-too-frequent': ['warning', { minDays } as Record<string, unknown>] } });
const tooFrequent = (text: string, cfg?: CharterConfig) => lint(text, { config: cfg, today: '2026-11-25' }).filter((f) => f.rule === 'checkin-too-frequent');

describe('checkin-too-frequent options', () => {
  it('by default a weekly check-in of experienced people is fine and twice-weekly is not', () => {
    assert.equal(tooFrequent(withCadence('weekly')).length, 0);
    const [finding] = tooFrequent(withCadence('twice-weekly'));
    assert.match(finding.message, /^check-in "weekly-sync" is "twice-weekly", more often than every 7 days/);
    assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe]), [['Change cadence to "weekly"', false]]);
  });

  it('minDays 14 reports a weekly check-in and the quick fix moves it to biweekly; --fix leaves it to people', () => {
    const text = withCadence('weekly');
    const [finding] = tooFrequent(text, config(14));
    assert.match(finding.message, /more often than every 14 days/);
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.match(fixed, /    cadence: biweekly\n    owner: ana/);
    assert.equal(tooFrequent(fixed, config(14)).length, 0);
    // How often people meet is for them to agree: fix-all never changes it.
    assert.equal(fixAll(text, { config: config(14), today: '2026-11-25' }).text.includes('    cadence: weekly\n    owner: ana'), true);
  });

  it('minDays 3 lets twice-weekly (3.5 days) through but not daily', () => {
    assert.equal(tooFrequent(withCadence('twice-weekly'), config(3)).length, 0);
    assert.equal(tooFrequent(withCadence('daily'), config(3)).length, 1);
  });

  it('a minDays beyond quarterly gets an "every N days" fix that satisfies it', () => {
    const text = withCadence('quarterly');
    const [finding] = tooFrequent(text, config(100));
    assert.equal(finding.fixes[0].title, 'Change cadence to "every 100 days"');
    assert.equal(tooFrequent(applyEdits(text, finding.fixes[0].edits), config(100)).length, 0);
  });

  it('a minDays that is not a positive number falls back to the default of 7', () => {
    for (const bad of ['often', -3, 0, null]) {
      assert.equal(tooFrequent(withCadence('weekly'), config(bad)).length, 0, String(bad));
      assert.equal(tooFrequent(withCadence('daily'), config(bad)).length, 1, String(bad));
    }
  });

  it('the severity from the config is used, and "off" silences it', () => {
    const [finding] = tooFrequent(withCadence('daily'), { rules: { 'checkin-too-frequent': 'error' } });
    assert.equal(finding.severity, 'error');
    assert.equal(tooFrequent(withCadence('daily'), { rules: { 'checkin-too-frequent': 'off' } }).length, 0);
  });

  it('a new participant, or one whose experience is unknown, keeps a daily check-in quiet', () => {
    const daily = withCadence('daily');
    assert.equal(tooFrequent(daily.replace('    experience: proficient\n', '    experience: new\n')).length, 0);
    assert.equal(tooFrequent(daily.replace('    experience: proficient\n', '')).length, 0);
    assert.equal(tooFrequent(daily.replace('participants: [ana, ben]', 'participants: [ana, ben, finance]')).length, 0);
  });

  it('agreed in advance by everyone in it besides the owner, a close check-in is quiet (a role counts for its holders)', () => {
    const daily = withCadence('daily');
    const agreed = (participants: string, agreedWith: string) =>
      tooFrequent(daily.replace('    participants: [ana, ben]\n', `    participants: ${participants}\n    agreed_with: ${agreedWith}\n`)).length;
    assert.equal(agreed('[ana, ben]', '[ben]'), 0);
    assert.equal(agreed('[ana, engineer]', '[engineer]'), 0);
    assert.equal(agreed('[ana, engineer]', '[ben]'), 0);
    // Agreement only from the owner, or from nobody, is no agreement.
    assert.equal(agreed('[ana, ben]', '[ana]'), 1);
    assert.equal(agreed('[ana, ben]', '[]'), 1);
  });
});
