// The intent, done, milestone, check-in and updates rules on odd input: wrong types, aliases, flow
// style, CRLF, broken YAML. They never throw, and a value of the wrong type is the schema's finding.
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/lint';
import type { Finding } from '../../../server/src/lint';
import { invariantProblems } from '../../helpers/invariants';
import { BASE_CHARTER as base } from '../../helpers/fixtures';

const GROUP = [
  'intent-missing', 'intent-why-missing', 'done-missing', 'done-vague', 'milestone-due-missing', 'milestone-overdue',
  'checkins-missing', 'cadence-missing', 'cadence-invalid', 'milestone-trigger-missing', 'checkin-not-agreed',
  'checkin-purpose-missing', 'checkin-too-frequent', 'newcomer-unsupported', 'updates-missing',
];

/** `today: null` lints without a date. */
function run(text: string, todayOrNull: string | null = '2026-11-25'): Finding[] {
  const today = todayOrNull ?? undefined;
  const failures: string[] = [];
  const findings = lint(text, { today, onRuleError: (id, e) => failures.push(`${id}: ${String(e)}`) });
  assert.deepEqual(failures, []);
  assert.deepEqual(invariantProblems(text, findings), []);
  const crlf = text.replace(/\r?\n/g, '\r\n');
  assert.deepEqual(lint(crlf, { today }).map((f) => `${f.range.start.line}:${f.rule}`), findings.map((f) => `${f.range.start.line}:${f.rule}`));
  return findings;
}
const ours = (fs: Finding[]) => fs.filter((f) => GROUP.includes(f.rule)).map((f) => `${f.range.start.line + 1}:${f.rule}`);
const swap = (from: string, to: string) => {
  assert.ok(base.includes(from), from);
  return base.replace(from, to);
};

describe('intent, done, milestone, check-in and updates rules on odd input', () => {
  it('sections of the wrong type get the schema finding and nothing from these rules', () => {
    const cases = [
      swap('intent:\n  what: Move every merchant to next-day payouts.\n  why: Merchants choose us for cash flow.\n  done: 95% of payouts arrive within 24 hours for 30 days in a row.\n', 'intent: Next-day payouts for everyone\n'),
      swap('  done: 95% of payouts arrive within 24 hours for 30 days in a row.\n', '  done: {metric: payouts}\n'),
      swap('  done: 95% of payouts arrive within 24 hours for 30 days in a row.\n', '  done: 42\n'),
      swap('    done: 50 pilot merchants receive every payout within 24 hours.\n', '    done: [1, true]\n'),
      swap('  cadence: weekly\n  channel: "#payments-updates"\n  owner: ana\n  covers: [progress, changes, issues]\n', '  - weekly\n'),
      swap('    purpose: Progress on payouts, blocked decisions, risks.\n', '    purpose: [progress, risks]\n'),
      swap('    agreed_with: [ben]\n', '    agreed_with: {ben: yes}\n'),
      swap('    status: in-progress\n', '    status: Done\n    x-note: fine\n'),
    ];
    for (const text of cases) {
      const findings = run(text);
      assert.deepEqual(ours(findings), [], text);
      assert.ok(findings.some((f) => f.rule.startsWith('schema-')), text);
    }
  });

  it('a checkins value that holds no check-in map leaves newcomers to the schema finding', () => {
    const text = swap('    experience: proficient\n', '    experience: new\n').replace(/checkins:\n(  .*\n)+/, 'checkins: weekly\n');
    const findings = run(text);
    assert.deepEqual(ours(findings), []);
    assert.ok(findings.some((f) => f.rule === 'schema-invalid-value'));
  });

  it('aliases are followed: an aliased cadence, participant list and agreement count like the real values', () => {
    const text = swap('checkins:\n', 'x-rhythm: &rhythm daily\nx-people: &people [ana, ben]\nx-agreed: &agreed [ben]\n\ncheckins:\n')
      .replace('    cadence: weekly\n    owner: ana\n    participants: [ana, ben]\n    agreed_with: [ben]\n', '    cadence: *rhythm\n    owner: ana\n    participants: *people\n    agreed_with: *agreed\n');
    // Agreed in advance by everyone in it (through the alias): a daily rhythm is the team's choice.
    assert.deepEqual(ours(run(text)), []);
    const unagreed = text.replace('    agreed_with: *agreed\n', '');
    const lines = unagreed.split('\n');
    const at = (l: string) => lines.indexOf(l) + 1;
    assert.deepEqual(ours(run(unagreed)), [`${at('  - id: weekly-sync')}:checkin-not-agreed`, `${at('    cadence: *rhythm')}:checkin-too-frequent`]);
  });

  it('milestone-overdue needs a today: without one it stays quiet', () => {
    const text = swap('    due: 2027-02-15\n', '    due: 2026-01-01\n');
    assert.deepEqual(ours(run(text)).map((s) => s.split(':')[1]), ['milestone-overdue']);
    assert.deepEqual(ours(run(text, null)), []);
  });

  it('impossible dates are the schema\'s to judge, not overdue', () => {
    assert.deepEqual(ours(run(swap('    due: 2027-02-15\n', '    due: 2026-02-30\n'))), []);
  });

  it('broken YAML still gets the findings the parsed part supports, without a crash', () => {
    const text = swap('    purpose: Progress on payouts, blocked decisions, risks.\n', '   bad: [\n');
    const findings = run(text);
    assert.ok(findings.some((f) => f.rule === 'yaml-syntax'));
  });

  it('odd scalars in check-ins never throw', () => {
    for (const cadence of ['true', '~', '!!binary aGVsbG8=', 'every 99999999999999999999 days', '"every 1e3 days"', '[]', '{}', '&a x']) {
      run(swap('    cadence: weekly\n    owner: ana', `    cadence: ${cadence}\n    owner: ana`));
    }
    for (const participants of ['[null, 3, "", ana]', 'ana', '[[ana], {b: 1}]', '']) {
      run(swap('    participants: [ana, ben]\n', `    participants: ${participants}\n`).replace('    experience: expert\n', '    experience: new\n'));
    }
    run('charter: 1\nmembers: [{id: ana, experience: new}]\ncheckins: [{}, [], x, {id: a, cadence: daily, owner: [ana, ana]}]\nmilestones: [{}, {done: [[], {}]}]\nintent: {}\nupdates: {}\n');
  });
});
