// newcomer-unsupported's `maxDays` option and its fix, as a user sees them.
import assert from 'node:assert/strict';
import { applyEdits, lint } from '../../../server/src/lint';
import type { CharterConfig } from '../../../server/src/lint';
import { BASE_CHARTER as base } from '../../helpers/fixtures';

const CARA = '  - id: cara\n    name: Cara Lee\n    role: engineer\n    experience: new\n';
// Cara is new and only in a biweekly check-in; the weekly sync is Ana's and Ben's.
const text = base.replace('\nstakeholders:', `${CARA}\nstakeholders:`).replace(
  '\nmilestones:',
  '  - id: cara-mentoring\n    cadence: biweekly\n    owner: ben\n    participants: [ben, cara]\n    agreed_with: [cara]\n    purpose: Review Cara\'s first changes.\n\nmilestones:',
);
const config = (maxDays: number): CharterConfig => ({ rules: { 'newcomer-unsupported': ['warning', { maxDays }] } });
const run = (t: string, cfg?: CharterConfig) => lint(t, { config: cfg, today: '2026-11-25' });

describe('newcomer-unsupported options and fix', () => {
  it('by default a biweekly check-in (14 days) is support enough', () => {
    assert.deepEqual(run(text).map((f) => f.rule), []);
  });

  it('maxDays 7 reports the member on their id and offers to add them to the weekly sync', () => {
    const findings = run(text, config(7)).filter((f) => f.rule === 'newcomer-unsupported');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(text.split('\n')[finding.range.start.line], '  - id: cara');
    assert.match(finding.message, /^member "cara" is new but in no check-in held at least every 7 days/);
    assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe]), [['Add cara to check-in "weekly-sync"', false]]);

    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.match(fixed, /participants: \[ana, ben, cara\]\n    agreed_with: \[ben\]/);
    const after = run(fixed, config(7));
    assert.equal(after.filter((f) => f.rule === 'newcomer-unsupported').length, 0);
    // Being added is not agreeing: the newcomer is asked next.
    assert.deepEqual(after.filter((f) => f.rule === 'checkin-not-agreed').map((f) => f.message), [
      'check-in "weekly-sync" was not agreed with "cara": a check-in not agreed in advance feels like surveillance',
    ]);
  });

  it('with no check-in frequent enough, it reports without a fix', () => {
    const [finding] = run(text, config(5)).filter((f) => f.rule === 'newcomer-unsupported');
    assert.deepEqual(finding.fixes, []);
  });
});
