// action.yml, run step by step the way the GitHub runner does (bash -eo pipefail, inputs through
// env, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files) on a temporary repository with a pull request.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/fixtures';
import { mermaidBlocks } from '../helpers/mermaid';
import { BASE_CHARTER, GOLDEN, TODAY, plainEnv, realisticCharter, tempRepo } from './helpers';
import type { TempRepo } from './helpers';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

interface RunResult {
  steps: Record<string, { status: number | null; stdout: string; outputs: Record<string, string> }>;
  summary: string;
  failedAt?: string;
}

/** Runs the action's shell steps in `repo`; `${{ … }}` limited to the expressions action.yml uses. */
function runAction(repo: string, inputs: Record<string, string>, event: { baseSha?: string; before?: string }): RunResult {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-action-'));
  const summaryFile = path.join(temp, 'summary.md');
  fs.writeFileSync(summaryFile, '');
  const values = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])), ...inputs };
  const result: RunResult = { steps: {}, summary: '' };
  const evaluate = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
      let m: RegExpExecArray | null;
      if ((m = /^inputs\.([\w-]+)$/.exec(expr))) return values[m[1]] ?? '';
      if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr))) return result.steps[m[1]]?.outputs[m[2]] ?? '';
      if (expr === 'github.event.pull_request.base.sha') return event.baseSha ?? '';
      if (expr === 'github.event.before') return event.before ?? '';
      throw new Error(`the test does not know the expression ${expr}`);
    });
  try {
    for (const [i, step] of action.runs.steps.entries()) {
      if (step.uses) continue;
      const outputFile = path.join(temp, `output-${i}`);
      fs.writeFileSync(outputFile, '');
      const env: NodeJS.ProcessEnv = { ...plainEnv(), GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: temp };
      for (const [k, v] of Object.entries(step.env ?? {})) env[k] = evaluate(String(v));
      const cwd = path.resolve(repo, evaluate(step['working-directory'] ?? '.'));
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd, env, encoding: 'utf8' });
      const outputs = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      result.steps[step.id ?? step.name ?? String(i)] = { status: r.status, stdout: r.stdout + r.stderr, outputs };
      if (r.status !== 0) {
        result.failedAt = step.id ?? step.name;
        break;
      }
    }
    result.summary = fs.readFileSync(summaryFile, 'utf8');
    return result;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

describe('action.yml (composite GitHub Action)', function () {
  this.timeout(60_000);
  let pr: TempRepo;
  let repo: string;
  let baseSha: string;
  const git = (...args: string[]) => pr.git(...args);
  const write = (rel: string, text: string) => pr.write(rel, text);

  before(() => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist/cli.js')), 'dist/cli.js is missing: run `node scripts/build.mjs` first');
    pr = tempRepo('charter-pr-');
    repo = pr.dir;
    write('teams/identity/team-charter.yaml', realisticCharter('base'));
    write('teams/payments/team-charter.yaml', BASE_CHARTER);
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    baseSha = git('rev-parse', 'HEAD');
    write('teams/identity/team-charter.yaml', realisticCharter('head'));
    write('README.md', 'unrelated\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'the pull request');
  });
  after(() => pr.remove());

  it('is a composite action whose scripts never splice ${{ }} expressions into shell code', () => {
    assert.equal(action.runs.using, 'composite');
    for (const step of action.runs.steps) if (step.run) assert.doesNotMatch(step.run, /\$\{\{/, `step "${step.name}"`);
    assert.deepEqual(Object.keys(action.outputs).sort(), ['introduces-errors', 'sarif-file', 'summary-file']);
  });

  it('on a pull request: annotates the changed charter, writes the review to the job summary, fails on the introduced error', () => {
    const r = runAction(repo, { today: TODAY }, { baseSha });
    assert.equal(r.steps.base.outputs.base, baseSha);
    assert.match(r.steps.lint.stdout, /^::error file=teams\/identity\/team-charter\.yaml,line=123,.*title=schema-invalid-value::/m);
    assert.doesNotMatch(r.steps.lint.stdout, /teams\/payments/, 'only changed charters are linted');
    assert.match(r.summary, /^<!-- team-charter-diff -->\n## Team charter review/);
    assert.match(r.summary, /- decision "account-recovery": owner moved from "aisha" to "raj"/);
    // The picture of the handover, as in the golden file whose Mermaid syntax test/diff/mermaid.test.ts checks.
    const picture = mermaidBlocks(r.summary);
    assert.equal(picture.length, 1);
    assert.deepEqual(picture, mermaidBlocks(fs.readFileSync(path.join(GOLDEN, 'realistic.md'), 'utf8')));
    assert.match(picture[0], /^ {2}p\d+ ==>\|O\| d1$/m, 'the new owner, bold');
    assert.doesNotMatch(r.summary, /teams\/payments/);
    assert.equal(r.steps.diff.outputs['introduces-errors'], 'true');
    assert.equal(r.failedAt, 'Verdict');
    assert.match(r.steps.Verdict.stdout, /::error title=team-charter::this change introduces error findings/);
  });

  it('fail-on: never reports without failing; paths limits the review', () => {
    const r = runAction(repo, { today: TODAY, 'fail-on': 'never', paths: 'teams/payments' }, { baseSha });
    assert.equal(r.failedAt, undefined);
    assert.match(r.steps.lint.stdout, /No charter changed since/);
    assert.match(r.summary, /No team charter changed\./);
  });

  it('sarif-file: writes SARIF 2.1.0 for every charter in scope, ready for upload-sarif', () => {
    const r = runAction(repo, { today: TODAY, 'fail-on': 'never', 'sarif-file': 'charters.sarif' }, { baseSha });
    assert.equal(r.failedAt, undefined, JSON.stringify(r.steps.sarif));
    assert.equal(r.steps.sarif.outputs['sarif-file'], path.join(repo, 'charters.sarif'));
    const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'charters.sarif'), 'utf8'));
    fs.rmSync(path.join(repo, 'charters.sarif'));
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'schema-invalid-value'));
  });

  it('a base input shaped like a git option is a revision, never an option (no command runs)', () => {
    const marker = path.join(os.tmpdir(), `charter-action-injected-${process.pid}`);
    fs.rmSync(marker, { force: true });
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-action-clone-'));
    try {
      // A real origin, so that an --upload-pack option would be run if git read it as one.
      spawnSync('git', ['clone', '-q', repo, clone], { env: plainEnv() });
      const r = runAction(clone, { base: `--upload-pack=touch ${marker};git-upload-pack` }, {});
      assert.equal(r.failedAt, 'base');
      assert.equal(fs.existsSync(marker), false, 'the base input ran a command');
    } finally {
      fs.rmSync(clone, { recursive: true, force: true });
      fs.rmSync(marker, { force: true });
    }
  });

  it('a pull request that changes only a .charterrc lints and reviews every charter that config governs', () => {
    const cfg = tempRepo('charter-pr-config-');
    try {
      const missingOwner = BASE_CHARTER.replace('    owner: ben\n    boundary: team', '    boundary: team');
      cfg.write('teams/a/team-charter.yaml', missingOwner);
      cfg.write('teams/.charterrc.yaml', 'rules:\n  owner-missing: off\n');
      // Another team (its own id: the two charters are one set, checked together).
      cfg.write('other/team-charter.yaml', BASE_CHARTER.replace('  id: payments\n', '  id: billing\n'));
      cfg.git('add', '-A');
      cfg.git('commit', '-q', '-m', 'base');
      const base = cfg.git('rev-parse', 'HEAD');
      cfg.write('teams/.charterrc.yaml', 'rules: {}\n');
      cfg.git('commit', '-q', '-am', 'turn owner-missing back on');
      const r = runAction(cfg.dir, { today: TODAY }, { baseSha: base });
      assert.doesNotMatch(r.steps.lint.stdout, /No charter changed/);
      assert.match(r.steps.lint.stdout, /^::error file=teams\/a\/team-charter\.yaml,line=\d+,.*title=owner-missing::/m);
      assert.doesNotMatch(r.steps.lint.stdout, /other\//, 'a charter the config does not govern is not linted');
      assert.match(r.summary, /teams\/a\/team-charter\.yaml/);
      assert.equal(r.steps.diff.outputs['introduces-errors'], 'true');
      assert.equal(r.failedAt, 'Verdict');
    } finally {
      cfg.remove();
    }
  });

  it('a committed link to a file outside the workspace is never read: nothing of it reaches annotations or the summary', () => {
    const evil = tempRepo('charter-pr-link-');
    try {
      evil.write('ok/team-charter.yaml', BASE_CHARTER);
      evil.git('add', '-A');
      evil.git('commit', '-q', '-m', 'base');
      const base = evil.git('rev-parse', 'HEAD');
      fs.mkdirSync(path.join(evil.dir, 'evil'));
      fs.symlinkSync('/etc/passwd', path.join(evil.dir, 'evil/team-charter.yaml'));
      fs.symlinkSync('/etc/passwd', path.join(evil.dir, 'evil/.charterrc.yaml'));
      evil.git('add', '-A');
      evil.git('commit', '-q', '-m', 'links');
      const r = runAction(evil.dir, { today: TODAY, 'fail-on': 'never' }, { baseSha: base });
      const firstLine = fs.readFileSync('/etc/passwd', 'utf8').split('\n')[0];
      const everything = Object.values(r.steps).map((s) => s.stdout).join('\n') + r.summary;
      assert.ok(!everything.includes(firstLine), 'the first line of /etc/passwd was shown');
      assert.doesNotMatch(everything, /root:x?:?0/);
      assert.match(r.steps.lint.stdout, /evil\/(team-charter|\.charterrc)\.yaml: a symbolic link out of the root; not read/);
    } finally {
      evil.remove();
    }
  });

  it('a push without a usable base revision stops with a clear error', () => {
    const r = runAction(repo, {}, { before: '0000000000000000000000000000000000000000' });
    assert.equal(r.failedAt, 'base');
    assert.match(r.steps.base.stdout, /no base revision to compare with/);
  });
});
