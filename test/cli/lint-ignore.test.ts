// `ignores` in .charterrc.* and --ignore GLOB on the command line (cli.md 1.1, rules.md "Ignores").
import assert from 'node:assert/strict';
import { MISSING_OWNER, charterWith, lintIn, lintJson, tempTree } from './cli-helpers';

const paths = (dir: string, ...args: string[]) => lintJson(dir, ...args).report.files.map((f) => f.path);

describe('cli lint ignores', () => {
  const tree = () =>
    tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.charterrc.yaml': 'ignores:\n  - test/fixtures/\n  - "*.draft.charter.yaml"\n',
      'teams/a/team-charter.yaml': charterWith(),
      'teams/a/.charterrc.yaml': 'ignores: [old/]\n',
      'teams/a/old/team-charter.yaml': charterWith(MISSING_OWNER),
      'teams/b/old/team-charter.yaml': charterWith(),
      'teams/b/next.draft.charter.yaml': charterWith(MISSING_OWNER),
      'test/fixtures/bad/team-charter.yaml': charterWith(MISSING_OWNER),
    });

  it('.charterrc ignores apply from the root down, each relative to its own folder', () => {
    assert.deepEqual(paths(tree()), ['teams/a/team-charter.yaml', 'teams/b/old/team-charter.yaml']);
  });

  it('--ignore adds globs relative to the current folder (repeatable)', () => {
    const dir = tree();
    assert.deepEqual(paths(dir, '--ignore', 'teams/b/', '--ignore', 'nothing'), ['teams/a/team-charter.yaml']);
    assert.deepEqual(paths(`${dir}/teams`, '--ignore', 'a/*'), ['b/old/team-charter.yaml']);
  });

  it('a charter named on the command line that is ignored is skipped with a notice; the exit status is unaffected', () => {
    const dir = tree();
    const r = lintIn(dir, 'test/fixtures/bad/team-charter.yaml', 'teams/a/team-charter.yaml');
    assert.equal(r.code, 0);
    assert.equal(r.stderr, 'team-charter: test/fixtures/bad/team-charter.yaml: ignored (by .charterrc.yaml); not linted\n');
    assert.match(r.stdout, /in 1 file$/m);
    const folder = lintIn(dir, 'test/fixtures');
    assert.equal(folder.code, 0);
    assert.equal(folder.stderr, 'team-charter: test/fixtures: every charter in it is ignored (by .charterrc.yaml); not linted\n');
  });

  it('--config FILE replaces the ignores of every .charterrc with its own', () => {
    const dir = tree();
    // Its `old/` is relative to teams/a: teams/b/old stays in; the root's globs no longer apply.
    assert.deepEqual(paths(dir, '--config', 'teams/a/.charterrc.yaml'), [
      'teams/a/team-charter.yaml',
      'teams/b/next.draft.charter.yaml',
      'teams/b/old/team-charter.yaml',
      'test/fixtures/bad/team-charter.yaml',
    ]);
  });

  it('a negated glob is a usage error on the command line and a config problem in a .charterrc', () => {
    const dir = tree();
    assert.equal(lintIn(dir, '--ignore', '!teams/').code, 2);
    const negated = tempTree({ '.charterrc.yaml': 'ignores: ["!keep/"]\n', 'team-charter.yaml': charterWith() });
    const r = lintIn(negated);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'team-charter: .charterrc.yaml: "ignores": "!keep/": negation ("!") is not supported; the glob is left out\n');
  });

  it('node_modules and .git are skipped whatever the config says', () => {
    const dir = tempTree({ '.charterrc.yaml': 'ignores: []\n', 'node_modules/x/team-charter.yaml': charterWith(), '.git/team-charter.yaml': charterWith(), 'team-charter.yaml': charterWith() });
    assert.deepEqual(paths(dir), ['team-charter.yaml']);
  });
});
