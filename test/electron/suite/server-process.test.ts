// How VS Code starts the language server: in a Node process of its own with the server's V8 flags,
// and still when the runtime refuses one of them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as vscode from 'vscode';
import { nodeLauncher } from '../../../client/src/node-launcher';
import { SERVER_V8_FLAGS } from '../../../server/src/contract/server-process';

const EXTENSION_ID = 'team-charter.team-charter';

/** Command lines of the running processes that start this extension's server. */
function serverCommandLines(serverModule: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(serverModule));
}

describe('The server process', function () {
  const ext = () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is installed`);
    return found;
  };

  it('the extension starts the server with its V8 flags', async () => {
    await ext().activate();
    const serverModule = path.join(ext().extensionPath, 'dist', 'server.js');
    const deadline = Date.now() + 20000;
    let lines = serverCommandLines(serverModule);
    while (!lines.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      lines = serverCommandLines(serverModule);
    }
    assert.ok(lines.length, `a process runs ${serverModule}`);
    for (const flag of SERVER_V8_FLAGS) assert.ok(lines.some((l) => l.includes(flag)), `${flag} in: ${lines.join(' | ')}`);
  });

  it('a V8 flag the runtime refuses: the server starts without the flags and the output says why', async () => {
    const log: string[] = [];
    const output = { appendLine: (line: string) => log.push(line) } as unknown as vscode.OutputChannel;
    const context = { asAbsolutePath: (p: string) => path.join(ext().extensionPath, p) };
    const launched = await nodeLauncher(context, output, ['--not-a-v8-flag']).start({ documentSelector: [{ language: 'team-charter-test-none' }] }, () => undefined);
    try {
      assert.ok(launched, `a server started; output: ${log.join('\n')}`);
      assert.ok(launched.client.isRunning(), 'the client runs');
      assert.ok(log.some((l) => l.includes('did not start with --not-a-v8-flag')), log.join('\n'));
    } finally {
      await launched?.client.stop(5000).catch(() => undefined);
    }
  });
});
