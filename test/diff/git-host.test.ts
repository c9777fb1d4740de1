// `diff --git` and the host: link blobs and links in the working tree are skipped (never read), a
// change to a .charterrc alone re-reviews the charters it governs, ignores leave charters out.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE_CHARTER, TODAY, edit, runBinary, tempRepo } from './helpers';

const MISSING_OWNER = edit(BASE_CHARTER, '    owner: ben\n    boundary: team', '    boundary: team');

describe('diff --git: links, configs and ignores', function () {
  this.timeout(60_000);

  it('a committed link to /etc/passwd is skipped on both sides: nothing of its target reaches the output', () => {
    const r = tempRepo('charter-git-link-');
    try {
      r.write('ok/team-charter.yaml', BASE_CHARTER);
      r.git('add', '-A');
      r.git('commit', '-q', '-m', 'base');
      fs.mkdirSync(path.join(r.dir, 'evil'));
      fs.symlinkSync('/etc/passwd', path.join(r.dir, 'evil/team-charter.yaml'));
      r.git('add', '-A');
      r.git('commit', '-q', '-m', 'a link');
      for (const ref of ['HEAD', 'HEAD~1']) {
        const out = runBinary(['diff', '--git', ref, '--today', TODAY, '--format', 'markdown'], r.dir);
        assert.equal(out.code, 0, out.stderr);
        assert.equal(out.stderr, '');
        // New at HEAD~1: listed as skipped, never read. The same link on both sides (HEAD) is no change.
        if (ref === 'HEAD~1') assert.match(out.stdout, /evil\/team-charter\.yaml.*symbolic link/);
        else assert.doesNotMatch(out.stdout, /evil/);
        assert.doesNotMatch(out.stdout + out.stderr, /root:|nologin/);
      }
    } finally {
      r.remove();
    }
  });

  it('a change to .charterrc.* alone reviews every charter it governs, each side with its own config', () => {
    const r = tempRepo('charter-git-config-');
    try {
      r.write('teams/a/team-charter.yaml', MISSING_OWNER);
      r.write('teams/.charterrc.yaml', 'rules:\n  owner-missing: off\n');
      r.write('other/team-charter.yaml', MISSING_OWNER);
      r.git('add', '-A');
      r.git('commit', '-q', '-m', 'base');
      r.write('teams/.charterrc.yaml', 'rules:\n  owner-missing: error\n');
      const out = runBinary(['diff', '--git', 'HEAD', '--today', TODAY, '--format', 'json'], r.dir);
      assert.equal(out.code, 1, out.stderr);
      const report = JSON.parse(out.stdout);
      assert.deepEqual(report.charters.map((c: { path: string }) => c.path), ['teams/a/team-charter.yaml']);
      const introduced = report.charters[0].findings.introduced;
      assert.deepEqual(introduced.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`), ['owner-missing:error']);
    } finally {
      r.remove();
    }
  });

  it('charters ignored by a .charterrc are not compared', () => {
    const r = tempRepo('charter-git-ignore-');
    try {
      r.write('.charterrc.yaml', 'ignores: [fixtures/]\n');
      r.write('fixtures/team-charter.yaml', BASE_CHARTER);
      r.git('add', '-A');
      r.git('commit', '-q', '-m', 'base');
      r.write('fixtures/team-charter.yaml', MISSING_OWNER);
      const out = runBinary(['diff', '--git', 'HEAD', '--today', TODAY, '--format', 'json'], r.dir);
      assert.equal(out.code, 0, out.stderr);
      assert.deepEqual(JSON.parse(out.stdout).charters, []);
    } finally {
      r.remove();
    }
  });
});
