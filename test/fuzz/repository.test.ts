// Property-based robustness of the CLI on hostile repositories: symbolic links (inside and out of
// the root, loops, to folders, to /), FIFOs and folders named like charters or configs, broken and
// ignoring configs, and pull requests that change only a config. The real binary must never hang,
// crash, read anything outside the root or write anything outside it (rules.md round 2).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { BIN, ROOT } from '../cli/cli-helpers';
import { RUNS, SEED, fcParams, sampleCharters } from './arbitraries';

const TODAY = '2026-11-25';
/** Generous for a busy machine; a FIFO opened or a walk of / still trips it. */
const TIME_LIMIT_MS = 20_000;
/** Text that must never reach any output: it lives only outside the root. */
const CANARY = 'CANARY-outside-the-root-7f3a';
/** A link to /etc/passwd must not show its first line either. */
const PASSWD_FIRST_LINE = fs.existsSync('/etc/passwd') ? fs.readFileSync('/etc/passwd', 'utf8').split('\n')[0] : CANARY;

type Entry =
  | { kind: 'charter'; at: string; text: number; fixable: boolean }
  | { kind: 'config'; at: string; body: string }
  | { kind: 'link'; at: string; to: string }
  | { kind: 'fifo'; at: string }
  | { kind: 'folder'; at: string };

const folders = fc.constantFrom('', 'teams', 'teams/a', 'teams/b', 'test/fixtures', 'node_modules/x', 'deep/er/est');
const charterName = fc.constantFrom('team-charter.yaml', 'team-charter.yml', 'ops.charter.yaml', 'x.charter.yml');
const configName = fc.constantFrom('.charterrc.yaml', '.charterrc.yml', '.charterrc.json');
const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

const configBody = fc.constantFrom(
  'rules:\n  owner-missing: off\n',
  'ignores: [test/]\n',
  'ignores: ["**/x.charter.yml", "teams/b/"]\n',
  'ignores: ["!teams/"]\n',
  'rules: [unclosed\n',
  '{"rules": {"no-such-rule": "error"}}',
  'ignores: "*"\n',
  '',
);
/** Link targets, relative to the link or absolute: inside, outside, loops, folders, dangling. */
const linkTarget = fc.constantFrom(
  'team-charter.yaml',
  '../teams/a/team-charter.yaml',
  '..',
  '.',
  '/',
  '/etc',
  '/etc/passwd',
  '/dev/zero',
  'OUTSIDE/secret.charter.yaml',
  'OUTSIDE',
  'loop-a',
  'loop-b',
  'missing.yaml',
  'fifo.charter.yaml',
);

const entry: fc.Arbitrary<Entry> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('charter' as const), at: fc.tuple(folders, charterName).map(([d, n]) => join(d, n)), text: fc.nat(), fixable: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('config' as const), at: fc.tuple(folders, configName).map(([d, n]) => join(d, n)), body: configBody }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('link' as const), at: fc.tuple(folders, fc.oneof(charterName, configName, fc.constantFrom('loop-a', 'loop-b', 'sub', 'rootlink'))).map(([d, n]) => join(d, n)), to: linkTarget }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fifo' as const), at: fc.tuple(folders, fc.oneof(charterName, configName)).map(([d, n]) => join(d, n)) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('folder' as const), at: fc.tuple(folders, fc.oneof(charterName, configName)).map(([d, n]) => join(d, n)) }) },
);

interface Layout {
  entries: Entry[];
  /** Entries (by index) whose change is the "pull request": configs rewritten only. */
  configChange: string;
}
const layout: fc.Arbitrary<Layout> = fc.record({ entries: fc.array(entry, { minLength: 1, maxLength: 12 }), configChange: configBody });

function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const visit = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      hash.update(`${path.relative(dir, p)}:${st.mode}:${st.isSymbolicLink() ? fs.readlinkSync(p) : ''}\n`);
      if (st.isDirectory()) visit(p);
      else if (st.isFile()) hash.update(fs.readFileSync(p));
    }
  };
  visit(dir);
  return hash.digest('hex');
}

function run(args: string[], cwd: string) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: TIME_LIMIT_MS, env: { ...process.env, NO_COLOR: '1', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
  assert.notEqual((r.error as NodeJS.ErrnoException | undefined)?.code, 'ETIMEDOUT', `${args.join(' ')} hung (${Date.now() - started} ms)`);
  assert.ok(r.status === 0 || r.status === 1 || r.status === 2, `${args.join(' ')}: exit ${r.status} signal ${r.signal}\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, `${args.join(' ')}: crashed\n${r.stderr}`);
  assert.ok(!(r.stdout + r.stderr).includes(CANARY), `${args.join(' ')}: a file outside the root was read`);
  assert.ok(!(r.stdout + r.stderr).includes(PASSWD_FIRST_LINE), `${args.join(' ')}: /etc/passwd was read`);
  return r;
}

function git(cwd: string, ...args: string[]) {
  return spawnSync('git', ['-c', 'user.name=Fuzz', '-c', 'user.email=fuzz@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

describe(`repository robustness (fast-check, seed ${SEED})`, function () {
  this.timeout(0);
  const samples = sampleCharters();
  // Each run spawns the CLI four times: far fewer runs than the engine properties.
  const runs = Math.min(100, Math.max(4, Math.floor(RUNS / 15)));

  it(`hostile trees: lint, lint --fix and diff --git never hang, crash, read or write outside the root (${runs} runs)`, () => {
    fc.assert(
      fc.property(layout, ({ entries, configChange }) => {
        const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'charter-fuzz-repo-')));
        try {
          const outside = path.join(top, 'OUTSIDE');
          const repo = path.join(top, 'repo');
          fs.mkdirSync(outside);
          fs.mkdirSync(repo);
          // Outside the root: a fixable charter holding the canary, which nothing may read or fix.
          fs.writeFileSync(path.join(outside, 'secret.charter.yaml'), samples[0].replace('charter: 1', 'charter: 2') + `# ${CANARY}\n`);
          fs.writeFileSync(path.join(outside, '.charterrc.yaml'), `# ${CANARY}\nrules: [${CANARY}\n`);
          const outsideBefore = hashTree(outside);
          assert.equal(git(repo, 'init', '-q').status, 0);
          const fifos: string[] = [];
          const links: string[] = [];
          for (const e of entries) {
            const at = path.join(repo, e.at);
            if (fs.existsSync(at) || isLink(at)) continue;
            fs.mkdirSync(path.dirname(at), { recursive: true });
            if (e.kind === 'charter') {
              const text = samples[e.text % samples.length];
              fs.writeFileSync(at, e.fixable ? text.replace('charter: 1', 'charter: 2') : text);
            } else if (e.kind === 'config') fs.writeFileSync(at, e.body);
            else if (e.kind === 'folder') fs.mkdirSync(at);
            else if (e.kind === 'fifo') fifos.push(at);
            else {
              const to = e.to.startsWith('OUTSIDE') ? path.join(top, e.to) : e.to === 'loop-a' || e.to === 'loop-b' ? path.join(path.dirname(at), e.to === 'loop-a' ? 'loop-b' : 'loop-a') : e.to;
              fs.symlinkSync(to, at);
              links.push(at);
            }
          }
          git(repo, 'add', '-A');
          git(repo, 'commit', '-q', '-m', 'base', '--allow-empty');
          for (const f of fifos) spawnSync('mkfifo', [f]);
          // The "pull request": every regular config rewritten, nothing else.
          for (const e of entries) if (e.kind === 'config' && isRegular(path.join(repo, e.at))) fs.writeFileSync(path.join(repo, e.at), configChange);

          for (const args of [['lint', '--format', 'json', '.'], ['lint', '--fix-dry-run', '.'], ['lint', '--fix', '.'], ['diff', '--git', 'HEAD', '--format', 'markdown']]) {
            const r = run([...args.slice(0, 1), '--today', TODAY, ...args.slice(1)], repo);
            if (args.includes('json') && r.stdout) {
              for (const file of JSON.parse(r.stdout).files as Array<{ path: string }>) {
                assert.ok(!file.path.startsWith('..') && !path.isAbsolute(file.path), `linted a file outside the root: ${file.path}`);
              }
            }
          }
          assert.equal(hashTree(outside), outsideBefore, 'a file outside the root changed');
          for (const link of links) assert.ok(isLink(link), `${link} is no longer a symbolic link`);
        } finally {
          fs.rmSync(top, { recursive: true, force: true });
        }
      }),
      fcParams(runs),
    );
  });

  it('this repository: lint . from its root lists only examples/ (test charters are ignored by its .charterrc.yaml)', () => {
    const r = run(['lint', '--today', TODAY, '--format', 'json', '.'], ROOT);
    assert.deepEqual(
      (JSON.parse(r.stdout).files as Array<{ path: string }>).map((f) => f.path).filter((p) => !p.startsWith('examples/')),
      [],
    );
  });
});

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function isRegular(p: string): boolean {
  try {
    return fs.lstatSync(p).isFile();
  } catch {
    return false;
  }
}
