// `team-charter report` as a command: default format and output, --out, exit statuses, files it
// cannot read or draw.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE_CHARTER, runCli, tempTree } from '../cli/cli-helpers';
import { TODAY, fixturesCopy } from './helpers';

describe('team-charter report (command line)', () => {
  it('writes one HTML file to stdout by default, exit 0', () => {
    const run = runCli(['report', '--today', TODAY, 'org/payments'], fixturesCopy());
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^<!doctype html>/);
    assert.match(run.stdout, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.equal(run.stderr, '');
  });

  it('--out FILE writes the file, replacing what was there', () => {
    const dir = tempTree({ 'team-charter.yaml': BASE_CHARTER, 'report.md': 'old content\n' });
    const run = runCli(['report', '--today', TODAY, '--format', 'markdown', '--out', 'report.md'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    const written = fs.readFileSync(path.join(dir, 'report.md'), 'utf8');
    assert.match(written, /^# Team charter: /);
    assert.doesNotMatch(written, /old content/);
  });

  it('exits 2 on usage errors, with the reason on stderr', () => {
    const dir = tempTree({ 'team-charter.yaml': BASE_CHARTER });
    for (const [args, reason] of [
      [['--format', 'pdf'], /unknown format "pdf" \(expected html, markdown, mermaid\)/],
      [['--today', '2026-02-30'], /--today must be a date/],
      [['--bogus'], /unknown option "--bogus"/],
      [['missing.yaml'], /missing\.yaml: no such file or directory/],
      [['--out', '.'], /\.: is a folder; --out needs a file name/],
      [['--out', 'nowhere/report.html'], /its folder does not exist/],
    ] as const) {
      const run = runCli(['report', ...args], dir);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, reason);
      assert.equal(run.stdout, '');
    }
  });

  it('draws the charters it can read and exits 2 naming the one it cannot', () => {
    const dir = tempTree({ 'a/team-charter.yaml': BASE_CHARTER, 'b/team-charter.yaml': Buffer.from([0xff, 0xfe, 0x00, 0x41]) });
    const run = runCli(['report', '--today', TODAY, '--format', 'markdown', '.'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /b\/team-charter\.yaml: not UTF-8 text/);
    assert.match(run.stdout, /\(a\/team-charter\.yaml\)/);
  });

  it('lists a charter above --max-file-size without drawing it', () => {
    const dir = tempTree({ 'small/team-charter.yaml': 'charter: 1\n', 'big/team-charter.yaml': BASE_CHARTER });
    const run = runCli(['report', '--today', TODAY, '--format', 'markdown', '--max-file-size', '200', '.'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /## .* \(big\/team-charter\.yaml\)\n\n> \*\*Not drawn:\*\* this file is 0\.0 MB, above the 0\.0 MB size limit \(maxFileSize\)\./);
  });

  it('uses the nearest config, or --config, as lint does', () => {
    const dir = tempTree({ 'team-charter.yaml': BASE_CHARTER.replace(/\nmission: .*\n/, '\n'), '.charterrc.yaml': 'rules:\n  mission-missing: off\n', 'strict.yaml': 'rules:\n  mission-missing: error\n' });
    const plain = runCli(['report', '--today', TODAY, '--format', 'markdown'], dir);
    assert.doesNotMatch(plain.stdout, /mission-missing/);
    const strict = runCli(['report', '--today', TODAY, '--format', 'markdown', '--config', 'strict.yaml'], dir);
    assert.match(strict.stdout, /\*\*error\*\* line \d+: .*mission/);
  });

  it('--ignore leaves out matching charters; one named on the command line with a notice', () => {
    const run = runCli(['report', '--today', TODAY, '--format', 'markdown', '--ignore', 'org/research/', '--ignore', '**/lab/*.yaml', 'org'], fixturesCopy());
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^4 charters/m);
    assert.doesNotMatch(run.stdout, /\(org\/(research|lab)\//);
    const named = runCli(['report', '--today', TODAY, '--ignore', 'org/lab/', 'org/lab/team-charter.yaml', 'org/platform'], fixturesCopy());
    assert.equal(named.code, 0);
    assert.equal(named.stderr, 'team-charter: org/lab/team-charter.yaml: ignored (by --ignore); not drawn\n');
  });

  it('prints its help', () => {
    const run = runCli(['report', '--help'], fixturesCopy());
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Usage: team-charter report \[options\] \[PATH…\]/);
    assert.match(runCli(['--help'], fixturesCopy()).stdout, /report \[PATH…\]/);
  });
});
