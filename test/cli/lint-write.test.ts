// --fix writing (rules.md round 2, "Writing"): read-only files, hard links, read-only folders. The
// permission tests run the CLI as nobody (setpriv), since the tests run as root on CI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, TODAY, VERSION_2, charterWith, lintIn, tempTree } from './cli-helpers';

const FIXABLE = charterWith(VERSION_2);
const FIXED = charterWith();
const NOBODY = 65534;

/** Runs lint --fix as nobody; undefined when this machine cannot (not root, no setpriv, no access to the CLI). */
function lintAsNobody(cwd: string, ...args: string[]) {
  if (process.getuid?.() !== 0) return undefined;
  const probe = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, BIN, '--version'], { cwd });
  if (probe.error || probe.status !== 0) return undefined;
  const r = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, BIN, 'lint', '--today', TODAY, ...args], { cwd, encoding: 'utf8', timeout: 15000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const reachable: string[] = [];
after(() => {
  for (const dir of reachable.splice(0)) {
    spawnSync('chmod', ['-R', 'u+w', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A folder nobody can reach, under /tmp (mkdtemp makes 0700 folders); removed after the run. */
function reachableTree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'team-charter-perm-')));
  reachable.push(dir);
  fs.chmodSync(dir, 0o755);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('cli lint --fix writing', () => {
  it('a file with no write bit is not written: exit 2 naming it, even by root in a writable folder', () => {
    const dir = tempTree({ 'team-charter.yaml': FIXABLE });
    const file = path.join(dir, 'team-charter.yaml');
    fs.chmodSync(file, 0o444);
    const r = lintIn(dir, '--fix');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^team-charter: team-charter\.yaml: not fixed: the file is read-only \(mode 0444\)$/m);
    assert.equal(fs.readFileSync(file, 'utf8'), FIXABLE);
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  });

  it('a file with several hard links is written in place: its links stay one file', () => {
    const dir = tempTree({ 'team-charter.yaml': FIXABLE });
    const file = path.join(dir, 'team-charter.yaml');
    fs.linkSync(file, path.join(dir, 'backup.yaml'));
    const inode = fs.statSync(file).ino;
    const r = lintIn(dir, '--fix', 'team-charter.yaml');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.statSync(file).ino, inode);
    assert.equal(fs.statSync(file).nlink, 2);
    assert.equal(fs.readFileSync(path.join(dir, 'backup.yaml'), 'utf8'), FIXED);
  });

  it('as an unprivileged user: a writable file in a read-only folder gets a clear message, not a raw EACCES', function () {
    const dir = reachableTree({ 'teams/team-charter.yaml': FIXABLE });
    const file = path.join(dir, 'teams/team-charter.yaml');
    fs.chmodSync(file, 0o666);
    fs.chmodSync(path.join(dir, 'teams'), 0o555);
    const r = lintAsNobody(dir, '--fix');
    if (!r) return this.skip();
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^team-charter: teams\/team-charter\.yaml: not fixed: its folder is not writable/m);
    assert.doesNotMatch(r.stderr, /EACCES/);
    assert.equal(fs.readFileSync(file, 'utf8'), FIXABLE);
  });

  it('as an unprivileged user: a file they may not write is not replaced, even in a folder they may write', function () {
    const dir = reachableTree({ 'team-charter.yaml': FIXABLE });
    fs.chmodSync(dir, 0o777);
    fs.chmodSync(path.join(dir, 'team-charter.yaml'), 0o644); // root's file
    const r = lintAsNobody(dir, '--fix');
    if (!r) return this.skip();
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^team-charter: team-charter\.yaml: not fixed: no permission to write it$/m);
    assert.equal(fs.readFileSync(path.join(dir, 'team-charter.yaml'), 'utf8'), FIXABLE);
    assert.equal(fs.statSync(path.join(dir, 'team-charter.yaml')).uid, 0);
  });
});
