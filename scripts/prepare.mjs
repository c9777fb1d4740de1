// npm's `prepare` hook: builds dist/ after `npm ci` / `npm install` in a clone, and when the
// repository is installed from git (`npm install -g git+…`: how pre-commit installs a
// `language: node` hook). `npm pack` and `npm publish` run it after `prepack`, whose production
// build is what ships: keep that one.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

if (!['pack', 'publish'].includes(process.env.npm_command)) {
  try {
    createRequire(import.meta.url).resolve('esbuild');
  } catch {
    // npm prepares a git dependency of a global install with an `npm install` that inherits the
    // global flag through the environment, so the build tools land in the global folder, not
    // here. Install them here (no scripts: this hook is already running), then build.
    const npm = process.env.npm_execpath;
    if (!npm) throw new Error('esbuild is missing: run "npm ci" first');
    execFileSync(process.execPath, [npm, 'install', '--global=false', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, npm_config_global: 'false' },
    });
  }
  await import('./build.mjs');
}
