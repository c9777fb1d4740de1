// Code lenses read as sentences whoever the owner is, say what each count counts, and go away
// when teamCharter.codeLens.enable is false (pulled or pushed, and back on again).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol/node';
import { baseCharterWith } from '../helpers/fixtures';
import { BASE_CHARTER, MINIMAL_CAPABILITIES, TestClient, positionOf, tempDir, uriOf } from './client';

describe('language server: code lenses', function () {
  let dir: string;
  before(() => (dir = tempDir()));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function lensesOf(client: TestClient, text: string): Promise<Map<number, string | undefined>> {
    const uri = uriOf(path.join(dir, `l${Math.random().toString(36).slice(2)}.charter.yaml`));
    await client.open(uri, text);
    await client.diagnostics(uri);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    await client.close(uri);
    return new Map(lenses.map((l) => [l.range.start.line, l.command?.title]));
  }

  it('a decision owned by two people reads right: the owners are named once, in the passive', async () => {
    const client = await TestClient.start({ folders: [dir] });
    try {
      const text = baseCharterWith(['    owner: ben\n    boundary: team\n', '    owner: Maya and Felix\n    boundary: team\n'], ['    owner: ana\n    boundary: escalate\n', '    owner: [ana, ben]\n    boundary: consult\n']);
      const lenses = await lensesOf(client, text);
      assert.equal(lenses.get(positionOf(text, '- id: payout-batching').line), 'boundary: team · decided by Maya and Felix inside the team, no approval');
      assert.equal(lenses.get(positionOf(text, '- id: fee-changes').line), 'boundary: consult · decided by ana and ben after hearing ben');
      const noOwner = baseCharterWith(['    owner: ben\n    boundary: team\n', '    boundary: team\n']);
      assert.equal((await lensesOf(client, noOwner)).get(positionOf(noOwner, '- id: payout-batching').line), 'boundary: team · decided inside the team, no approval (no owner yet)');
    } finally {
      await client.stop();
    }
  });

  it('a member lens counts decisions owned, decisions whose risk they own, and risks they carry, each by name', async () => {
    const client = await TestClient.start({ folders: [dir] });
    try {
      // ben becomes risk owner of both decisions and owns no entry of `risks`.
      const text = baseCharterWith(['    risk_owner: ana\n', '    risk_owner: ben\n']);
      const lenses = await lensesOf(client, text);
      assert.equal(lenses.get(positionOf(text, '- id: ben').line), 'owns 1 decision · risk owner of 2 decisions · in 1 check-in');
      assert.equal(lenses.get(positionOf(text, '- id: ana').line), 'owns 1 decision · carries 1 risk · in 1 check-in');
    } finally {
      await client.stop();
    }
  });

  it('teamCharter.codeLens.enable: false (pulled) gives no lenses; set back to true, they return', async () => {
    const client = await TestClient.start({ folders: [dir], settings: { codeLens: { enable: false } } });
    try {
      assert.equal((await lensesOf(client, BASE_CHARTER)).size, 0);
      client.settings = { codeLens: { enable: true } };
      await client.pushSettings(null);
      assert.equal((await lensesOf(client, BASE_CHARTER)).size, 4);
    } finally {
      await client.stop();
    }
  });

  it('teamCharter.codeLens.enable: false pushed by a client without pulled settings (Neovim) turns them off', async () => {
    const client = await TestClient.start({ folders: [dir], capabilities: MINIMAL_CAPABILITIES });
    try {
      assert.equal((await lensesOf(client, BASE_CHARTER)).size, 4);
      await client.pushSettings({ teamCharter: { codeLens: { enable: false } } });
      assert.equal((await lensesOf(client, BASE_CHARTER)).size, 0);
      assert.deepEqual(client.messages, [], 'no complaint about the setting');
    } finally {
      await client.stop();
    }
  });
});
