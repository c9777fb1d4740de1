#!/usr/bin/env node
// Workbench end-to-end test (`npm run test:e2e`): sets up code-server + Chromium in the cache,
// builds and packages the extension, then
//   1. installs the .vsix into a fresh VS Code workbench like a user would and walks through
//      steps.mjs with keyboard and mouse (screenshots of every step in the artifacts folder);
//   2. runs the extension API suite of test/electron in a second fresh workbench's extension host;
//   3. installs the .vsix into a third workbench whose settings run it in the browser (web worker)
//      extension host, and walks through web-steps.mjs (the browser build: dist/web/).
// Exit 0 = every step passed.
//
// Usage: node test/e2e/run.mjs [--folder] [--only=journey|api|web] [--keep] [--update-docs-images]
//   --folder              load the checkout as an unpacked extension (symlink; no packaging)
//   --only=…              run one of the two parts
//   --keep                keep the temporary user-data/workspace folders (paths in result.json)
//   --update-docs-images  copy the README screenshots to docs/images/
// Env: TEAM_CHARTER_E2E_CACHE (default test/e2e/cache), E2E_ARTIFACTS (default test/e2e/artifacts),
//      E2E_TIMEOUT_MS (per wait, default 30000), CHROMIUM (default /usr/bin/chromium)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runApiSuite } from './api-suite.mjs';
import { cacheDir, setup } from './setup.mjs';
import { userJourney } from './steps.mjs';
import { decisionMapJourney } from './decision-map-steps.mjs';
import { organisationJourney } from './organisation-steps.mjs';
import { WEB_EXTENSION_SETTINGS, webJourney, writeWebWorkspace } from './web-steps.mjs';
import { Workbench } from './workbench.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const args = new Set(process.argv.slice(2));
const useFolder = args.has('--folder');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const runJourney = !only || only === 'journey';
const runApi = !only || only === 'api';
const runWeb = !only || only === 'web';
const artifacts = path.resolve(process.env.E2E_ARTIFACTS || path.join(HERE, 'artifacts'));
const STEP_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 30000);
/** Screenshots that illustrate the README and docs/vscode.md. */
const DOCS_IMAGES = { '05-quick-fix-menu.png': 'vscode-quick-fix.png', '08-completion.png': 'vscode-completion.png', '14-decision-map.png': 'decision-map.png' };
/** What the .vsix may contain: the bundles, the manifest, the listing's pages and icon, the schemas; no sources, tests or maps. */
const VSIX_ALLOWED = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE(\.txt|\.md)?|dist\/([\w-]+\/)*[\w-]+\.js|docs\/images\/icon\.png|schemas\/[\w-]+\.schema\.json|\.vsixmanifest)$/i;

const t0 = Date.now();
const results = { artifacts, steps: [] };
const log = (...a) => console.log(`[e2e +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

async function step(name, fn) {
  const start = Date.now();
  try {
    const value = await fn();
    results.steps.push({ name, ok: true, ms: Date.now() - start, ...(value && typeof value === 'object' ? value : {}) });
    log(`ok   ${name} (${Date.now() - start} ms)`);
    return value;
  } catch (e) {
    const error = String(e?.message ?? e).split('\n').slice(0, 8).join('\n');
    results.steps.push({ name, ok: false, ms: Date.now() - start, error });
    log(`FAIL ${name}: ${error}`);
    throw e;
  }
}

function sh(cmd, cmdArgs, what) {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${`${r.stdout}${r.stderr}`.trim().slice(-1500)}`);
  return `${r.stdout}${r.stderr}`;
}

function filesUnder(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}

fs.rmSync(artifacts, { recursive: true, force: true });
fs.mkdirSync(artifacts, { recursive: true });
let wb;
let failed = false;
const workbenches = [];
const newWorkbench = async (layout) => {
  wb = new Workbench({ layout, artifacts, stepTimeout: STEP_TIMEOUT });
  workbenches.push(wb);
  await wb.prepare();
  return wb;
};
// Ctrl+C or a CI timeout: stop the code-server process groups this run started.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    for (const w of workbenches) await w.stop();
    process.exit(130);
  });
}
try {
  let layout;
  await step('set up code-server, Node 24 and Chromium (cached)', async () => {
    layout = setup(cacheDir());
    return { cache: layout.cache };
  });
  const vsix = path.join(ROOT, 'team-charter.vsix');
  await step(useFolder ? 'build the extension' : 'build and package the extension (npm run package)', async () => {
    if (useFolder) sh(process.execPath, ['scripts/build.mjs'], 'node scripts/build.mjs');
    else sh('npm', ['run', '--silent', 'package'], 'npm run package');
    for (const f of ['dist/client.js', 'dist/server.js', 'dist/web/client.js', 'dist/web/server.js']) {
      if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} was not built (is its entry point missing?)`);
    }
    return useFolder ? {} : { vsixBytes: fs.statSync(vsix).size };
  });

  if (runJourney) {
    await newWorkbench(layout);
    const charter = path.join(wb.workspace, 'team-charter.yaml');
    fs.copyFileSync(path.join(HERE, 'workspace/team-charter.yaml'), charter);
    // A second charter, never opened: the decision map's organisation tab needs two.
    fs.mkdirSync(path.join(wb.workspace, 'platform'));
    fs.copyFileSync(path.join(ROOT, 'test/report/fixtures/org/platform/team-charter.yaml'), path.join(wb.workspace, 'platform/team-charter.yaml'));
    // The folder the organisation journey later writes a charter into, there from the start: a
    // file written into a folder created a moment before can land before the file watcher watches
    // that folder, and then no event for it ever comes (seen once on a fresh CI machine).
    fs.mkdirSync(path.join(wb.workspace, 'billing'));

    await step(useFolder ? 'load the checkout as an unpacked extension' : 'install the .vsix (--install-extension)', async () => {
      if (useFolder) return wb.linkFolder(ROOT);
      const installed = wb.installVsix(vsix);
      const files = filesUnder(installed.folder);
      const unexpected = files.filter((f) => !VSIX_ALLOWED.test(f));
      if (unexpected.length) throw new Error(`the .vsix ships files it should not (.vscodeignore): ${unexpected.slice(0, 10).join(', ')}`);
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      const schemaUrls = [...(pkg.contributes.jsonValidation ?? []), ...(pkg.contributes.yamlValidation ?? [])].map((v) => v.url.replace(/^\.\//, ''));
      const missing = schemaUrls.filter((u) => !files.includes(u));
      if (missing.length) throw new Error(`the .vsix lacks the schemas package.json contributes: ${missing.join(', ')}`);
      return { ...installed, files };
    });

    await step('start code-server and open the workspace in Chromium', () => wb.start());
    const shot = async (name) => {
      const file = path.join(artifacts, name);
      await wb.page.screenshot({ path: file });
      (results.screenshots ||= []).push(file);
    };
    await userJourney({ page: wb.page, wb, charter, shot }, step);
    await decisionMapJourney({ page: wb.page, charter, shot }, step);
    await organisationJourney({ page: wb.page, wb, charter, shot }, step);
    await wb.stop({ keep: args.has('--keep') });

    if (args.has('--update-docs-images')) {
      fs.mkdirSync(path.join(ROOT, 'docs/images'), { recursive: true });
      for (const [from, to] of Object.entries(DOCS_IMAGES)) fs.copyFileSync(path.join(artifacts, from), path.join(ROOT, 'docs/images', to));
    }
  }

  if (runApi) {
    await step('compile the extension API suite (tsc)', async () => {
      // tsc emits even when another part of the project has a type error; the suite's own
      // compiled files are what matter here.
      spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'ignore' });
      const suite = path.join(ROOT, 'out/test/electron/suite/extension.test.js');
      const source = path.join(ROOT, 'test/electron/suite/extension.test.ts');
      if (!fs.existsSync(suite) || fs.statSync(suite).mtimeMs < fs.statSync(source).mtimeMs) throw new Error(`tsc did not emit ${suite}`);
    });
    await newWorkbench(layout);
    await step('extension API suite (test/electron) in the workbench extension host', async () => {
      const { exitCode, lines } = await runApiSuite(wb, { root: ROOT, artifacts, timeout: 4 * STEP_TIMEOUT });
      if (exitCode !== 0) throw new Error(`the extension tests failed (exit ${exitCode}):\n${lines.filter((l) => !/✔/.test(l)).slice(0, 20).join('\n')}`);
      return { tests: lines.filter((l) => /✔|passing|pending/.test(l)).map((l) => l.trim()) };
    });
    await wb.stop({ keep: args.has('--keep') });
  }

  if (runWeb) {
    await newWorkbench(layout);
    const charterText = writeWebWorkspace(wb.workspace, fs.readFileSync(path.join(ROOT, 'test/helpers/base-charter.yaml'), 'utf8'));
    await step(useFolder ? 'web: load the checkout as an unpacked extension' : 'web: install the .vsix (--install-extension)', async () => (useFolder ? wb.linkFolder(ROOT) : wb.installVsix(vsix)));
    wb.writeUserSettings(WEB_EXTENSION_SETTINGS);
    await step('web: start code-server and open the workspace in Chromium', () => wb.start({ logName: 'code-server-web.log' }));
    const shot = async (name) => {
      const file = path.join(artifacts, name);
      await wb.page.screenshot({ path: file });
      (results.screenshots ||= []).push(file);
    };
    await webJourney({ page: wb.page, charterText, shot }, step);
    await wb.stop({ keep: args.has('--keep') });
  }
} catch (e) {
  failed = true;
  if (!results.steps.some((x) => !x.ok)) log(`FAIL ${e?.stack ?? e}`); // an error outside a step
  try { await wb?.page?.screenshot({ path: path.join(artifacts, '99-failure.png') }); } catch { /* no page */ }
} finally {
  results.consoleErrors = workbenches.flatMap((w) => w.consoleErrors).slice(0, 20);
  if (args.has('--keep')) results.runDirs = workbenches.map((w) => w.runDir);
  for (const w of workbenches) await w.stop({ keep: args.has('--keep') });
  results.ok = !failed;
  results.totalMs = Date.now() - t0;
  fs.writeFileSync(path.join(artifacts, 'result.json'), JSON.stringify(results, null, 2));
  log(`${failed ? 'E2E FAILED' : 'E2E PASSED'}: ${results.steps.filter((s) => s.ok).length}/${results.steps.length} steps; artifacts in ${artifacts}`);
  process.exit(failed ? 1 : 0);
}
