// newcomer-unsupported's `maxDays` and `maxParticipants` options and its two quick fixes, as a user sees them.
import assert from 'node:assert/strict';
import { applyEdits, fixAll, lint } from '../../../server/src/lint';
import type { CharterConfig } from '../../../server/src/lint';
import { BASE_CHARTER as base } from '../../helpers/fixtures';

const CARA = '  - id: cara\n    name: Cara Lee\n    role: engineer\n    experience: new\n';
// Cara is new and only in a biweekly check-in; the weekly sync is Ana's and Ben's. Two engineers
// share a role, so it says what the role covers.
const text = base
  .replace('    title: Software engineer\n', '    title: Software engineer\n    responsibilities: [Build and run the payout services]\n')
  .replace('\nstakeholders:', `${CARA}\nstakeholders:`)
  .replace(
    '\nmilestones:',
    '  - id: cara-mentoring\n    cadence: biweekly\n    owner: ben\n    participants: [ben, cara]\n    agreed_with: [cara]\n    purpose: Review Cara\'s first changes.\n\nmilestones:',
  );
const config = (options: Record<string, number>): CharterConfig => ({ rules: { 'newcomer-unsupported': ['warning', options] } });
const run = (t: string, cfg?: CharterConfig) => lint(t, { config: cfg, today: '2026-11-25' });
const unsupported = (t: string, cfg?: CharterConfig) => run(t, cfg).filter((f) => f.rule === 'newcomer-unsupported');
const ONE_TO_ONE = '  - id: cara-1-1\n    cadence: weekly\n    owner: ana\n    participants: [ana, cara]\n    agreed_with: [cara]\n    until: TODO\n';

describe('newcomer-unsupported options and fix', () => {
  it('by default a biweekly check-in (14 days) of two is support enough', () => {
    assert.deepEqual(run(text).map((f) => f.rule), []);
  });

  it('maxDays 7 reports the member on their id and offers to join the agreed weekly sync, or a new 1:1', () => {
    const findings = unsupported(text, config({ maxDays: 7 }));
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(text.split('\n')[finding.range.start.line], '  - id: cara');
    assert.match(finding.message, /^member "cara" is new but in no check-in of at most 4 people held at least every 7 days/);
    assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe]), [
      ['Add cara to check-in "weekly-sync"', false],
      ['Add a weekly 1:1 for cara with ana', false],
    ]);

    const joined = applyEdits(text, finding.fixes[0].edits);
    assert.match(joined, /participants: \[ana, ben, cara\]\n    agreed_with: \[ben\]/);
    const after = run(joined, config({ maxDays: 7 }));
    assert.equal(after.filter((f) => f.rule === 'newcomer-unsupported').length, 0);
    // Being added is not agreeing: the newcomer is asked next.
    assert.deepEqual(after.filter((f) => f.rule === 'checkin-not-agreed').map((f) => f.message), [
      'check-in "weekly-sync" was not agreed with "cara": a check-in not agreed in advance feels like surveillance',
    ]);

    // The 1:1 is agreed with the newcomer and has an end date for people to fill in.
    const oneToOne = applyEdits(text, finding.fixes[1].edits);
    assert.ok(oneToOne.includes(ONE_TO_ONE), oneToOne);
    assert.equal(unsupported(oneToOne, config({ maxDays: 7 })).length, 0);
    // Neither is applied by --fix: who supports a newcomer is for people to agree.
    assert.equal(fixAll(text, { config: config({ maxDays: 7 }), today: '2026-11-25' }).text, text);
  });

  it('with no check-in frequent enough, only the 1:1 is offered', () => {
    const [finding] = unsupported(text, config({ maxDays: 5 }));
    assert.deepEqual(finding.fixes.map((f) => f.title), ['Add a weekly 1:1 for cara with ana']);
  });

  it('a check-in with more than maxParticipants entries is a meeting, not support; at the limit it counts', () => {
    const meeting = (participants: string[]) =>
      text.replace('    participants: [ben, cara]\n    agreed_with: [cara]\n', `    participants: [${participants.join(', ')}]\n    agreed_with: [${participants.filter((p) => p !== 'ben').join(', ')}]\n`);
    const five = meeting(['ben', 'cara', 'ana', 'finance', 'lead']);
    assert.equal(unsupported(five).length, 1);
    assert.equal(unsupported(meeting(['ben', 'cara', 'ana', 'finance'])).length, 0);
    assert.equal(unsupported(five, config({ maxParticipants: 5 })).length, 0);
    // Entries are counted as written: a role is one entry, however many hold it.
    assert.equal(unsupported(meeting(['ben', 'cara', 'engineer']), config({ maxParticipants: 3 })).length, 0);
  });

  it('a close check-in that is full, or not agreed by everyone in it, is not offered for joining', () => {
    const full = text.replace('    participants: [ana, ben]\n    agreed_with: [ben]\n', '    participants: [ana, ben, finance, lead]\n    agreed_with: [ben, finance, lead]\n');
    assert.deepEqual(unsupported(full, config({ maxDays: 7 }))[0].fixes.map((f) => f.title), ['Add a weekly 1:1 for cara with ana']);
    const unagreed = text.replace('    participants: [ana, ben]\n    agreed_with: [ben]\n', '    participants: [ana, ben]\n');
    assert.deepEqual(unsupported(unagreed, config({ maxDays: 7 }))[0].fixes.map((f) => f.title), ['Add a weekly 1:1 for cara with ana']);
  });

  it('without a lead the 1:1 names a TODO owner', () => {
    const noLead = text.replace('    role: lead\n    experience: expert\n', '    role: engineer\n    experience: expert\n');
    const [finding] = unsupported(noLead, config({ maxDays: 7 }));
    const added = applyEdits(noLead, finding.fixes[finding.fixes.length - 1].edits);
    assert.match(added, /  - id: cara-1-1\n    cadence: weekly\n    owner: TODO\n    participants: \[TODO, cara\]\n/);
  });
});
