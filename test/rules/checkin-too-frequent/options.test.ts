// checkin-too-frequent's `minDays` option and its safe fix, as a user configuring .charterrc sees them.
import assert from 'node:assert/strict';
import { fixAll, lint } from '../../../server/src/lint';
import type { CharterConfig } from '../../../server/src/lint';
import { BASE_CHARTER as base } from '../../helpers/fixtures';

const withCadence = (cadence: string) => base.replace('    cadence: weekly\n    owner: ana', `    cadence: ${cadence}\n    owner: ana`);
const config = (minDays: unknown): CharterConfig => ({ rules: { 'checkin-too-frequent': ['warning', { minDays } as Record<string, unknown>] } });
const tooFrequent = (text: string, cfg?: CharterConfig) => lint(text, { config: cfg, today: '2026-11-25' }).filter((f) => f.rule === 'checkin-too-frequent');

describe('checkin-too-frequent options', () => {
  it('by default a weekly check-in of experienced people is fine and twice-weekly is not', () => {
    assert.equal(tooFrequent(withCadence('weekly')).length, 0);
    const [finding] = tooFrequent(withCadence('twice-weekly'));
    assert.match(finding.message, /^check-in "weekly-sync" is "twice-weekly", more often than every 7 days/);
    assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe]), [['Change cadence to "weekly"', true]]);
  });

  it('minDays 14 reports a weekly check-in and the fix moves it to biweekly, which --fix applies', () => {
    const text = withCadence('weekly');
    const [finding] = tooFrequent(text, config(14));
    assert.match(finding.message, /more often than every 14 days/);
    const fixed = fixAll(text, { config: config(14), today: '2026-11-25' }).text;
    assert.match(fixed, /    cadence: biweekly\n    owner: ana/);
    assert.equal(tooFrequent(fixed, config(14)).length, 0);
  });

  it('minDays 3 lets twice-weekly (3.5 days) through but not daily', () => {
    assert.equal(tooFrequent(withCadence('twice-weekly'), config(3)).length, 0);
    assert.equal(tooFrequent(withCadence('daily'), config(3)).length, 1);
  });

  it('a minDays beyond quarterly gets an "every N days" fix that satisfies it', () => {
    const text = withCadence('quarterly');
    const [finding] = tooFrequent(text, config(100));
    assert.equal(finding.fixes[0].title, 'Change cadence to "every 100 days"');
    assert.equal(tooFrequent(fixAll(text, { config: config(100), today: '2026-11-25' }).text, config(100)).length, 0);
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
});
