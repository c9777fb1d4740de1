// The realistic review case, in every format, against golden files (UPDATE_GOLDEN=1 rewrites them
// after a deliberate output change; review the file diff before committing).
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT } from '../helpers/fixtures';
import { DIFF_FIXTURES, TODAY, golden, runCli } from './helpers';

const REALISTIC = path.join(DIFF_FIXTURES, 'realistic');
const ARGS = ['diff', '--today', TODAY, 'base/team-charter.yaml', 'head/team-charter.yaml'];

describe('diff: the realistic review (ownership handed over, a check-in made daily, a done deleted, a status edited, a typo fixed)', () => {
  it('tells exactly those things and nothing else (json)', async () => {
    const run = await runCli([...ARGS, '--format', 'json'], { cwd: REALISTIC });
    assert.equal(run.code, 1, 'the introduced finding is an error');
    const report = JSON.parse(run.stdout);
    const [charter] = report.charters;
    assert.equal(report.charters.length, 1);
    assert.deepEqual(
      charter.findings.introduced.map((f: { rule: string; severity: string; entry: unknown }) => [f.rule, f.severity, f.entry]),
      [['schema-invalid-value', 'error', { section: 'milestones', id: 'default-on' }]],
    );
    assert.deepEqual(charter.findings.resolved.map((f: { rule: string; entry: unknown }) => [f.rule, f.entry]), [['schema-unknown-key', { section: 'members', id: 'lena' }]]);
    assert.deepEqual(
      charter.changes.map((c: { kind: string; id?: string; from: unknown; to: unknown }) => [c.kind, c.id, c.from, c.to]),
      [
        // The typo `contct` hid the contact: fixing it sets one.
        ['value-changed', 'lena', null, 'lena@example.com'],
        ['list-changed', 'account-recovery', undefined, undefined],
        ['owner-changed', 'account-recovery', 'aisha', 'raj'],
        ['cadence-changed', 'lena-pairing', 'twice-weekly', 'daily'],
        ['done-changed', undefined, ['60% of active web users sign in with a passkey by 2027-06-30.', 'Password-reset tickets fall by at least 40% from the 2026 average.'], ['60% of active web users sign in with a passkey by 2027-06-30.']],
        ['value-changed', 'default-on', 'planned', 'in progress'],
      ],
    );
    assert.deepEqual([charter.changes[1].field, charter.changes[1].added, charter.changes[1].removed], ['consult', ['aisha'], ['raj']]);
    assert.equal(charter.changes[3].direction, 'more-frequent');
    assert.deepEqual(charter.decisionRights, [
      {
        decision: 'account-recovery',
        status: 'changed',
        edges: [
          { party: 'aisha', letter: 'O', status: 'removed' },
          { party: 'raj', letter: 'O', status: 'added' },
          { party: 'ciso', letter: 'A', status: 'kept' },
          { party: 'raj', letter: 'C', status: 'removed' },
          { party: 'aisha', letter: 'C', status: 'added' },
          { party: 'ciso', letter: 'R', status: 'kept' },
          { party: 'ciso', letter: 'E', status: 'kept' },
        ],
      },
    ]);
    golden('realistic.json', run.stdout);
  });

  it('markdown: a verdict, one table of counts, the picture of the handover, then the eight items', async () => {
    const run = await runCli([...ARGS, '--format', 'markdown'], { cwd: REALISTIC });
    assert.equal(run.code, 1);
    assert.equal(run.stdout.split('\n').filter((l) => l.startsWith('- ')).length, 8, 'two findings and six changes');
    assert.match(run.stdout, /```mermaid\nflowchart LR\n  d1\["account-recovery"\]\n/);
    assert.equal(run.stdout.split('\n').filter((l) => /^\| --- \|/.test(l)).length, 1, 'one table');
    golden('realistic.md', run.stdout);
  });

  it('text: the same eight items, without colour when not a terminal', async () => {
    const run = await runCli(ARGS, { cwd: REALISTIC });
    assert.equal(run.code, 1);
    assert.equal(run.stdout.split('\n').filter((l) => /^ {4}[-+~] /.test(l)).length, 8);
    assert.doesNotMatch(run.stdout, /\x1b\[/);
    golden('realistic.txt', run.stdout);
  });

  it('running from another folder finds the same findings and changes', async () => {
    const fromRoot = await runCli(['diff', '--today', TODAY, '-f', 'json', path.join(REALISTIC, 'base/team-charter.yaml'), path.join(REALISTIC, 'head/team-charter.yaml')], { cwd: ROOT });
    const inFolder = await runCli([...ARGS, '-f', 'json'], { cwd: REALISTIC });
    const strip = (s: string) => JSON.parse(s).charters.map((c: { findings: unknown; changes: unknown }) => [c.findings, c.changes]);
    assert.deepEqual(strip(fromRoot.stdout), strip(inFolder.stdout));
  });
});
