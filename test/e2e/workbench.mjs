// A real VS Code workbench for one test run: code-server (VS Code's server + web workbench) on
// Node 24 with fresh user-data, extensions and workspace folders, opened in headless Chromium
// through playwright-core. Everything it starts, it stops (code-server's own process group).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Settings of a new user who turned off what would talk to the network or distract. */
export const BASE_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'files.autoSave': 'off',
  'editor.lightbulb.enabled': 'on',
  'editor.hover.delay': 300,
};

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export class Workbench {
  /** @param {{ layout: ReturnType<import('./setup.mjs').layout>, artifacts: string, stepTimeout: number }} opts */
  constructor(opts) {
    this.layout = opts.layout;
    this.artifacts = opts.artifacts;
    this.stepTimeout = opts.stepTimeout;
    this.runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'team-charter-e2e-'));
    this.userData = path.join(this.runDir, 'user-data');
    this.extensionsDir = path.join(this.runDir, 'extensions');
    this.workspace = path.join(this.runDir, 'workspace');
    for (const d of [path.join(this.userData, 'User'), this.extensionsDir, this.workspace]) fs.mkdirSync(d, { recursive: true });
    this.writeUserSettings({});
    this.consoleErrors = [];
  }

  get settingsFile() {
    return path.join(this.userData, 'User/settings.json');
  }

  writeUserSettings(extra) {
    fs.writeFileSync(this.settingsFile, JSON.stringify({ ...BASE_USER_SETTINGS, ...extra }, null, 2));
  }

  async prepare() {
    this.port = await freePort();
    this.configFile = path.join(this.runDir, 'config.yaml');
    // An explicit --config keeps code-server from writing ~/.config/code-server/config.yaml.
    fs.writeFileSync(this.configFile, `bind-addr: 127.0.0.1:${this.port}\nauth: none\ncert: false\n`);
    this.env = {
      ...process.env,
      PATH: `${path.dirname(this.layout.node24)}:${process.env.PATH}`,
      XDG_CONFIG_HOME: path.join(this.runDir, 'xdg-config'),
      XDG_DATA_HOME: path.join(this.runDir, 'xdg-data'),
    };
    delete this.env.PASSWORD;
    delete this.env.HASHED_PASSWORD;
  }

  codeServerArgs() {
    return [this.layout.codeServerEntry, '--config', this.configFile, '--user-data-dir', this.userData, '--extensions-dir', this.extensionsDir];
  }

  /** Installs a .vsix the way a user does (`code --install-extension`); returns its folder. */
  installVsix(vsix) {
    const r = spawnSync(this.layout.node24, [...this.codeServerArgs(), '--install-extension', vsix, '--force'], { env: this.env, encoding: 'utf8', timeout: 120000 });
    const out = `${r.stdout || ''}${r.stderr || ''}`;
    if (r.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`--install-extension failed (exit ${r.status}): ${out.trim().slice(-800)}`);
    const dirs = fs.readdirSync(this.extensionsDir).filter((d) => !d.startsWith('.') && d !== 'extensions.json');
    return { output: out.trim().split('\n').pop(), folder: path.join(this.extensionsDir, dirs[0] ?? '') };
  }

  /** Loads an unpacked extension folder (its package.json + dist/) without packaging. */
  linkFolder(folder) {
    const pj = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
    const link = path.join(this.extensionsDir, `${pj.publisher}.${pj.name}-${pj.version}`.toLowerCase());
    fs.symlinkSync(folder, link);
    return { folder: link };
  }

  /**
   * @param {{ vscodeOptions?: string[], logName?: string, beforeOpen?: (page: import('playwright-core').Page) => Promise<void>,
   *   payload?: (remoteAuthority: string) => Array<[string, string]> }} [opts]
   *   vscodeOptions: `flag=value` passed to VS Code's server; payload: the workbench URL's
   *   `payload` (e.g. extensionDevelopmentPath / extensionTestsPath as vscode-remote URIs)
   */
  async start(opts = {}) {
    const log = fs.openSync(path.join(this.artifacts, opts.logName ?? 'code-server.log'), 'w');
    const extra = (opts.vscodeOptions ?? []).flatMap((o) => ['--vscode-option', o]);
    this.proc = spawn(this.layout.node24, [...this.codeServerArgs(), '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', ...extra, this.workspace],
    { env: this.env, stdio: ['ignore', log, log], detached: true });
    const base = `http://127.0.0.1:${this.port}`;
    const deadline = Date.now() + this.stepTimeout;
    while (Date.now() < deadline) {
      if (this.proc.exitCode !== null) throw new Error(`code-server exited (${this.proc.exitCode}); see code-server.log`);
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    const { chromium } = require('playwright-core');
    this.browser = await chromium.launch({
      executablePath: this.layout.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const context = await this.browser.newContext({ viewport: { width: 1400, height: 900 } });
    this.page = await context.newPage();
    this.page.setDefaultTimeout(this.stepTimeout);
    this.page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text().slice(0, 300));
    });
    await opts.beforeOpen?.(this.page);
    const payload = opts.payload ? `&payload=${encodeURIComponent(JSON.stringify(opts.payload(`127.0.0.1:${this.port}`)))}` : '';
    await this.page.goto(`${base}/?folder=${encodeURIComponent(this.workspace)}${payload}`);
    return { port: this.port };
  }

  async stop({ keep = false } = {}) {
    if (this.stopped) return;
    this.stopped = true;
    try {
      await this.browser?.close();
    } catch { /* already gone */ }
    if (this.proc && this.proc.exitCode === null) {
      // code-server runs detached in its own process group: end exactly that group.
      try { process.kill(-this.proc.pid, 'SIGTERM'); } catch { /* gone */ }
      await new Promise((r) => setTimeout(r, 500));
      try { process.kill(-this.proc.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    if (!keep) fs.rmSync(this.runDir, { recursive: true, force: true });
  }
}
