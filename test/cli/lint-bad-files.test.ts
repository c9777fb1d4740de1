// Bad files (rules.md round 2): special files are never opened, bad charters are left out with one
// stderr line (JSON `skipped`, SARIF notifications), a config that is a folder, FIFO or device stops at once.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MISSING_OWNER, charterWith, lintIn, lintJson, tempTree, writeFile } from './cli-helpers';

const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

describe('cli lint bad files', () => {
  it('a FIFO named like a charter is never opened: one stderr line, the rest is linted, exit 2 (it was asked)', () => {
    const dir = tempTree({ 'a/team-charter.yaml': charterWith(MISSING_OWNER) });
    fs.mkdirSync(path.join(dir, 'b'));
    mkfifo(path.join(dir, 'b/team-charter.yaml'));
    const started = Date.now();
    const { result, report } = lintJson(dir);
    assert.ok(Date.now() - started < 10_000, 'no hang');
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'team-charter: b/team-charter.yaml: is a FIFO (named pipe), not a charter file; not opened\n');
    assert.deepEqual(report.files.map((f) => f.path), ['a/team-charter.yaml']);
    assert.deepEqual((report as unknown as { skipped: unknown }).skipped, [{ path: 'b/team-charter.yaml', reason: 'is a FIFO (named pipe), not a charter file; not opened' }]);
  });

  it('SARIF lists skipped files as tool execution notifications', () => {
    const dir = tempTree({ 'a/team-charter.yaml': charterWith() });
    writeFile(dir, 'latin1.charter.yaml', Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xfc, 0x0a]));
    const r = lintIn(dir, '--format', 'sarif');
    assert.equal(r.code, 2);
    const invocation = JSON.parse(r.stdout).runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(invocation.toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text), ['latin1.charter.yaml: not UTF-8 text']);
    assert.equal(invocation.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, 'latin1.charter.yaml');
  });

  const specialConfigs: Array<[string, (dir: string) => void, RegExp]> = [
    ['a .charterrc.yaml that is a folder', (dir) => fs.mkdirSync(path.join(dir, '.charterrc.yaml')), /^team-charter: \.charterrc\.yaml: is a folder, not a config file\n$/],
    ['a .charterrc.yml that is a FIFO', (dir) => mkfifo(path.join(dir, '.charterrc.yml')), /^team-charter: \.charterrc\.yml: is a FIFO \(named pipe\), not a config file; not opened\n$/],
    ['a .charterrc.json that is a link to /dev/zero', (dir) => fs.symlinkSync('/dev/zero', path.join(dir, '.charterrc.json')), /^team-charter: \.charterrc\.json: (is a device, not a config file; not opened|a symbolic link out of the root; not read)\n$/],
  ];
  for (const [what, make, message] of specialConfigs) {
    it(`${what}: exit 2 at once, naming it, nothing written`, () => {
      const dir = tempTree({ '.git/HEAD': 'x', 'team-charter.yaml': charterWith(['charter: 1', 'charter: 2']) });
      make(dir);
      const r = lintIn(dir, '--fix');
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
      assert.match(fs.readFileSync(path.join(dir, 'team-charter.yaml'), 'utf8'), /charter: 2/);
    });
  }

  for (const config of ['/dev/zero', 'fifo.yaml', 'folder']) {
    it(`--config ${config}: exit 2 at once, naming it`, () => {
      const dir = tempTree({ 'team-charter.yaml': charterWith(), 'folder/x': '' });
      mkfifo(path.join(dir, 'fifo.yaml'));
      const r = lintIn(dir, '--config', config);
      assert.equal(r.code, 2);
      assert.equal(r.stderr.split('\n').length, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`^team-charter: ${config.replace(/[/.]/g, '\\$&')}: is a (device|FIFO|folder)`));
    });
  }
});
