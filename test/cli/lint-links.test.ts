// Symbolic links (rules.md round 2, "Links"): folder links are never followed while searching, a
// charter link inside the root is read under its own path, one out of the root is skipped and not read.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { MISSING_OWNER, charterWith, lintIn, lintJson, tempTree } from './cli-helpers';

describe('cli lint symbolic links', () => {
  it('a link to / is never walked: `lint .` sees only the repository\'s own charters', () => {
    const dir = tempTree({ '.git/HEAD': 'x', 'teams/a/team-charter.yaml': charterWith() });
    fs.symlinkSync('/', path.join(dir, 'rootlink'));
    fs.symlinkSync('..', path.join(dir, 'teams/up'));
    const started = Date.now();
    const { result, report } = lintJson(dir, '.');
    assert.ok(Date.now() - started < 10_000);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(report.files.map((f) => f.path), ['teams/a/team-charter.yaml']);
  });

  it('a charter linking out of the root is skipped and its target never read; exit 2 when it was asked', () => {
    const dir = tempTree({ '.git/HEAD': 'x', 'ok/team-charter.yaml': charterWith() });
    fs.mkdirSync(path.join(dir, 'evil'));
    fs.symlinkSync('/etc/passwd', path.join(dir, 'evil/team-charter.yaml'));
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const r = lintIn(dir, '--format', format);
      assert.equal(r.code, 2, format);
      assert.match(r.stderr, /^team-charter: evil\/team-charter\.yaml: a symbolic link out of the root; not read$/m);
      assert.doesNotMatch(r.stdout + r.stderr, /root:|nologin|\/bin\/(ba)?sh/, `${format}: nothing of the target is shown`);
    }
    const named = lintIn(dir, 'evil/team-charter.yaml');
    assert.equal(named.code, 2);
  });

  it('a charter link to a file inside the root is read under the link\'s path, once with its target', () => {
    const dir = tempTree({ '.git/HEAD': 'x', 'shared/base.yaml': charterWith(MISSING_OWNER), 'real/team-charter.yaml': charterWith() });
    fs.mkdirSync(path.join(dir, 'teams'));
    fs.symlinkSync('../shared/base.yaml', path.join(dir, 'teams/team-charter.yaml'));
    fs.symlinkSync('../real/team-charter.yaml', path.join(dir, 'teams/copy.charter.yaml'));
    const { report } = lintJson(dir);
    assert.deepEqual(report.files.map((f) => [f.path, f.findings.map((x) => x.rule)]), [
      ['real/team-charter.yaml', []],
      ['teams/team-charter.yaml', ['owner-missing']],
    ]);
  });

  it('a named folder link is searched only when its target is inside the root', () => {
    const dir = tempTree({ '.git/HEAD': 'x', 'real/team-charter.yaml': charterWith() });
    fs.symlinkSync('real', path.join(dir, 'alias'));
    fs.symlinkSync('/etc', path.join(dir, 'etc'));
    assert.deepEqual(lintJson(dir, 'alias').report.files.map((f) => f.path), ['real/team-charter.yaml']);
    const out = lintIn(dir, 'etc');
    assert.equal(out.code, 2);
    assert.match(out.stderr, /etc: a symbolic link to a folder outside the root; not searched/);
  });
});
