import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { NodeHost } from '../../server/src/host/node-host';
import { MISSING_OWNER, charterWith, lintIn, lintJson, tempTree } from './cli-helpers';

const paths = (dir: string, ...args: string[]) => lintJson(dir, ...args).report.files.map((f) => f.path);

describe('cli lint discovery', () => {
  it('finds team-charter.yaml|yml and *.charter.yaml|yml recursively, in sorted order, skipping node_modules and .git', () => {
    const clean = charterWith();
    const dir = tempTree({
      'team-charter.yml': clean,
      'b/payments.charter.yaml': clean,
      'a/deep/er/team-charter.yaml': clean,
      'a/x.charter.yml': clean,
      'node_modules/pkg/team-charter.yaml': clean,
      '.git/team-charter.yaml': clean,
      'a/node_modules/team-charter.yaml': clean,
      'notes.yaml': clean,
      'team-charter.yaml.bak': clean,
      'charter.yaml': clean,
      '.github/team.charter.yaml': clean,
    });
    const expected = ['.github/team.charter.yaml', 'a/deep/er/team-charter.yaml', 'a/x.charter.yml', 'b/payments.charter.yaml', 'team-charter.yml'];
    assert.deepEqual(paths(dir), expected);
    assert.deepEqual(paths(dir, '.'), expected);
    // The host lists the same files, as absolute paths.
    const host = new NodeHost({ cwd: dir });
    assert.deepEqual(
      host.listChartersSync(host.rootOfSync(dir)).charters.map((f) => path.relative(dir, f.path).split(path.sep).join('/')),
      expected,
    );
  });

  it('lints explicit files whatever their name, including inside node_modules, each file once', () => {
    const dir = tempTree({ 'notes/odd-name.txt': charterWith(MISSING_OWNER), 'node_modules/x/team-charter.yaml': charterWith() });
    const { result, report } = lintJson(dir, 'notes/odd-name.txt', 'node_modules/x/team-charter.yaml', './notes/odd-name.txt');
    assert.equal(result.code, 1);
    assert.deepEqual(report.files.map((f) => [f.path, f.findings.map((x) => x.rule)]), [
      ['node_modules/x/team-charter.yaml', []],
      ['notes/odd-name.txt', ['owner-missing']],
    ]);
  });

  it('does not loop on a symlink back up the tree, and lints a linked folder\'s charters once', () => {
    const dir = tempTree({ 'teams/a/team-charter.yaml': charterWith() });
    fs.symlinkSync('..', path.join(dir, 'teams/a/up'));
    fs.symlinkSync(path.join(dir, 'teams'), path.join(dir, 'teams-link'));
    assert.deepEqual(paths(dir), ['teams/a/team-charter.yaml']);
  });

  it('a folder without charters exits 2 naming it', () => {
    const dir = tempTree({ 'empty/readme.md': 'hi', 'team-charter.yaml': charterWith() });
    const r = lintIn(dir, 'empty');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'team-charter: no charter files found in empty\n');
  });

  it('a path that does not exist exits 2 naming it', () => {
    const dir = tempTree({ 'team-charter.yaml': charterWith() });
    const r = lintIn(dir, 'team-charter.yaml', 'missing.yaml');
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'team-charter: missing.yaml: no such file or directory\n');
  });

  it('a folder given twice, or a folder and its sub-folder, lints each charter once', () => {
    const dir = tempTree({ 'a/team-charter.yaml': charterWith(), 'a/b/team-charter.yaml': charterWith() });
    assert.deepEqual(paths(dir, '.', 'a/b', 'a'), ['a/b/team-charter.yaml', 'a/team-charter.yaml']);
  });
});
