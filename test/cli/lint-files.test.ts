import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { starterCharter } from '../../server/src/contract/starter-charter';
import { BIN, MISSING_OWNER, UNKNOWN_KEY, charterWith, lintIn, lintJson, tempTree, writeFile } from './cli-helpers';

describe('cli lint reading files', () => {
  it('a file that is not UTF-8 exits 2 naming it, and the other files are still reported', () => {
    const dir = tempTree({ 'good.charter.yaml': charterWith(UNKNOWN_KEY) });
    writeFile(dir, 'latin1.charter.yaml', Buffer.concat([Buffer.from('charter: 1\nteam:\n  name: '), Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a])]));
    const { result, report } = lintJson(dir);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'team-charter: latin1.charter.yaml: not UTF-8 text\n');
    assert.deepEqual(report.files.map((f) => f.path), ['good.charter.yaml']);
  });

  it('an unreadable file (a broken symlink given explicitly) exits 2 with one line naming it', () => {
    const dir = tempTree();
    fs.symlinkSync(path.join(dir, 'gone.yaml'), path.join(dir, 'team-charter.yaml'));
    const r = lintIn(dir, 'team-charter.yaml');
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'team-charter: team-charter.yaml: cannot read (no such file, or a broken symbolic link)\n');
  });

  it('a broken symlink with a charter name found in a folder is reported, not skipped silently', () => {
    const dir = tempTree({ 'ok/team-charter.yaml': charterWith() });
    fs.mkdirSync(path.join(dir, 'broken'));
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'broken/team-charter.yaml'));
    const r = lintIn(dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^team-charter: broken\/team-charter\.yaml: cannot read/);
    assert.match(r.stdout, /in 1 file/);
  });

  it('a UTF-8 BOM is not part of the text: positions are the ones an editor shows', () => {
    const dir = tempTree({ 'team-charter.yaml': '\uFEFF' + charterWith(MISSING_OWNER) });
    const { report } = lintJson(dir);
    const f = report.files[0].findings;
    assert.deepEqual(f.map((x) => x.rule), ['owner-missing']);
    assert.deepEqual(f[0].range.start, { line: 39, character: 8 });
    assert.equal(fs.readFileSync(path.join(dir, 'team-charter.yaml'), 'utf8').charCodeAt(0), 0xfeff, 'linting never writes');
  });

  it('CRLF files give the same findings as LF files', () => {
    const dir = tempTree({ 'lf.charter.yaml': charterWith(MISSING_OWNER), 'crlf.charter.yaml': charterWith(MISSING_OWNER).replace(/\n/g, '\r\n') });
    const { report } = lintJson(dir);
    assert.deepEqual(report.files[0].findings.map((x) => [x.rule, x.range.start]), report.files[1].findings.map((x) => [x.rule, x.range.start]));
  });

  it('broken YAML, an empty file and binary-looking text are reported, never crash', () => {
    const dir = tempTree({
      'a.charter.yaml': 'charter: 1\nteam: [unclosed\n  - x: {\n',
      'b.charter.yaml': '',
      'c.charter.yaml': '\u0000\u0001\u0002 just text',
      'd.charter.yaml': '- a\n- b\n',
    });
    const { result, report } = lintJson(dir);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 1);
    assert.equal(report.files.length, 4);
    assert.ok(report.files[0].findings.some((f) => f.rule === 'yaml-syntax'));
  });
});

describe('cli lint output to a closed pipe', () => {
  it('stops quietly when the reader goes away early (lint | head -1)', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`t${i}/team-charter.yaml`] = starterCharter('2099-01-01');
    const dir = tempTree(files);
    // A shell pipeline, as users write it: head exits after one line and closes the pipe. (Forty
    // copies of the starter share one team id; --no-org keeps this about the pipe.)
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" lint --no-org | head -n 1`], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^t0\/team-charter\.yaml:\d+:\d+  warning  /);
  });
});
