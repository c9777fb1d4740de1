import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { MISSING_OWNER, UNUSED_SUPPRESSION, VERSION_2, charterWith, lintIn, lintJson, tempTree } from './cli-helpers';

// Safe fixes: charter: 2 → 1, the unused suppression comment removed; owner-missing has no safe fix.
const FIXABLE = charterWith(VERSION_2, UNUSED_SUPPRESSION, MISSING_OWNER, ['# A small charter', '# Keep this comment. A small charter']);
const FIXED = charterWith(MISSING_OWNER, ['# A small charter', '# Keep this comment. A small charter']);

describe('cli lint --fix', () => {
  it('applies every safe fix in place, then reports what remains', () => {
    const dir = tempTree({ 'team-charter.yaml': FIXABLE });
    const r = lintIn(dir, '--fix');
    assert.equal(fs.readFileSync(path.join(dir, 'team-charter.yaml'), 'utf8'), FIXED);
    assert.equal(r.code, 1, 'the owner-missing error remains');
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(lines, [
      'team-charter.yaml:40:9  error  decision "payout-batching" has no owner: nobody is accountable for making the call  owner-missing',
      'team-charter.yaml:2  unsupported-version  Set "charter: 1"',
      'team-charter.yaml:53  unused-suppression  Remove the unused suppression comment',
      'applied 2 safe fixes in 1 file',
      '1 error, 0 warnings, 0 infos in 1 file',
    ]);
  });

  it('keeps CRLF line breaks, the BOM and the file mode; a second run changes nothing', () => {
    const dir = tempTree({ 'team-charter.yaml': '\uFEFF' + FIXABLE.replace(/\n/g, '\r\n') });
    const file = path.join(dir, 'team-charter.yaml');
    fs.chmodSync(file, 0o640);
    lintIn(dir, '--fix');
    const after = fs.readFileSync(file);
    assert.equal(after.toString('utf8'), '\uFEFF' + FIXED.replace(/\n/g, '\r\n'));
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    const second = lintIn(dir, '--fix');
    assert.ok(fs.readFileSync(file).equals(after));
    assert.match(second.stdout, /applied 0 safe fixes in 0 files/);
    assert.deepEqual(fs.readdirSync(dir), ['team-charter.yaml'], 'no temp files left behind');
  });

  it('never writes through a symbolic link: "not fixed: symbolic link", the findings of the text as it is', () => {
    const dir = tempTree({ 'real/team-charter.yaml': FIXABLE });
    fs.symlinkSync(path.join(dir, 'real/team-charter.yaml'), path.join(dir, 'linked.charter.yaml'));
    const r = lintIn(dir, '--fix', 'linked.charter.yaml');
    assert.ok(fs.lstatSync(path.join(dir, 'linked.charter.yaml')).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(dir, 'real/team-charter.yaml'), 'utf8'), FIXABLE);
    assert.equal(r.stderr, 'team-charter: linked.charter.yaml: not fixed: symbolic link\n');
    assert.match(r.stdout, /^linked\.charter\.yaml:2:10  error  .*unsupported-version$/m);
    assert.match(r.stdout, /applied 0 safe fixes in 0 files/);
    assert.equal(r.code, 1);
  });

  it('reports in json the findings and fixes of the fixed text', () => {
    const dir = tempTree({ 'team-charter.yaml': FIXABLE });
    const { report } = lintJson(dir, '--fix');
    assert.deepEqual(report.files[0].findings.map((f) => [f.rule, f.range.start.line]), [['owner-missing', 39]]);
  });

  it('without --fix, nothing is written', () => {
    const dir = tempTree({ 'team-charter.yaml': FIXABLE });
    lintIn(dir);
    assert.equal(fs.readFileSync(path.join(dir, 'team-charter.yaml'), 'utf8'), FIXABLE);
  });
});
