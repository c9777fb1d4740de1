import assert from 'node:assert/strict';
import { MISSING_OWNER, UNKNOWN_KEY, charterWith, lintIn, lintJson, ruleIds, tempTree } from './cli-helpers';

const OWNER_OFF = 'rules:\n  owner-missing: off\n';

describe('cli lint config', () => {
  it('uses the nearest .charterrc.* from the charter\'s folder upwards', () => {
    const dir = tempTree({
      '.charterrc.yaml': OWNER_OFF,
      'teams/a/team-charter.yaml': charterWith(MISSING_OWNER),
      'teams/b/team-charter.yaml': charterWith(MISSING_OWNER),
      'teams/b/.charterrc.json': JSON.stringify({ rules: { 'owner-missing': 'warning' } }),
    });
    const { result, report } = lintJson(dir);
    assert.equal(result.code, 0);
    assert.deepEqual(report.files.map((f) => [f.path, f.findings.map((x) => `${x.rule}:${x.severity}`)]), [
      ['teams/a/team-charter.yaml', []],
      ['teams/b/team-charter.yaml', ['owner-missing:warning']],
    ]);
  });

  it('applies a parent folder\'s config when linting from inside a sub-folder of the repository', () => {
    const dir = tempTree({ '.git/HEAD': 'ref: refs/heads/main\n', '.charterrc.yml': OWNER_OFF, 'teams/a/team-charter.yaml': charterWith(MISSING_OWNER) });
    const r = lintIn(`${dir}/teams/a`);
    assert.equal(r.code, 0, r.stdout);
  });

  it('outside a repository the root is the current folder: a config above it is not read', () => {
    const dir = tempTree({ '.charterrc.yml': OWNER_OFF, 'teams/a/team-charter.yaml': charterWith(MISSING_OWNER) });
    assert.equal(lintIn(`${dir}/teams/a`).code, 1, 'owner-missing is on: the config above the root does not apply');
    // From the folder holding the config, the same charter is governed by it.
    assert.equal(lintIn(dir, 'teams/a').code, 0);
  });

  it('stops looking at the repository root (the first folder with .git)', () => {
    const dir = tempTree({ '.charterrc.yaml': OWNER_OFF, 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/team-charter.yaml': charterWith(MISSING_OWNER) });
    const { report } = lintJson(`${dir}/repo`);
    assert.deepEqual(ruleIds(report), ['team-charter.yaml owner-missing']);
  });

  it('--config FILE replaces the lookup', () => {
    const dir = tempTree({
      '.charterrc.yaml': 'rules:\n  schema-unknown-key: error\n',
      'strict.yaml': 'rules:\n  owner-missing: info\n',
      'team-charter.yaml': charterWith(MISSING_OWNER, UNKNOWN_KEY),
    });
    const { result, report } = lintJson(dir, '--config', 'strict.yaml');
    assert.equal(result.code, 0);
    assert.deepEqual(report.files[0].findings.map((f) => `${f.rule}:${f.severity}`).sort(), ['owner-missing:info', 'schema-unknown-key:warning']);
  });

  it('passes rule options from the config to the rules', () => {
    const twoPriorities = charterWith(['priorities:\n', 'priorities:\n  - id: costs\n    title: Payout costs\n    why: Margins are thin.\n']);
    const dir = tempTree({ 'team-charter.yaml': twoPriorities, 'loose/team-charter.yaml': twoPriorities, 'loose/.charterrc.yaml': 'rules:\n  priorities-too-many: [warning, { max: 1 }]\n' });
    const { report } = lintJson(dir);
    assert.deepEqual(ruleIds(report), ['loose/team-charter.yaml priorities-too-many']);
  });

  const broken: Array<[string, string, RegExp]> = [
    ['.charterrc.yaml', 'rules:\n  no-such-rule: error\n', /^team-charter: \.charterrc\.yaml: unknown rule "no-such-rule" in config$/],
    ['.charterrc.yaml', 'rules:\n  owner-missing: loud\n', /^team-charter: \.charterrc\.yaml: rule "owner-missing": severity must be off, info, warning or error, not "loud"$/],
    ['.charterrc.yaml', 'rules:\n  checkin-too-frequent: [error, { minDays: x }]\n', /^team-charter: \.charterrc\.yaml: rule "checkin-too-frequent": option "minDays" must be a number > 0, like 7, not "x"$/],
    ['.charterrc.yaml', 'rules:\n  priorities-too-many: [warning, { maximum: 3 }]\n', /^team-charter: \.charterrc\.yaml: rule "priorities-too-many" has no option "maximum" \(its options: max\)$/],
    ['.charterrc.json', '{ "rules": ', /^team-charter: \.charterrc\.json: /],
    ['.charterrc.yaml', 'rules: [a\n', /^team-charter: \.charterrc\.yaml: /],
  ];
  for (const [name, text, message] of broken) {
    it(`a broken config (${JSON.stringify(text.trim())}) exits 2 with one line naming the file, and writes nothing`, () => {
      const dir = tempTree({ [name]: text, 'team-charter.yaml': charterWith(['charter: 1', 'charter: 2']) });
      const r = lintIn(dir, '--fix');
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.match(r.stderr.trimEnd(), message);
    });
  }

  it('a config value with an unknown YAML tag is read as plain text, and nothing is printed about it', () => {
    const dir = tempTree({ '.charterrc.yaml': 'rules:\n  owner-missing: !custom off\n', 'team-charter.yaml': charterWith(MISSING_OWNER) });
    const r = lintIn(dir);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.stderr, '');
  });

  it('a --config file that does not exist exits 2 naming it', () => {
    const dir = tempTree({ 'team-charter.yaml': charterWith() });
    const r = lintIn(dir, '--config', 'nope.yaml');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^team-charter: nope\.yaml: cannot read config \(ENOENT\)\n$/);
  });
});
