// `team-charter diff --git REF [PATH…]` through the real binary (bin/team-charter.js → dist/cli.js,
// built by `node scripts/build.mjs`) in a temporary git repository.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BASE_CHARTER, TODAY, edit, plainEnv, realisticCharter, runBinary, tempRepo } from './helpers';
import type { TempRepo } from './helpers';

describe('diff --git through the real binary', function () {
  this.timeout(60_000);
  let r: TempRepo;
  let repo: string;
  const git = (...args: string[]) => r.git(...args);
  const write = (rel: string, text: string) => r.write(rel, text);
  const charter = (args: string[], cwd = repo) => runBinary(args, cwd);

  before(() => {
    r = tempRepo('charter-git-');
    repo = r.dir;
    write('teams/identity/team-charter.yaml', realisticCharter('base'));
    write('teams/payments/payments.charter.yaml', BASE_CHARTER);
    write('notes/team-charter-notes.md', '# not a charter\n');
    write('.gitignore', 'ignored/\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'charters');
    // The pull request: identity edited, payments deleted, growth added (untracked), an ignored charter.
    write('teams/identity/team-charter.yaml', realisticCharter('head'));
    fs.rmSync(path.join(repo, 'teams/payments/payments.charter.yaml'));
    write('teams/growth/team-charter.yml', edit(BASE_CHARTER, 'id: payments\n  name: Payments', 'id: growth\n  name: Growth'));
    write('ignored/team-charter.yaml', 'not: [valid');
  });
  after(() => r.remove());

  it('from a subfolder, compares every charter of the repository with HEAD: edited, new and deleted', () => {
    const r = charter(['diff', '--git', 'HEAD', '--today', TODAY, '--format', 'json'], path.join(repo, 'teams/identity'));
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.base, 'HEAD');
    assert.equal(report.baseCommit, git('rev-parse', 'HEAD'));
    assert.deepEqual(report.charters.map((c: { path: string; status: string }) => [c.path, c.status]), [
      ['teams/growth/team-charter.yml', 'added'],
      ['teams/identity/team-charter.yaml', 'modified'],
      ['teams/payments/payments.charter.yaml', 'deleted'],
    ]);
    const identity = report.charters[1];
    assert.deepEqual(identity.changes.map((c: { kind: string }) => c.kind), ['value-changed', 'list-changed', 'owner-changed', 'cadence-changed', 'done-changed', 'value-changed']);
    assert.deepEqual(identity.findings.introduced.map((f: { rule: string }) => f.rule), ['schema-invalid-value']);
    assert.deepEqual(identity.findings.resolved.map((f: { rule: string }) => f.rule), ['schema-unknown-key']);
    assert.ok(report.charters[0].changes.some((c: { message: string }) => c.message === 'decision "fee-changes" added (owner "ana", boundary escalate)'));
    assert.ok(report.charters[2].changes.some((c: { message: string }) => c.message === 'check-in "weekly-sync" removed (cadence weekly, participants "ana", "ben")'));
  });

  it('PATH arguments limit the comparison, relative to the current folder; a deleted charter can be named', () => {
    const here = charter(['diff', '--git', 'HEAD', '--today', TODAY, '-f', 'json', '.'], path.join(repo, 'teams/identity'));
    assert.deepEqual(JSON.parse(here.stdout).charters.map((c: { path: string }) => c.path), ['teams/identity/team-charter.yaml']);
    const gone = charter(['diff', '--git', 'HEAD', '-f', 'json', '../payments/payments.charter.yaml'], path.join(repo, 'teams/identity'));
    assert.equal(gone.code, 0, gone.stderr);
    assert.deepEqual(JSON.parse(gone.stdout).charters.map((c: { status: string }) => c.status), ['deleted']);
  });

  it('markdown for a pull request: one table with a total row, then a section per charter in path order', () => {
    const r = charter(['diff', '--git', 'HEAD', '--today', TODAY, '--format', 'markdown']);
    assert.equal(r.code, 1);
    const sections = r.stdout.split('\n').filter((l) => l.startsWith('### '));
    assert.deepEqual(sections, ['### `teams/growth/team-charter.yml` (new charter)', '### `teams/identity/team-charter.yaml`', '### `teams/payments/payments.charter.yaml` (deleted)']);
    assert.match(r.stdout, /\| \*\*Total\*\* \| \*\*1 \(1 error\)\*\* \|/);
    assert.match(r.stdout, new RegExp(`Compared \`HEAD\` \\(\`${git('rev-parse', 'HEAD').slice(0, 12)}\`\\) with the working tree\\.`));
  });

  it('text output names each charter by its path from the repository root', () => {
    const r = charter(['diff', '--git', 'HEAD', '--today', TODAY], path.join(repo, 'teams'));
    assert.match(r.stdout, /^teams\/growth\/team-charter\.yml \(new charter\)$/m);
    assert.match(r.stdout, /~ decision "account-recovery": owner moved from "aisha" to "raj"/);
    assert.match(r.stdout, /3 charters changed: 1 finding introduced \(1 error\), \d+ resolved, \d+ other changes$/m);
  });

  it('exit 2 with a message: unknown revision, a path that exists nowhere, a path outside the repository, no repository', () => {
    const badRef = charter(['diff', '--git', 'no-such-branch']);
    assert.equal(badRef.code, 2);
    assert.match(badRef.stderr, /unknown git revision "no-such-branch"/);
    const nowhere = charter(['diff', '--git', 'HEAD', 'teams/nope']);
    assert.equal(nowhere.code, 2);
    assert.match(nowhere.stderr, /teams\/nope: no such file or folder in the working tree or at HEAD/);
    const outside = charter(['diff', '--git', 'HEAD', '..']);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /\.\. is outside the repository/);
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-nogit-'));
    try {
      const noRepo = runBinary(['diff', '--git', 'HEAD'], plain, { ...plainEnv(), GIT_CEILING_DIRECTORIES: os.tmpdir() });
      assert.equal(noRepo.code, 2);
      assert.match(noRepo.stderr, /not inside a git repository/);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });

  it('after the change is committed: nothing against HEAD; against HEAD~1, git sees the payments charter renamed to growth', () => {
    git('add', '-A');
    git('commit', '-q', '-m', 'the change');
    const clean = charter(['diff', '--git', 'HEAD', '--today', TODAY]);
    assert.equal(clean.code, 0);
    assert.equal(clean.stdout, 'no charter changed\n');
    const previous = charter(['diff', '--git', 'HEAD~1', '--today', TODAY, '-f', 'json']);
    assert.equal(previous.code, 1);
    // Committed, the new growth charter is the old payments one with two lines changed: a rename for git.
    const charters = JSON.parse(previous.stdout).charters;
    assert.deepEqual(charters.map((c: { path: string; basePath?: string; status: string }) => [c.path, c.basePath, c.status]), [
      ['teams/growth/team-charter.yml', 'teams/payments/payments.charter.yaml', 'moved'],
      ['teams/identity/team-charter.yaml', undefined, 'modified'],
    ]);
    assert.deepEqual(charters[0].changes.map((c: { message: string }) => c.message), [
      'team renamed from "Payments" to "Growth"',
      'team id changed from "payments" to "growth": references to it from other charters (parent, stakeholders of kind team) may break',
    ]);
  });
});
