// The organisation view through the real server: a workspace folder's charters are read from disk
// without being opened, organisation findings reach the open charter with related information in
// the other file, file events and edits re-check what they affect, and "check all charters"
// publishes every charter of the set.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { BASE_CHARTER } from '../helpers/fixtures';
import { FULL_CAPABILITIES, TestClient, delay, positionOf, tempDir, uriOf } from './client';
import { RELIST_MS } from '../../server/src/lsp/workspace-index';

const ORG_ON = { teamCharter: { organisation: { enable: true } } };
const withTeam = (id: string) => BASE_CHARTER.replace('team:\n  id: payments\n', `team:\n  id: ${id}\n`);
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

describe('language server: the organisation view', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient;
  const file = (rel: string) => path.join(dir, rel);
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(file(rel)), { recursive: true });
    fs.writeFileSync(file(rel), text);
  };

  beforeEach(async () => {
    dir = tempDir('charter-org-');
    write('payments/team-charter.yaml', withTeam('payments'));
    write('billing/team-charter.yaml', withTeam('payments'));
    write('growth/team-charter.yaml', withTeam('growth'));
    client = await TestClient.start({ folders: [dir], initializationOptions: ORG_ON });
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an open charter gets the organisation findings of its set, related information opening the other file', async () => {
    const uri = uriOf(file('payments/team-charter.yaml'));
    await client.open(uri, fs.readFileSync(file('payments/team-charter.yaml'), 'utf8'));
    const published = await client.diagnostics(uri, (p) => codes(p).includes('team-id-duplicate'));
    const duplicate = published.diagnostics.find((d) => d.code === 'team-id-duplicate')!;
    assert.equal(duplicate.range.start.line, 3);
    assert.deepEqual(
      duplicate.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]),
      [[uriOf(file('billing/team-charter.yaml')), 3]],
    );
  });

  it('a file event for a charter that is not open re-checks the open one', async () => {
    const uri = uriOf(file('payments/team-charter.yaml'));
    await client.open(uri, fs.readFileSync(file('payments/team-charter.yaml'), 'utf8'));
    await client.diagnostics(uri, (p) => codes(p).includes('team-id-duplicate'));
    write('billing/team-charter.yaml', withTeam('billing'));
    await client.fileChanged(uriOf(file('billing/team-charter.yaml')), FileChangeType.Changed);
    await client.diagnostics(uri, (p) => !codes(p).includes('team-id-duplicate'));
    fs.rmSync(file('growth/team-charter.yaml'));
    write('growth/team-charter.yaml', withTeam('payments'));
    await client.fileChanged(uriOf(file('growth/team-charter.yaml')), FileChangeType.Created);
    await client.diagnostics(uri, (p) => codes(p).includes('team-id-duplicate'));
  });

  it('editing one open charter re-checks the other open charters of its set', async () => {
    const a = uriOf(file('payments/team-charter.yaml'));
    const b = uriOf(file('billing/team-charter.yaml'));
    await client.open(a, withTeam('payments'));
    await client.open(b, withTeam('payments'));
    await client.diagnostics(a, (p) => codes(p).includes('team-id-duplicate'));
    // Unsaved: the open text of billing wins over the disk.
    await client.setText(b, withTeam('billing'));
    await client.diagnostics(a, (p) => !codes(p).includes('team-id-duplicate'));
    await client.diagnostics(b, (p) => !codes(p).includes('team-id-duplicate'));
  });

  it('typing in one charter of the set keeps its organisation findings where they belong: lines moved, a name changed, closed', async () => {
    const a = uriOf(file('payments/team-charter.yaml'));
    const b = uriOf(file('billing/team-charter.yaml'));
    const duplicate = (p: PublishDiagnosticsParams) => p.diagnostics.find((d) => d.code === 'team-id-duplicate');
    const at = (p: PublishDiagnosticsParams, code: string) => {
      const d = p.diagnostics.find((x) => x.code === code);
      return d && [d.range.start.line, d.range.start.character, ...(d.relatedInformation ?? []).flatMap((r) => [r.location.uri, r.location.range.start.line])];
    };
    await client.open(a, withTeam('payments'));
    await client.open(b, withTeam('payments'));
    await client.diagnostics(a, (p) => duplicate(p)?.range.start.line === 3);
    await client.diagnostics(b, (p) => duplicate(p)?.relatedInformation?.[0].location.range.start.line === 3);

    // Two lines added at the top: the finding moves down in payments, and billing's related place follows it.
    await client.edit(a, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# one\n# two\n' }]);
    assert.deepEqual(at(await client.diagnostics(a, (p) => duplicate(p)?.range.start.line === 5), 'team-id-duplicate'), [5, 6, b, 3]);
    assert.deepEqual(at(await client.diagnostics(b, (p) => duplicate(p)?.relatedInformation?.[0].location.range.start.line === 5), 'team-id-duplicate'), [3, 6, a, 5]);

    // Typing in the mission, one key at a time: nothing moves.
    const sentence = 'Merchants get paid within one day of every sale.';
    const mission = positionOf(client.text(a), sentence, sentence.length);
    for (const [i, key] of [...' Always.'].entries()) {
      await client.edit(a, [{ range: { start: { ...mission, character: mission.character + i }, end: { ...mission, character: mission.character + i } }, newText: key }]);
    }
    const typed = await client.diagnostics(a);
    assert.match(client.text(a), /every sale\. Always\.\n/);
    assert.deepEqual(at(typed, 'team-id-duplicate'), [5, 6, b, 3]);
    assert.equal(at(typed, 'party-name-mismatch'), undefined);

    // A member's name changed: the organisation rules run again and find it, at the name typed.
    const name = positionOf(client.text(a), 'Ana Silva', 9);
    await client.edit(a, [{ range: { start: name, end: name }, newText: 'ra' }]);
    const renamed = await client.diagnostics(a, (p) => codes(p).includes('party-name-mismatch'));
    assert.deepEqual(at(renamed, 'party-name-mismatch'), [name.line, name.character - 9, b, 15]);
    assert.deepEqual(at(renamed, 'team-id-duplicate'), [5, 6, b, 3]);

    // Closed without saving: billing's related place is payments on disk again.
    await client.close(a);
    assert.deepEqual(at(await client.diagnostics(b, (p) => duplicate(p)?.relatedInformation?.[0].location.range.start.line === 3), 'team-id-duplicate'), [3, 6, a, 3]);
  });

  it('"check all charters" publishes every charter of the set, and closing one keeps its diagnostics', async () => {
    const result = await client.request<{ charters: number }>('workspace/executeCommand', { command: 'teamCharter.checkAllCharters', arguments: [] });
    assert.equal(result.charters, 3);
    const billing = uriOf(file('billing/team-charter.yaml'));
    const growth = uriOf(file('growth/team-charter.yaml'));
    assert.ok(codes(await client.diagnostics(billing, (p) => p.diagnostics.length > 0)).includes('team-id-duplicate'));
    await client.diagnostics(growth);
    await client.open(billing, withTeam('payments'));
    await client.diagnostics(billing, (p) => codes(p).includes('team-id-duplicate'));
    await client.close(billing);
    await client.until('billing republished after close', () => {
      const last = client.published.filter((p) => p.uri === billing).pop();
      return last && codes(last).includes('team-id-duplicate') && last.version === undefined ? last : undefined;
    });
  });

  it('"check all charters": a charter that is not open is published again when an edit elsewhere changes its organisation findings', async () => {
    await client.request('workspace/executeCommand', { command: 'teamCharter.checkAllCharters', arguments: [] });
    const billing = uriOf(file('billing/team-charter.yaml'));
    const payments = uriOf(file('payments/team-charter.yaml'));
    await client.diagnostics(billing, (p) => codes(p).includes('team-id-duplicate'));
    await client.open(payments, withTeam('payments'));
    await client.diagnostics(payments, (p) => codes(p).includes('team-id-duplicate'));
    // Lines added above the id: billing's related place moves with it.
    await client.edit(payments, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# moved\n' }]);
    await client.diagnostics(billing, (p) => p.diagnostics.find((d) => d.code === 'team-id-duplicate')?.relatedInformation?.[0].location.range.start.line === 4);
    await client.setText(payments, withTeam('payments-core'));
    const after = await client.diagnostics(billing, (p) => !codes(p).includes('team-id-duplicate'));
    assert.equal(after.version, undefined);
  });

  it('without file events, a charter changed on disk counts once the set is read again (every few seconds, on a keystroke)', async () => {
    await client.stop();
    const capabilities = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, didChangeWatchedFiles: undefined } };
    client = await TestClient.start({ folders: [dir], initializationOptions: ORG_ON, capabilities });
    const uri = uriOf(file('payments/team-charter.yaml'));
    await client.open(uri, withTeam('payments'));
    await client.diagnostics(uri, (p) => codes(p).includes('team-id-duplicate'));
    write('billing/team-charter.yaml', withTeam('billing'));
    await delay(RELIST_MS + 300);
    await client.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '#' }]);
    await client.diagnostics(uri, (p) => !codes(p).includes('team-id-duplicate'));
  });

  it('hover on a party shows their weight across the set: decisions owned, approvals, escalations, check-in hours, teams', async () => {
    const uri = uriOf(file('growth/team-charter.yaml'));
    const text = withTeam('growth');
    await client.open(uri, text);
    await client.diagnostics(uri);
    const at = positionOf(text, '  - id: ana', 8);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: at });
    // Ana owns fee-changes and runs weekly-sync (30 minutes a week) in each of the three charters.
    // Teams in path order: billing/ (whose id is also payments), growth/, payments/.
    assert.match(hover.contents.value, /\*\*Across the 3 charters of this repository\*\*: owns 3 decisions · approves 0 · receives 0 escalations · 1\.5 hours of check-ins a week · in `payments`, `growth`, `payments`$/);
    const finance = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'approver: finance', 11) });
    assert.match(finance.contents.value, /approves 3 · receives 3 escalations/);
  });

  it('with teamCharter.organisation.enable false, each charter is checked alone', async () => {
    await client.stop();
    client = await TestClient.start({ folders: [dir], initializationOptions: { teamCharter: { organisation: { enable: false } } } });
    const uri = uriOf(file('payments/team-charter.yaml'));
    await client.open(uri, withTeam('payments'));
    const published = await client.diagnostics(uri);
    assert.deepEqual(codes(published), []);
  });
});
