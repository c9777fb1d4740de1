// `diff --git` follows git's renames (a charter moved with `git mv` is compared with its old path,
// not reported as deleted + new) and never reads a symbolic link, at REF or in the working tree.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BASE_CHARTER, TODAY, golden, realisticCharter, runBinary, tempRepo, withoutCommits } from './helpers';
import type { TempRepo } from './helpers';

describe('diff --git: a charter moved with git mv', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  const diff = (...args: string[]) => runBinary(['diff', '--git', 'main', '--today', TODAY, ...args], repo.dir);

  before(() => {
    repo = tempRepo('charter-mv-');
    repo.write('teams/identity/team-charter.yaml', realisticCharter('base'));
    repo.write('teams/payments/team-charter.yaml', BASE_CHARTER);
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'charters');
    // The pull request: identity moves to a new folder and is edited; payments moves unchanged.
    repo.git('mv', 'teams/identity', 'teams/identity-access');
    repo.write('teams/identity-access/team-charter.yaml', realisticCharter('head'));
    repo.git('mv', 'teams/payments/team-charter.yaml', 'teams/payments/payments.charter.yaml');
  });
  after(() => repo.remove());

  it('json: each charter once, compared with its old path (status moved), never deleted + new', () => {
    const r = diff('-f', 'json');
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.charters.map((c: { path: string; basePath: string; status: string }) => [c.path, c.basePath, c.status]), [
      ['teams/identity-access/team-charter.yaml', 'teams/identity/team-charter.yaml', 'moved'],
      ['teams/payments/payments.charter.yaml', 'teams/payments/team-charter.yaml', 'moved'],
    ]);
    const [identity, payments] = report.charters;
    assert.deepEqual(identity.findings.introduced.map((f: { rule: string }) => f.rule), ['schema-invalid-value']);
    assert.ok(identity.changes.some((c: { message: string }) => c.message === 'decision "account-recovery": owner moved from "aisha" to "raj"'));
    assert.ok(!identity.changes.some((c: { kind: string }) => c.kind === 'entry-added' || c.kind === 'entry-removed'), 'nothing reads as new or deleted');
    assert.deepEqual([payments.changes, payments.findings], [[], { introduced: [], resolved: [] }]);
    golden('git-mv.json', withoutCommits(r.stdout));
  });

  it('text and markdown say where each charter moved from', () => {
    const text = diff();
    assert.match(text.stdout, /^teams\/identity-access\/team-charter\.yaml \(moved from teams\/identity\/team-charter\.yaml\)$/m);
    assert.doesNotMatch(text.stdout, /new charter|deleted/);
    golden('git-mv.txt', text.stdout);
    const markdown = diff('-f', 'markdown');
    assert.match(markdown.stdout, /^Moved from `teams\/identity\/team-charter\.yaml`$/m);
    assert.match(markdown.stdout, /^\| `teams\/payments\/payments\.charter\.yaml` \(moved\) \| 0 \| 0 \|/m);
    golden('git-mv.md', withoutCommits(markdown.stdout));
  });

  it('a PATH naming either the new or the old folder finds the moved charter', () => {
    for (const scope of ['teams/identity-access', 'teams/identity']) {
      const r = diff('-f', 'json', scope);
      assert.equal(r.code, 1, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).charters.map((c: { path: string }) => c.path), ['teams/identity-access/team-charter.yaml'], scope);
    }
  });

  it('once committed, the rename is still followed against the older revision', () => {
    const committed = tempRepo('charter-mv-committed-');
    try {
      committed.write('a/team-charter.yaml', BASE_CHARTER);
      committed.git('add', '-A');
      committed.git('commit', '-q', '-m', 'a');
      committed.git('mv', 'a', 'b');
      committed.git('commit', '-q', '-m', 'moved');
      const r = runBinary(['diff', '--git', 'HEAD~1', '-f', 'json'], committed.dir);
      assert.deepEqual(JSON.parse(r.stdout).charters.map((c: { path: string; basePath: string; status: string }) => [c.path, c.basePath, c.status]), [['b/team-charter.yaml', 'a/team-charter.yaml', 'moved']]);
    } finally {
      committed.remove();
    }
  });
});

describe('diff --git: symbolic links are skipped, not read', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let outside: string;
  const SECRET = 'charter: 1\nmission: the secret outside the repository\n';

  before(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.yaml'), SECRET);
    repo = tempRepo('charter-links-');
    fs.mkdirSync(path.join(repo.dir, 'teams/linked'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(repo.dir, 'teams/linked/team-charter.yaml'));
    fs.mkdirSync(path.join(repo.dir, 'teams/same'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(repo.dir, 'teams/same/team-charter.yaml'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'links');
    // The pull request turns one link into a real charter; the other link stays as it was.
    fs.rmSync(path.join(repo.dir, 'teams/linked/team-charter.yaml'));
    repo.write('teams/linked/team-charter.yaml', BASE_CHARTER);
  });
  after(() => {
    repo.remove();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('a link blob at REF is reported as skipped; the real charter that replaced it is new; an unchanged link is silent', () => {
    const r = runBinary(['diff', '--git', 'HEAD', '--today', TODAY, '-f', 'json'], repo.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /secret/);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.skipped, [{ path: 'teams/linked/team-charter.yaml', reason: 'a symbolic link at HEAD (not read)' }]);
    assert.deepEqual(report.charters.map((c: { path: string; status: string }) => [c.path, c.status]), [['teams/linked/team-charter.yaml', 'added']]);
    const text = runBinary(['diff', '--git', 'HEAD', '--today', TODAY], repo.dir);
    assert.match(text.stdout, /^teams\/linked\/team-charter\.yaml: skipped, a symbolic link at HEAD \(not read\)$/m);
    const markdown = runBinary(['diff', '--git', 'HEAD', '--today', TODAY, '-f', 'markdown'], repo.dir);
    assert.match(markdown.stdout, /^> :warning: `teams\/linked\/team-charter\.yaml` skipped: a symbolic link at HEAD \(not read\)$/m);
  });

  it('a link in the working tree is skipped too', () => {
    fs.mkdirSync(path.join(repo.dir, 'teams/new-link'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(repo.dir, 'teams/new-link/team-charter.yaml'));
    try {
      const r = runBinary(['diff', '--git', 'HEAD', '--today', TODAY, '-f', 'json'], repo.dir);
      assert.doesNotMatch(r.stdout, /secret/);
      assert.deepEqual(JSON.parse(r.stdout).skipped.map((s: { path: string; reason: string }) => [s.path, s.reason]), [
        ['teams/linked/team-charter.yaml', 'a symbolic link at HEAD (not read)'],
        ['teams/new-link/team-charter.yaml', 'a symbolic link in the working tree (not read)'],
      ]);
    } finally {
      fs.rmSync(path.join(repo.dir, 'teams/new-link'), { recursive: true, force: true });
    }
  });
});
