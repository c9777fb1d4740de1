// `npm run test:electron`: the extension tests in a real desktop VS Code (@vscode/test-electron).
// VS Code is downloaded on first use; where it cannot be (no network, as on the project's CI
// machine) or there is no display, the suite is skipped with a message saying why and exit 0.
// The workbench test (`npm run test:e2e`, code-server + Chromium) covers the same ground offline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { prepareWorkspace } from './workspace';

const ROOT = path.resolve(__dirname, '../../..');
const RELEASES_API = 'https://update.code.visualstudio.com/api/releases/stable';
const REACHABLE_TIMEOUT_MS = 5000;

function skip(reason: string): never {
  console.log(`test:electron SKIPPED: ${reason}`);
  process.exit(0);
}

/** VS Code's update service answers within a few seconds, or we cannot download VS Code. */
async function canDownloadVSCode(): Promise<string | undefined> {
  try {
    const res = await fetch(RELEASES_API, { signal: AbortSignal.timeout(REACHABLE_TIMEOUT_MS) });
    return res.ok ? undefined : `the VS Code update service answered HTTP ${res.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return `VS Code cannot be downloaded here (${RELEASES_API} unreachable: ${cause})`;
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist/client.js'))) throw new Error('dist/client.js is missing: run `node scripts/build.mjs` first');
  let executable = process.env.VSCODE_EXECUTABLE;
  if (!executable) {
    const unreachable = await canDownloadVSCode();
    if (unreachable) skip(`${unreachable}. Set VSCODE_EXECUTABLE to a local VS Code to run it anyway; npm run test:e2e runs the workbench tests offline.`);
    executable = await downloadAndUnzipVSCode({ cachePath: path.join(ROOT, '.vscode-test'), timeout: 60000 });
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    skip('no display for Electron (DISPLAY is not set); run it as `xvfb-run -a npm run test:electron`.');
  }
  const workspace = prepareWorkspace(fs.mkdtempSync(path.join(os.tmpdir(), 'team-charter-electron-')));
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite/index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-telemetry'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`test:electron FAILED: ${(error as Error).message ?? error}`);
  process.exit(1);
});
