import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { CodeLens, DocumentSymbol, Hover, Location, MarkupContent, Range, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, lint } from '../../server/src/lint';
import { BASE_CHARTER, MINIMAL_CAPABILITIES, TODAY, TestClient, positionOf, tempDir, uriOf } from './client';

const lineOf = (needle: string) => positionOf(BASE_CHARTER, needle).line;

describe('language server: hover, navigation, rename, symbols, code lens', function () {
  let client: TestClient;
  let dir: string;
  let uri: string;
  before(async () => {
    dir = tempDir();
    client = await TestClient.start({ folders: [dir] });
    uri = uriOf(path.join(dir, 'team-charter.yaml'));
    await client.open(uri, BASE_CHARTER);
    await client.diagnostics(uri);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const at = (needle: string, delta = 1) => positionOf(BASE_CHARTER, needle, delta);
  const hoverText = async (needle: string, delta = 1) => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at(needle, delta) });
    return h ? (h.contents as MarkupContent).value : null;
  };

  it('hover on a key shows the schema description', async () => {
    const text = await hoverText('    risk_owner: ben', 6);
    assert.ok(text);
    assert.match(text, /`risk_owner` · party reference/);
    assert.match(text, /Who absorbs the consequences if the decision goes wrong\./);
  });

  it('hover on a party reference says who it is and what they answer for', async () => {
    const text = await hoverText('    owner: ana\n    boundary: escalate', 11);
    assert.ok(text);
    assert.match(text, /`ana` · member — Ana Silva/);
    assert.match(text, /role: lead · experience: expert/);
    assert.match(text, /owns decisions: `fee-changes`/);
    assert.match(text, /carries risks: `bank-outage`/);
    assert.match(text, /runs check-ins: `weekly-sync`/);
  });

  it('hover on a role or stakeholder reference describes it', async () => {
    const finance = (await hoverText('approver: finance', 11))!;
    assert.match(finance, /`finance` · stakeholder \(team\) — Finance team/);
    assert.match(finance, /- approves: `fee-changes`\n- receives escalations of: `fee-changes`/);
    assert.match((await hoverText('    role: lead', 11))!, /`lead` · role — Engineering lead[\s\S]*held by `ana` \(Ana Silva\)/);
  });

  it('hover on a milestone or decision reference shows what it is', async () => {
    const text = BASE_CHARTER.replace('    purpose: Progress', '    milestones: [pilot]\n    purpose: Progress');
    const other = uriOf(path.join(dir, 'hover.charter.yaml'));
    await client.open(other, text);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: other }, position: positionOf(text, 'milestones: [pilot]', 14) });
    assert.match((h.contents as MarkupContent).value, /`pilot` · milestone — Next-day payouts for pilot merchants[\s\S]*due 2027-02-15/);
    const d = await client.request<Hover>('textDocument/hover', { textDocument: { uri: other }, position: positionOf(text, 'decisions: [payout-batching]', 13) });
    assert.match((d.contents as MarkupContent).value, /`payout-batching` · decision — How payouts are batched/);
    await client.close(other);
  });

  it('hover answers null on blank lines and out-of-range positions, and plain text to a client without markdown', async () => {
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: lineOf('roles:') - 1, character: 0 } }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 9999, character: 9999 } }), null);
    const plainClient = await TestClient.start({ folders: [dir], capabilities: { ...MINIMAL_CAPABILITIES, textDocument: { ...MINIMAL_CAPABILITIES.textDocument, hover: { contentFormat: ['plaintext'] } } } });
    try {
      await plainClient.open(uri, BASE_CHARTER);
      const h = await plainClient.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at('    owner: ana\n    boundary: escalate', 11) });
      assert.equal((h.contents as MarkupContent).kind, 'plaintext');
      assert.match((h.contents as MarkupContent).value, /^ana · member — Ana Silva/);
    } finally {
      await plainClient.stop();
    }
  });

  it('go to definition jumps from a reference to the declaring id', async () => {
    const result = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at('consult: [ben]', 10) });
    assert.deepEqual(result, [{ uri, range: { start: at('- id: ben', 6), end: at('- id: ben', 9) } }]);
    const risk = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at('decisions: [payout-batching]', 13) });
    assert.equal(risk[0].range.start.line, lineOf('- id: payout-batching'));
    assert.deepEqual(await client.request('textDocument/definition', { textDocument: { uri }, position: at('scope: How payouts', 9) }), []);
  });

  it('find references lists every use of an id (and its declaration when asked)', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: at('- id: ben', 7), context: { includeDeclaration: true } });
    const lines = refs.map((r) => r.range.start.line).sort((a, b) => a - b);
    const expected = BASE_CHARTER.split('\n')
      .map((l, i) => (/\bben\b/.test(l) && !/Ben Okafor/.test(l) ? i : -1))
      .filter((i) => i >= 0);
    assert.deepEqual(lines, expected);
    const noDecl = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: at('- id: ben', 7), context: { includeDeclaration: false } });
    assert.equal(noDecl.length, refs.length - 1);
  });

  it('rename changes the id and every reference, keeping quoting; prepareRename names the id', async () => {
    const text = BASE_CHARTER.replace('    owner: ben\n    boundary: team', '    owner: "ben"\n    boundary: team');
    const doc = uriOf(path.join(dir, 'rename.charter.yaml'));
    await client.open(doc, text);
    const position = positionOf(text, 'participants: [ana, ben]', 21);
    const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: doc }, position });
    assert.equal(prepared.placeholder, 'ben');
    assert.deepEqual(prepared.range, { start: positionOf(text, 'participants: [ana, ben]', 20), end: positionOf(text, 'participants: [ana, ben]', 23) });
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: doc }, position, newName: 'benno' });
    assert.equal(edit.documentChanges, undefined);
    const after = applyEdits(text, edit.changes![doc]);
    assert.ok(!/\bben\b/.test(after.replace('Ben Okafor', '')), after);
    assert.match(after, /- id: benno\n/);
    assert.match(after, /owner: "benno"\n/);
    assert.match(after, /participants: \[ana, benno\]/);
    assert.deepEqual(lint(after, { today: TODAY }), lint(text, { today: TODAY }), 'no new findings');
    await client.close(doc);
  });

  it('prepareRename rejects keys and free text; rename rejects invalid and taken ids', async () => {
    assert.equal(await client.request('textDocument/prepareRename', { textDocument: { uri }, position: at('    scope: How payouts', 6) }), null);
    assert.equal(await client.request('textDocument/prepareRename', { textDocument: { uri }, position: at('scope: How payouts', 10) }), null);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri }, position: at('- id: ben', 7), newName: 'Ben Okafor' }), /not a valid id: use lowercase kebab-case, like "ben-okafor"/);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri }, position: at('- id: ben', 7), newName: 'finance' }), /"finance" is already the id of stakeholder "finance"/);
  });

  it('document symbols: sections, then entries with their scope or title', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['charter', 'team', 'mission', 'roles', 'members', 'stakeholders', 'priorities', 'intent', 'decisions', 'checkins', 'milestones', 'updates', 'risks'],
    );
    const decisions = symbols.find((s) => s.name === 'decisions')!;
    assert.deepEqual(
      decisions.children!.map((c) => [c.name, c.detail]),
      [
        ['payout-batching', 'How payouts are batched and scheduled'],
        ['fee-changes', 'Any change to merchant fees'],
      ],
    );
    assert.equal(decisions.children![0].selectionRange.start.line, lineOf('- id: payout-batching'));
    assert.equal(symbols.find((s) => s.name === 'members')!.children![0].detail, 'Ana Silva · lead');
  });

  it('document symbols are flat SymbolInformation for clients without hierarchy support', async () => {
    const flat = await TestClient.start({ folders: [dir], capabilities: { textDocument: {} } });
    try {
      await flat.open(uri, BASE_CHARTER);
      const symbols = await flat.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const fee = symbols.find((s) => s.name === 'fee-changes')!;
      assert.equal(fee.containerName, 'decisions');
      assert.equal(fee.location.uri, uri);
    } finally {
      await flat.stop();
    }
  });

  it('code lenses: what each member answers for, and each decision boundary', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const byLine = new Map(lenses.map((l) => [l.range.start.line, l.command?.title]));
    assert.equal(byLine.get(lineOf('- id: ana')), 'owns 1 decision · risk owner of 1 decision · carries 1 risk · in 1 check-in');
    assert.equal(byLine.get(lineOf('- id: ben')), 'owns 1 decision · risk owner of 1 decision · in 1 check-in');
    assert.equal(byLine.get(lineOf('- id: payout-batching')), 'boundary: team · decided by ben inside the team, no approval');
    assert.equal(byLine.get(lineOf('- id: fee-changes')), 'boundary: escalate · needs approval from finance');
    assert.equal(lenses.length, 4);
  });
});
