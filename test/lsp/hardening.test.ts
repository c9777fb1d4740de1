// Protocol details a hostile or unusual client can hit: a `__proto__` key in the rule settings,
// keys that are empty or blank (LSP forbids empty symbol names), rename errors with the code LSP
// reserves for them, positions that are not whole numbers, and a client that disconnects while the
// server is writing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { effectiveRules } from '../../server/src/engine/config';
import type { CharterConfig } from '../../server/src/engine/model';
import { applyRuleOverrides, layerSettings, parseSettings } from '../../server/src/lsp/settings';
import { rules } from '../../server/src/lint';
import { BASE_CHARTER, MISSING_OWNER, SERVER_JS, TestClient, delay, ensureBuilt, positionOf, tempDir, uriOf } from './client';

/** What a client sends: JSON, where `__proto__` is a key like any other. */
const PROTO_RULES = JSON.parse('{"rules": {"__proto__": {"owner-missing": "off"}}}') as { rules: Record<string, never> };

describe('language server: hardening', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = tempDir();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a "__proto__" key in the rules setting turns nothing off, and the warning saying it is ignored is true', async () => {
    const client = await TestClient.start({ folders: [dir], settings: PROTO_RULES });
    try {
      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(uri, MISSING_OWNER);
      const published = await client.diagnostics(uri);
      assert.ok(published.diagnostics.some((d) => d.code === 'owner-missing'), JSON.stringify(published.diagnostics.map((d) => d.code)));
      const warning = await client.until('the settings warning', () => client.messages.find((m) => /__proto__/.test(m.message)));
      assert.match(warning.message, /unknown rule "__proto__".*ignored/);
    } finally {
      await client.stop();
    }
  });

  it('settings and configs: only own keys name rules, and no key can replace a prototype', () => {
    const settings = layerSettings(parseSettings(PROTO_RULES).settings);
    const severity = (config: CharterConfig, id: string) => effectiveRules(rules, config).find((r) => r.rule.id === id)?.severity;
    // Editor overrides on top of a config file.
    const overridden = applyRuleOverrides({ rules: { 'done-vague': 'info' } }, settings.rules);
    assert.equal(Object.getPrototypeOf(overridden.rules), Object.prototype);
    assert.equal(severity(overridden, 'owner-missing'), 'error');
    assert.equal(severity(overridden, 'done-vague'), 'info');
    // A .charterrc.json read as JSON keeps "__proto__" as an own key: it names no rule.
    const fromJson = JSON.parse('{"rules": {"__proto__": {"owner-missing": "off"}, "constructor": "off"}}') as CharterConfig;
    assert.equal(severity(fromJson, 'owner-missing'), 'error');
  });

  it('keys "" and " " get symbols with a visible, non-empty name', async () => {
    const client = await TestClient.start({ folders: [dir] });
    try {
      const uri = uriOf(path.join(dir, 'blank-keys.charter.yaml'));
      await client.open(uri, BASE_CHARTER.replace('  name: Payments\n', '  name: Payments\n  "": empty\n  " ": blank\n') + '"": top\n"  ": spaces\n');
      await client.diagnostics(uri);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const names = (list: DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
      const all = names(symbols);
      for (const name of all) assert.notEqual(name.trim(), '', JSON.stringify(all));
      assert.ok(all.includes('""') && all.includes('" "') && all.includes('"  "'), JSON.stringify(all));
    } finally {
      await client.stop();
    }
  });

  it('rename errors are ResponseErrors with LSP\'s RequestFailed code', async () => {
    const client = await TestClient.start({ folders: [dir] });
    try {
      const uri = uriOf(path.join(dir, 'rename-errors.charter.yaml'));
      await client.open(uri, BASE_CHARTER);
      await client.diagnostics(uri);
      const at = (needle: string, delta: number) => positionOf(client.text(uri), needle, delta);
      const codeOf = (newName: string, position: { line: number; character: number }) =>
        client.request('textDocument/rename', { textDocument: { uri }, position, newName }).then(
          () => 'answered',
          (e: { code: number; message: string }) => e.code,
        );
      const REQUEST_FAILED = -32803;
      assert.equal(await codeOf('x', at('mission:', 2)), REQUEST_FAILED, 'not an id');
      assert.equal(await codeOf('Ben Okafor', at('- id: ben', 7)), REQUEST_FAILED, 'invalid id');
      assert.equal(await codeOf('finance', at('- id: ben', 7)), REQUEST_FAILED, 'id taken');
    } finally {
      await client.stop();
    }
  });

  it('completion, hover and the rest at a position that is not a whole number answer empty, and nothing is logged', async () => {
    const client = await TestClient.start({ folders: [dir] });
    try {
      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(uri, MISSING_OWNER);
      await client.diagnostics(uri);
      const before = client.logs.length;
      for (const position of [{ line: 1.5, character: 2 }, { line: 3, character: 0.25 }, { line: 1e-9, character: 1e300 }]) {
        assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri }, position }), []);
        assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position }), null);
        assert.deepEqual(await client.request('textDocument/definition', { textDocument: { uri }, position }), []);
        assert.equal(await client.request('textDocument/prepareRename', { textDocument: { uri }, position }), null);
      }
      await delay(100);
      assert.deepEqual(client.logs.slice(before).map((l) => l.message).filter((m) => /failed|Error/.test(m)), []);
    } finally {
      await client.stop();
    }
  });

  it('a client that disconnects while the server writes: the server exits quietly, without a stack trace', async () => {
    const server = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    server.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const send = (message: unknown) => {
      const body = JSON.stringify(message);
      server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    await new Promise((resolve) => server.stdout.once('data', resolve));
    send({ jsonrpc: '2.0', method: 'initialized', params: {} });
    // The client stops reading; the server then has diagnostics to send for every opened charter.
    server.stdout.destroy();
    for (let i = 0; i < 20; i++) {
      send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: `file:///tmp/disconnect-${i}/team-charter.yaml`, languageId: 'yaml', version: 1, text: MISSING_OWNER } } });
    }
    const timer = setTimeout(() => server.stdin.end(), 3000);
    const code = await exited;
    clearTimeout(timer);
    assert.ok(code === 0 || code === 1, `exit code ${code}`);
    assert.doesNotMatch(stderr, /^\s+at |Error/m, stderr);
  });
});
