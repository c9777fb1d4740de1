// What --fix and --fix-dry-run print (rules.md round 2, "--fix output").
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { MISSING_OWNER, UNUSED_SUPPRESSION, VERSION_2, charterWith, lintIn, lintJson, tempTree } from './cli-helpers';

const FIXABLE = charterWith(VERSION_2, UNUSED_SUPPRESSION, MISSING_OWNER);
const FIX_LINES = ['team-charter.yaml:2  unsupported-version  Set "charter: 1"', 'team-charter.yaml:53  unused-suppression  Remove the unused suppression comment'];

describe('cli lint --fix and --fix-dry-run output', () => {
  it('--fix in json: the fix lines go to stderr, stdout stays JSON', () => {
    const dir = tempTree({ 'team-charter.yaml': FIXABLE });
    const { result, report } = lintJson(dir, '--fix');
    assert.deepEqual(result.stderr.trimEnd().split('\n'), FIX_LINES);
    assert.deepEqual(report.files[0].findings.map((f) => f.rule), ['owner-missing']);
  });

  it('--fix-dry-run prints the fix lines and a unified diff, writes nothing, and reports the fixed text', () => {
    const dir = tempTree({ 'team-charter.yaml': FIXABLE });
    const r = lintIn(dir, '--fix-dry-run');
    assert.equal(fs.readFileSync(path.join(dir, 'team-charter.yaml'), 'utf8'), FIXABLE);
    assert.deepEqual(fs.readdirSync(dir), ['team-charter.yaml']);
    assert.equal(r.code, 1, 'owner-missing remains in the fixed text');
    const out = r.stdout;
    assert.ok(out.includes(FIX_LINES.join('\n') + '\n--- a/team-charter.yaml\n+++ b/team-charter.yaml\n@@ -1,5 +1,5 @@\n'), out);
    assert.match(out, /^-charter: 2\n\+charter: 1\n/m);
    assert.match(out, /^-# charter-disable-next-line owner-missing\n/m);
    assert.doesNotMatch(out, /unsupported-version  error|error  .*unsupported-version$/m, 'findings are those of the fixed text');
    assert.match(out, /would apply 2 safe fixes in 1 file \(dry run: nothing written\)\n1 error, 0 warnings, 0 infos in 1 file\n$/);
  });

  it('--fix-dry-run in json: lines and diff on stderr, the fixed text\'s findings on stdout', () => {
    const dir = tempTree({ 'team-charter.yaml': FIXABLE });
    const { result, report } = lintJson(dir, '--fix-dry-run');
    assert.match(result.stderr, /^team-charter\.yaml:2 {2}unsupported-version/);
    assert.match(result.stderr, /^\+\+\+ b\/team-charter\.yaml$/m);
    assert.deepEqual(report.files[0].findings.map((f) => f.rule), ['owner-missing']);
    assert.equal(fs.readFileSync(path.join(dir, 'team-charter.yaml'), 'utf8'), FIXABLE);
  });

  it('--fix with --fix-dry-run is a usage error; --no-org is accepted', () => {
    const dir = tempTree({ 'team-charter.yaml': FIXABLE });
    const r = lintIn(dir, '--fix', '--fix-dry-run');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--fix and --fix-dry-run cannot be used together/);
    assert.equal(fs.readFileSync(path.join(dir, 'team-charter.yaml'), 'utf8'), FIXABLE);
    assert.equal(lintIn(dir, '--no-org').code, 1);
  });
});
