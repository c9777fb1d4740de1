// Shared by the diff tests: the base charter, exact text edits that fail loudly when they miss,
// and the CLI run in-process with captured output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../server/src/cli/main';
import type { CliIO } from '../../server/src/cli/io';
import { ROOT } from '../helpers/fixtures';

export const TODAY = '2026-11-25';
export { BASE_CHARTER } from '../helpers/fixtures';
export const DIFF_FIXTURES = path.join(ROOT, 'test/diff/fixtures');

/** Replaces `from` (which must occur exactly once) with `to`. */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at !== -1, `edit: ${JSON.stringify(from)} not found`);
  assert.equal(text.indexOf(from, at + 1), -1, `edit: ${JSON.stringify(from)} occurs more than once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], options: { cwd: string; isTTY?: boolean; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: options.cwd,
    isTTY: options.isTTY ?? false,
    env: options.env ?? plainEnv(),
    today: () => TODAY,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** This process's environment without colour switches, so output is what a pipe would get. */
export function plainEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return env;
}

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  write(rel: string, text: string): void;
  remove(): void;
}

/** A fresh git repository in the temp folder, isolated from the user's and system's git config. */
export function tempRepo(prefix: string, branch = 'main'): TempRepo {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const env = { ...plainEnv(), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  git('init', '-q', '-b', branch);
  return {
    dir,
    git,
    write(rel, text) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export const BIN = path.join(ROOT, 'bin/team-charter.js');

/** Runs the built binary (bin/team-charter.js → dist/cli.js) as a user would. */
export function runBinary(args: string[], cwd: string, env: NodeJS.ProcessEnv = plainEnv()): CliRun {
  assert.ok(fs.existsSync(path.join(ROOT, 'dist/cli.js')), 'dist/cli.js is missing: run `node scripts/build.mjs` first');
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const GOLDEN = path.join(ROOT, 'test/diff/golden');

/** Compares with test/diff/golden/NAME; UPDATE_GOLDEN=1 rewrites it (review the file diff before committing). */
export function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, actual);
  }
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept a deliberate change)`);
}

/** Commit ids vary from run to run: golden files hold `<commit>`. */
export const withoutCommits = (s: string) => s.replace(/\b[0-9a-f]{40}\b/g, '<commit>').replace(/`[0-9a-f]{12}`/g, '`<commit>`');

export const realisticCharter = (side: 'base' | 'head') => fs.readFileSync(path.join(DIFF_FIXTURES, 'realistic', side, 'team-charter.yaml'), 'utf8');
