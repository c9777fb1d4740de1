import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { lint } from '../../server/src/lint';
import { ROOT } from '../helpers/fixtures';
import { BASE_CHARTER, MISSING_OWNER, TODAY, TestClient, delay, positionOf, tempDir, uriOf } from './client';

describe('language server: diagnostics', function () {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = tempDir();
    client = await TestClient.start({ folders: [dir] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('declares its features statically in the initialize result', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(client.initializeResult.serverInfo?.name, 'team-charter-language-server');
    assert.deepEqual(caps.executeCommandProvider?.commands, ['teamCharter.fixAll', 'teamCharter.checkAllCharters']);
    assert.ok(caps.hoverProvider && caps.definitionProvider && caps.referencesProvider && caps.documentSymbolProvider);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.team-charter']);
    assert.equal((caps.textDocumentSync as { change: number }).change, 2, 'incremental sync');
  });

  it('runs as the team-charter-language-server bin, and explains its usage without a transport', async () => {
    const bin = path.join(ROOT, 'bin/team-charter-language-server.js');
    assert.ok(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin['team-charter-language-server'].endsWith('team-charter-language-server.js'));
    const viaBin = await TestClient.start({ folders: [dir], script: bin });
    try {
      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await viaBin.open(uri, MISSING_OWNER);
      assert.ok((await viaBin.diagnostics(uri, (p) => p.diagnostics.length > 0)).diagnostics.some((d) => d.code === 'owner-missing'));
    } finally {
      await viaBin.stop();
    }
    const usage = spawnSync(process.execPath, [bin], { encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /Usage: team-charter-language-server --stdio/);
  });

  it('pushes a diagnostic with code, docs link, source, entry data and version', async () => {
    const uri = uriOf(path.join(dir, 'team-charter.yaml'));
    await client.open(uri, MISSING_OWNER);
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const d = published.diagnostics.find((x) => x.code === 'owner-missing');
    assert.ok(d, JSON.stringify(published.diagnostics));
    assert.equal(d.source, 'team-charter');
    assert.equal(d.severity, 1);
    assert.equal(d.codeDescription?.href, 'https://github.com/team-charter/team-charter/blob/main/docs/rules/owner-missing.md');
    assert.match(d.message, /^decision "payout-batching" has no owner/);
    assert.deepEqual(d.range.start, positionOf(MISSING_OWNER, 'payout-batching'));
    assert.deepEqual(d.data, { rule: 'owner-missing', entry: { section: 'decisions', id: 'payout-batching', index: 0 }, n: 0 });
    assert.equal(published.version, 1);
    await client.until('teamCharter/validated', () => client.validated.find((v) => v.uri === uri && v.version === 1));
    await client.close(uri);
  });

  it('reports exactly what the engine (and so `team-charter lint`) reports for the same text', async () => {
    const text = MISSING_OWNER.replace('charter: 1', 'charter: 2').replace('    kind: team\n', '    kind: team\n    colour: blue\n').replace('status: in-progress', 'status: in-progres');
    const uri = uriOf(path.join(dir, 'parity.charter.yaml'));
    await client.open(uri, text);
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const expected = lint(text, { today: TODAY });
    assert.ok(expected.length >= 4, 'the sample has several findings');
    const shape = (rule: string, message: string, range: Diagnostic['range']) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${rule} ${message}`;
    assert.deepEqual(
      published.diagnostics.map((d) => shape(String(d.code), d.message, d.range)),
      expected.map((f) => shape(f.rule, f.message, f.range)),
    );
    await client.close(uri);
  });

  it('passes related information as locations in the same file (scope-overlap names the earlier decision)', async () => {
    const text = BASE_CHARTER.replace('\ncheckins:', '  - id: batching-again\n    scope: How payouts are batched and scheduled\n    owner: ana\n    risk_owner: ana\n\ncheckins:');
    const uri = uriOf(path.join(dir, 'related.charter.yaml'));
    await client.open(uri, text);
    const published = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'scope-overlap'));
    const overlap = published.diagnostics.find((d) => d.code === 'scope-overlap')!;
    assert.equal(overlap.range.start.line, positionOf(text, 'scope: How payouts are batched and scheduled\n    owner: ana').line);
    assert.equal(overlap.relatedInformation?.length, 1);
    const related = overlap.relatedInformation![0];
    assert.equal(related.location.uri, uri);
    assert.equal(related.location.range.start.line, positionOf(text, 'scope: How payouts').line, 'points at the earlier decision');
    await client.close(uri);
  });

  it('ignores YAML files that are not charters', async () => {
    const other = uriOf(path.join(dir, 'docker-compose.yaml'));
    await client.open(other, 'services: [\n');
    const charter = uriOf(path.join(dir, 'team-charter.yml'));
    await client.open(charter, MISSING_OWNER);
    await client.diagnostics(charter, (p) => p.diagnostics.length > 0);
    await delay(100);
    assert.equal(client.published.filter((p) => p.uri === other).length, 0);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 2 } }), null);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri: other }, position: { line: 1, character: 0 } }), []);
    await client.close(other);
    await client.close(charter);
  });

  it('follows incremental edits and clears diagnostics when the problem is fixed', async () => {
    const uri = uriOf(path.join(dir, 'team-charter.yaml'));
    await client.open(uri, MISSING_OWNER);
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'owner-missing'));
    const at = positionOf(MISSING_OWNER, '    boundary: team\n    risk_owner: ben');
    await client.edit(uri, [{ range: { start: at, end: at }, newText: '    owner: ben\n' }]);
    const after = await client.diagnostics(uri);
    assert.equal(client.text(uri), BASE_CHARTER);
    assert.deepEqual(after.diagnostics, []);
    assert.equal(after.version, 2);
    await client.close(uri);
  });

  it('while typing inside one decision, diagnostics and positions after it match a fresh check of the text', async () => {
    const uri = uriOf(path.join(dir, 'typing.charter.yaml'));
    await client.open(uri, BASE_CHARTER);
    await client.diagnostics(uri);
    let text = BASE_CHARTER;
    // One keystroke per version at the end of the first decision's scope, as an editor sends them.
    for (const ch of [...' TODO, and a longer line\n    consult: [ben]']) {
      const at = positionOf(text, '\n    owner: ben\n    boundary: team');
      await client.edit(uri, [{ range: { start: at, end: at }, newText: ch }]);
      text = client.text(uri);
      const published = await client.diagnostics(uri);
      const shape = (rule: string, message: string, r: Diagnostic['range']) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${rule} ${message}`;
      assert.deepEqual(
        published.diagnostics.map((d) => shape(String(d.code), d.message, d.range)),
        lint(text, { today: TODAY }).map((f) => shape(f.rule, f.message, f.range)),
        JSON.stringify(ch),
      );
    }
    assert.match(text, /scope: How payouts are batched and scheduled TODO, and a longer line\n {4}consult: \[ben\]\n/);
    // Navigation from a line after the edited decision uses the moved positions: fee-changes' `escalate_to: finance`.
    const definition = await client.request<Array<{ range: Diagnostic['range'] }>>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'escalate_to: finance', 15) });
    assert.equal(definition[0]?.range.start.line, positionOf(text, '  - id: finance').line);
    await client.close(uri);
  });

  it('clears diagnostics when a charter is closed', async () => {
    const uri = uriOf(path.join(dir, 'closing.charter.yaml'));
    await client.open(uri, MISSING_OWNER);
    await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const before = client.published.length;
    await client.close(uri);
    await client.until('an empty publish', () => client.published.slice(before).find((p) => p.uri === uri && p.diagnostics.length === 0));
  });

  it('skips a file above the size limit with one explanatory diagnostic', async () => {
    const small = await TestClient.start({ folders: [dir], settings: { maxFileSize: 500 } });
    try {
      const uri = uriOf(path.join(dir, 'big.charter.yaml'));
      await small.open(uri, MISSING_OWNER);
      const published = await small.diagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.equal(published.diagnostics.length, 1);
      assert.match(published.diagnostics[0].message, /size limit/);
    } finally {
      await small.stop();
    }
  });
});
