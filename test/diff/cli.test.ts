// `team-charter diff BASE HEAD` in-process: arguments, exit status, config, colour, formats.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatDiffMarkdown } from '../../server/src/cli/formats/diff-markdown';
import { diffCharters } from '../../server/src/diff';
import { BASE_CHARTER, TODAY, edit, plainEnv, runCli } from './helpers';

const NO_OWNER = edit(BASE_CHARTER, '    owner: ben\n    boundary: team\n', '    boundary: team\n');

describe('diff command (files)', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
    return name;
  };
  const run = (args: string[], options: { isTTY?: boolean; env?: NodeJS.ProcessEnv } = {}) => runCli(['diff', ...args], { cwd: dir, ...options });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-diff-'));
    write('base.yaml', BASE_CHARTER);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--help prints the usage and exits 0', async () => {
    const r = await run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: team-charter diff \[options\] BASE HEAD/);
    assert.match(r.stdout, /--git REF/);
  });

  for (const [args, pattern] of [
    [[], /needs two files, BASE and HEAD/],
    [['base.yaml'], /needs two files/],
    [['base.yaml', 'base.yaml', 'base.yaml'], /takes two files/],
    [['--format', 'sarif', 'base.yaml', 'base.yaml'], /unknown format "sarif" \(expected text, markdown, json\)/],
    [['--today', '2026-02-30', 'base.yaml', 'base.yaml'], /--today must be a date/],
    [['--bogus', 'base.yaml', 'base.yaml'], /unknown option "--bogus"/],
    [['--git', '--format', 'json'], /option "--git" needs a value \(a revision/],
    [['--git=-x'], /--git needs a revision/],
    [['--format'], /option "--format" needs a value/],
    [['/dev/null', '/dev/null'], /cannot both be \/dev\/null/],
  ] as Array<[string[], RegExp]>) {
    it(`usage error, exit 2: diff ${args.join(' ') || '(nothing)'}`, async () => {
      const r = await run(args);
      assert.equal(r.code, 2);
      assert.match(r.stderr, pattern);
      assert.equal(r.stdout, '');
    });
  }

  it('a missing file is exit 2 naming the file', async () => {
    const r = await run(['base.yaml', 'nope.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope\.yaml: cannot read/);
  });

  it('exit 1 when the change introduces an error, 0 when it resolves one', async () => {
    write('head.yaml', NO_OWNER);
    const worse = await run(['base.yaml', 'head.yaml']);
    assert.equal(worse.code, 1);
    assert.match(worse.stdout, /\+ \d+:\d+ +error +decision "payout-batching" has no owner/);
    const better = await run(['head.yaml', 'base.yaml']);
    assert.equal(better.code, 0);
    assert.match(better.stdout, /findings resolved/);
  });

  it('exit 0 when the change introduces only warnings', async () => {
    write('head.yaml', edit(BASE_CHARTER, 'mission:', 'x_notes: hi\nmission:'));
    const r = await run(['base.yaml', 'head.yaml']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /warning +unknown key "x_notes"/);
  });

  it('/dev/null stands for a charter that does not exist on that side', async () => {
    const added = await run(['/dev/null', 'base.yaml', '-f', 'json']);
    assert.equal(added.code, 0);
    const report = JSON.parse(added.stdout);
    assert.equal(report.charters[0].status, 'added');
    assert.equal(report.charters[0].path, 'base.yaml');
    const deleted = await run(['base.yaml', '/dev/null']);
    assert.match(deleted.stdout, /^base\.yaml \(deleted\)/);
  });

  it('--config is used for both sides; without it the .charterrc.yaml nearest to HEAD is', async () => {
    write('head/team-charter.yaml', NO_OWNER);
    write('quiet.yaml', 'rules:\n  owner-missing: off\n');
    const withFlag = await run(['--config', 'quiet.yaml', 'base.yaml', 'head/team-charter.yaml']);
    assert.equal(withFlag.code, 0);
    assert.doesNotMatch(withFlag.stdout, /owner-missing/);
    assert.match(withFlag.stdout, /owner removed \(was "ben"\)/);

    assert.equal((await run(['base.yaml', 'head/team-charter.yaml'])).code, 1);
    write('head/.charterrc.yaml', 'rules:\n  owner-missing: warning\n');
    const nearest = await run(['base.yaml', 'head/team-charter.yaml']);
    assert.equal(nearest.code, 0, 'owner-missing is a warning by the nearest config');
    assert.match(nearest.stdout, /warning +decision "payout-batching" has no owner/);
  });

  it('a config that cannot be parsed is exit 2; an unknown rule in it is a warning on stderr', async () => {
    write('broken.yaml', 'rules: [\n');
    const broken = await run(['--config', 'broken.yaml', 'base.yaml', 'base.yaml']);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /broken\.yaml/);
    write('unknown.yaml', 'rules:\n  no-such-rule: off\n');
    const unknown = await run(['--config', 'unknown.yaml', 'base.yaml', 'base.yaml']);
    assert.equal(unknown.code, 0);
    assert.match(unknown.stderr, /warning: unknown\.yaml: unknown rule "no-such-rule"/);
  });

  it('--today reaches the rules on both sides', async () => {
    // milestone-overdue compares `due` with today: the pilot is due 2027-02-15 in both versions.
    write('head.yaml', edit(BASE_CHARTER, '    due: 2027-02-15\n', '    due: 2027-02-20\n'));
    const late = await run(['--today', '2027-03-01', '-f', 'json', 'base.yaml', 'head.yaml']);
    const report = JSON.parse(late.stdout);
    assert.deepEqual(report.charters[0].findings, { introduced: [], resolved: [] }, 'overdue on both sides: neither new nor resolved');
    assert.deepEqual(report.charters[0].changes.map((c: { message: string }) => c.message), ['milestone "pilot": due moved from 2027-02-15 to 2027-02-20, 5 days later']);
  });

  it('colour on a terminal, never with NO_COLOR or --no-color, always with --color', async () => {
    write('head.yaml', NO_OWNER);
    const args = ['base.yaml', 'head.yaml'];
    assert.match((await run(args, { isTTY: true })).stdout, /\x1b\[31m/);
    assert.doesNotMatch((await run(args, { isTTY: true, env: { ...plainEnv(), NO_COLOR: '1' } })).stdout, /\x1b\[/);
    assert.doesNotMatch((await run(['--no-color', ...args], { isTTY: true })).stdout, /\x1b\[/);
    assert.match((await run(['--color', ...args])).stdout, /\x1b\[/);
    assert.doesNotMatch((await run(['-f', 'markdown', ...args], { isTTY: true })).stdout, /\x1b\[/, 'colour is for text only');
  });

  it('a charter with changes nobody needs to review says so in every format', async () => {
    write('head.yaml', BASE_CHARTER.replace('mission:', '# why we exist\nmission:'));
    const text = await run(['base.yaml', 'head.yaml']);
    assert.match(text.stdout, /no review-relevant changes/);
    const md = await run(['-f', 'markdown', 'base.yaml', 'head.yaml']);
    assert.match(md.stdout, /:white_check_mark: This change introduces no finding\./);
    assert.match(md.stdout, /_No finding introduced or resolved, and no change a reviewer needs to read\._/);
    const json = JSON.parse((await run(['-f', 'json', 'base.yaml', 'head.yaml'])).stdout);
    assert.deepEqual(json.charters[0].changes, []);
  });
});

describe('diff markdown', () => {
  it('escapes charter text: markup, HTML and @-mentions render as typed', () => {
    const head = edit(BASE_CHARTER, '    owner: ben\n    boundary: team\n', '    owner: "@payments/<lead> *now*"\n    boundary: team\n');
    const md = formatDiffMarkdown({ base: 'a', head: 'b', charters: [{ path: 'team-charter.yaml', ...diffCharters(BASE_CHARTER, head, { today: TODAY }) }] });
    const line = md.split('\n').find((l) => l.startsWith('- decision "payout-batching": owner moved'));
    assert.equal(line, '- decision "payout-batching": owner moved from "ben" to "@\u200bpayments/\\<lead\\> \\*now\\*"');
  });

  it('a "|" in a charter path is escaped in the summary table, so the row keeps its columns', () => {
    const head = edit(BASE_CHARTER, '    owner: ben\n    boundary: team\n', '    owner: ana\n    boundary: team\n');
    const md = formatDiffMarkdown({ base: 'a', head: 'b', charters: [{ path: 'teams/a|b.charter.yaml', ...diffCharters(BASE_CHARTER, head, { today: TODAY }) }] });
    const lines = md.split('\n');
    const header = lines.find((l) => l.startsWith('| Charter'))!;
    const row = lines.find((l) => l.includes('a\\|b'))!;
    const cells = (l: string) => l.split(/(?<!\\)\|/).length;
    assert.equal(cells(row), cells(header));
  });

  it('the YAML error count is per line, as the yaml-syntax findings are', () => {
    // The parser raises two errors on this one line.
    const head = edit(BASE_CHARTER, '  - id: ana\n', '  - id: ana: bob: c\n');
    const result = diffCharters(BASE_CHARTER, head, { today: TODAY });
    assert.equal(result.syntaxErrors.head, 1);
    assert.equal(result.syntaxErrors.head, result.findings.introduced.filter((f) => f.rule === 'yaml-syntax').length);
  });

  it('no charter changed: one line, no table', () => {
    const md = formatDiffMarkdown({ base: 'main', head: 'working tree', charters: [] });
    assert.match(md, /Compared `main` with the working tree\.\n\nNo team charter changed\.\n$/);
    assert.doesNotMatch(md, /\|/);
  });
});
