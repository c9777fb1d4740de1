// A copy of the checkout as a fresh clone has it (tracked files, and new ones not ignored), with
// the installed build tools linked in: packaging builds there, so the tests never rewrite this
// working tree's dist/. One copy per test run, removed at the end.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/fixtures';

export { ROOT };

let work: string | undefined;
let checkout: string | undefined;

/** A folder of its own for this test run (removed after it). */
export function workDir(): string {
  work ??= fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'team-charter-package-')));
  return work;
}

/** The copy of the checkout (made on first use). */
export function checkoutCopy(): string {
  if (checkout) return checkout;
  const to = path.join(workDir(), 'checkout');
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  for (const rel of listed.split('\0').filter(Boolean)) {
    const from = path.join(ROOT, rel);
    if (!fs.existsSync(from)) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(to, rel)), { recursive: true });
    fs.copyFileSync(from, path.join(to, rel));
  }
  // The build tools (esbuild, vsce, yaml's sources), as after `npm ci`.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(to, 'node_modules'), 'dir');
  checkout = to;
  return to;
}

/** The environment of a user's shell: none of the variables `npm test` sets, no project bins on PATH. */
export function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) && key !== 'INIT_CWD') env[key] = value;
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => !dir.startsWith(ROOT) && !dir.includes(`${path.sep}node_modules${path.sep}`))
    .join(path.delimiter);
  env.npm_config_update_notifier = 'false';
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return env;
}

/** `npm` or `npx` as a user types it. */
export const npmCommand = (name: 'npm' | 'npx') => (process.platform === 'win32' ? `${name}.cmd` : name);

after(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
  work = checkout = undefined;
});
