// Runs the extension API suite (test/electron/suite, the one @vscode/test-electron runs in desktop
// VS Code) inside the workbench's real Node extension host: the checkout is loaded as the
// extension under development and the suite as extension tests, the way VS Code's own web tests
// do it. A built product honours these only with --enable-smoke-test-driver. The extension host
// reports the mocha output and exit code through window.codeAutomationLog / codeAutomationExit.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import util from 'node:util';

const require = createRequire(import.meta.url);
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * @param {import('./workbench.mjs').Workbench} wb  a prepared, not yet started workbench
 * @returns {Promise<{ exitCode: number, lines: string[] }>}
 */
export async function runApiSuite(wb, { root, artifacts, timeout }) {
  const suite = path.join(root, 'out/test/electron/suite/index.js');
  if (!fs.existsSync(suite)) throw new Error(`${suite} is missing: compile with npx tsc -p tsconfig.json`);
  require(path.join(root, 'out/test/electron/workspace.js')).prepareWorkspace(wb.workspace);
  const lines = [];
  let exit;
  const exited = new Promise((resolve) => (exit = resolve));
  await wb.start({
    logName: 'code-server-api-suite.log',
    vscodeOptions: ['enable-smoke-test-driver'],
    payload: (authority) => [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${root}`],
      ['extensionTestsPath', `vscode-remote://${authority}${suite}`],
    ],
    beforeOpen: async (page) => {
      await page.exposeFunction('codeAutomationExit', (code) => exit(code));
      await page.exposeFunction('codeAutomationLog', (type, args) => {
        if (!Array.isArray(args)) return;
        const line = util.format(...args).replace(ANSI, '').replace(/%c/g, '');
        // The workbench's own log lines (offline marketplace lookups …) come through here too.
        if (/workbench\.js|getaddrinfo|open-vsx|^\s*$/.test(line)) return;
        if (/[✔✓]|passing|failing|pending|^\s+\d+\)|Error|^\s+at |^\s+[+-] |Team Charter/.test(line)) lines.push(line);
      });
    },
  });
  const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeout));
  const exitCode = await Promise.race([exited, timer]);
  await wb.page.screenshot({ path: path.join(artifacts, '14-api-suite.png') }).catch(() => undefined);
  fs.writeFileSync(path.join(artifacts, 'api-suite.log'), lines.join('\n') + '\n');
  if (exitCode === 'timeout') throw new Error(`the extension tests did not finish within ${timeout / 1000}s; see api-suite.log`);
  return { exitCode, lines };
}
