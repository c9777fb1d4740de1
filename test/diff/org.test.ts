// diff --git and the charter set: organisation findings introduced or resolved by a change, over
// the whole set at REF and in the working tree, including in charters the change did not touch.
import assert from 'node:assert/strict';
import { BASE_CHARTER, TODAY, runBinary, tempRepo } from './helpers';

const teamed = (id: string) => BASE_CHARTER.replace('team:\n  id: payments\n', `team:\n  id: ${id}\n`);

describe('diff --git: organisation findings', function () {
  this.timeout(60_000);

  it('a team id copied into another charter: team-id-duplicate introduced in both, the untouched one too; reverting resolves them', () => {
    const r = tempRepo('charter-git-org-');
    try {
      r.write('payments/team-charter.yaml', teamed('payments'));
      r.write('billing/team-charter.yaml', teamed('billing'));
      r.git('add', '-A');
      r.git('commit', '-q', '-m', 'base');
      r.write('billing/team-charter.yaml', teamed('payments'));
      const out = runBinary(['diff', '--git', 'HEAD', '--today', TODAY, '--format', 'json'], r.dir);
      assert.equal(out.code, 1, out.stderr);
      const report = JSON.parse(out.stdout) as { charters: Array<{ path: string; findings: { introduced: Array<{ rule: string; organisation?: boolean }> } }> };
      const introduced = Object.fromEntries(report.charters.map((c) => [c.path, c.findings.introduced.map((f) => `${f.rule}${f.organisation ? ' (organisation)' : ''}`)]));
      assert.deepEqual(introduced, {
        'billing/team-charter.yaml': ['team-id-duplicate (organisation)'],
        'payments/team-charter.yaml': ['team-id-duplicate (organisation)'],
      });
      r.git('commit', '-q', '-am', 'copy');
      r.write('billing/team-charter.yaml', teamed('billing'));
      const back = JSON.parse(runBinary(['diff', '--git', 'HEAD', '--today', TODAY, '--format', 'json'], r.dir).stdout) as { charters: Array<{ path: string; findings: { resolved: Array<{ rule: string }> } }> };
      assert.deepEqual(back.charters.map((c) => [c.path, c.findings.resolved.map((f) => f.rule)]), [
        ['billing/team-charter.yaml', ['team-id-duplicate']],
        ['payments/team-charter.yaml', ['team-id-duplicate']],
      ]);
    } finally {
      r.remove();
    }
  });

  it('a charter the change did not touch, whose organisation finding only reads differently, is not listed as changed', () => {
    const r = tempRepo('charter-git-org-');
    try {
      r.write('billing/team-charter.yaml', teamed('payments'));
      r.write('ledger/team-charter.yaml', teamed('ledger'));
      r.write('payments/team-charter.yaml', teamed('payments'));
      r.git('add', '-A');
      r.git('commit', '-q', '-m', 'base');
      // The duplicate already reported in billing and payments now also names ledger: same finding, new wording.
      r.write('ledger/team-charter.yaml', teamed('payments'));
      const out = runBinary(['diff', '--git', 'HEAD', '--today', TODAY, '--format', 'json'], r.dir);
      const report = JSON.parse(out.stdout) as { charters: Array<{ path: string; findings: { introduced: Array<{ rule: string }> } }> };
      assert.deepEqual(report.charters.map((c) => [c.path, c.findings.introduced.map((f) => f.rule)]), [['ledger/team-charter.yaml', ['team-id-duplicate']]]);
      const text = runBinary(['diff', '--git', 'HEAD', '--today', TODAY], r.dir).stdout;
      assert.match(text, /^1 charter changed/m, text);
    } finally {
      r.remove();
    }
  });
});
