import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Hover, TextEdit } from 'vscode-languageserver-protocol/node';
import { lint } from '../../server/src/lint';
import { BASE_CHARTER, MISSING_OWNER, TODAY, TestClient, delay, positionOf, tempDir, uriOf } from './client';

describe('language server: robustness', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = tempDir();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Asks something that needs a working server: hover on ana's id. */
  async function stillServes(client: TestClient, uri: string): Promise<void> {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(client.text(uri), '- id: ana', 7) });
    assert.match(JSON.stringify(h.contents), /Ana Silva/);
  }

  it('survives malformed JSON-RPC payloads and answers the next valid request', async () => {
    const client = await TestClient.start({ folders: [dir] });
    try {
      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(uri, BASE_CHARTER);
      await client.diagnostics(uri);
      const raw = (body: string, header = `Content-Length: ${Buffer.byteLength(body)}`) => client.proc.stdin.write(`${header}\r\n\r\n${body}`);
      raw('{this is not json}');
      raw('{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":null}');
      raw('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":42},"contentChanges":"nope"}}');
      raw('{"jsonrpc":"2.0","id":78,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"' + uri + '"},"range":null,"context":{}}}');
      raw('[1, 2, 3]');
      raw('"just a string"');
      raw('', 'X-Header-Without-Length: 1');
      await delay(300);
      assert.ok(client.alive, `server died: ${client.stderr}`);
      await stillServes(client, uri);
      const unknown = await client.request('team-charter/no-such-method', {}).then(
        () => 'answered',
        (e: { code: number }) => e.code,
      );
      assert.equal(unknown, -32601, 'MethodNotFound');
      await stillServes(client, uri);
    } finally {
      await client.stop();
    }
  });

  it('answers requests for unknown documents and out-of-range positions with empty results', async () => {
    const client = await TestClient.start({ folders: [dir] });
    try {
      const ghost = { uri: uriOf(path.join(dir, 'never-opened.charter.yaml')) };
      const p0 = { line: 0, character: 0 };
      assert.equal(await client.request('textDocument/hover', { textDocument: ghost, position: p0 }), null);
      assert.deepEqual(await client.request('textDocument/completion', { textDocument: ghost, position: p0 }), []);
      assert.deepEqual(await client.request('textDocument/definition', { textDocument: ghost, position: p0 }), []);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: ghost }), []);
      assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: ghost }), []);
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: ghost, range: { start: p0, end: p0 }, context: { diagnostics: [] } }), []);
      assert.equal(await client.request('textDocument/prepareRename', { textDocument: ghost, position: p0 }), null);
      assert.deepEqual(await client.request('workspace/executeCommand', { command: 'teamCharter.fixAll', arguments: [ghost.uri] }), { applied: false, fixed: 0 });

      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(uri, MISSING_OWNER);
      for (const position of [{ line: 10_000, character: 3 }, { line: -4, character: -9 }, { line: 3, character: 10_000 }, { line: 'x', character: null }]) {
        for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/completion', 'textDocument/prepareRename', 'textDocument/references']) {
          await client.request(method, { textDocument: { uri }, position, context: { includeDeclaration: true } });
        }
        await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
      }
      assert.ok(client.alive);
      await stillServes(client, uri);
    } finally {
      await client.stop();
    }
  });

  it('after 200 rapid edits, reports the findings of the final text and skips most superseded versions', async () => {
    const client = await TestClient.start({ folders: [dir] });
    try {
      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(uri, BASE_CHARTER);
      await client.diagnostics(uri);
      const before = client.published.length;
      // Type a comment character by character at the end of the mission, then break the owner.
      const at = positionOf(BASE_CHARTER, 'every sale.', 11);
      const sends: Array<Promise<void>> = [];
      for (let i = 0; i < 199; i++) {
        const pos = { line: at.line, character: at.character + i };
        sends.push(client.edit(uri, [{ range: { start: pos, end: pos }, newText: i === 0 ? ' ' : i === 1 ? '#' : 'x' }]));
      }
      const owner = positionOf(client.text(uri), '    owner: ben\n    boundary: team');
      sends.push(client.edit(uri, [{ range: { start: owner, end: { line: owner.line + 1, character: 0 } }, newText: '' } as TextEdit]));
      await Promise.all(sends);
      const final = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'owner-missing'));
      assert.equal(final.version, 201);
      const expected = lint(client.text(uri), { today: TODAY });
      assert.deepEqual(final.diagnostics.map((d) => `${d.range.start.line}:${d.code}`), expected.map((f) => `${f.range.start.line}:${f.rule}`));
      const publishes = client.published.slice(before).filter((p) => p.uri === uri).length;
      assert.ok(publishes < 50, `${publishes} publishes for 200 edits`);
      await stillServes(client, uri);
    } finally {
      await client.stop();
    }
  });

  it('when the engine throws, logs it, reports one "check failed" diagnostic, and keeps serving other files', async () => {
    const client = await TestClient.start({ folders: [dir], env: { TEAM_CHARTER_FAULT: 'x-explode' } });
    try {
      const broken = uriOf(path.join(dir, 'broken.charter.yaml'));
      const healthy = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(broken, MISSING_OWNER.replace('charter: 1', 'charter: 1\nx-explode: true'));
      await client.open(healthy, MISSING_OWNER);
      const failed = await client.diagnostics(broken, (p) => p.diagnostics.length > 0);
      assert.deepEqual(
        failed.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
        [['check-failed', 1, 0]],
      );
      assert.match(failed.diagnostics[0].message, /^the check failed on this file/);
      await client.until('the error in the log', () => client.logs.find((l) => l.type === 1 && /simulated engine failure/.test(l.message)));
      const ok = await client.diagnostics(healthy, (p) => p.diagnostics.length > 0);
      assert.ok(ok.diagnostics.some((d) => d.code === 'owner-missing'));
      await stillServes(client, healthy);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: broken }, position: { line: 14, character: 9 } }), null);
      // Once the trigger is gone, the file is checked normally again.
      await client.setText(broken, MISSING_OWNER);
      await client.diagnostics(broken, (p) => p.diagnostics.some((d) => d.code === 'owner-missing') && !p.diagnostics.some((d) => d.code === 'check-failed'));
    } finally {
      await client.stop();
    }
  });

  it('hostile documents (deep nesting, alias bombs, binary noise, huge lines) get diagnostics and do not stop the server', async () => {
    const client = await TestClient.start({ folders: [dir] });
    try {
      const docs = [
        '['.repeat(5000) + ']'.repeat(5000),
        'a: &a [x, x, x, x, x, x, x, x, x]\n' + Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`).join('\n'),
        Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
        'charter: 1\nmission: ' + 'x'.repeat(500_000) + '\n',
        '\t\t- : : - [ { ] } &&& ***\n',
      ];
      for (const [i, text] of docs.entries()) {
        const uri = uriOf(path.join(dir, `hostile-${i}.charter.yaml`));
        await client.open(uri, text);
        const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0, 20000);
        assert.ok(published.diagnostics.length > 0);
        await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 3 } });
        await client.request('textDocument/codeLens', { textDocument: { uri } });
        await client.close(uri);
      }
      assert.ok(client.alive);
      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(uri, BASE_CHARTER);
      await stillServes(client, uri);
    } finally {
      await client.stop();
    }
  });
});
