import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, fixAll, lint } from '../../server/src/lint';
import { BASE_CHARTER, MISSING_OWNER, TODAY, TestClient, tempDir, uriOf } from './client';

/** Three findings with safe fixes: risk-owner-missing, cadence-invalid, unused-suppression. */
// Three safe fixes: a reference in the wrong letter case, a misspelt cadence, an unused suppression.
const SAFE_FIXABLE = BASE_CHARTER.replace(' and scheduled\n    owner: ben\n', ' and scheduled\n    owner: Ben\n')
  .replace('    cadence: weekly\n    owner: ana', '    cadence: weekyl\n    owner: ana')
  .replace('mission: Merchants', '# charter-disable-next-line owner-missing\nmission: Merchants');

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  assert.ok(action.edit?.changes, `"${action.title}" has WorkspaceEdit.changes`);
  assert.equal(action.edit.documentChanges, undefined);
  return action.edit.changes[uri];
}

describe('language server: code actions', function () {
  let client: TestClient;
  let dir: string;
  let n = 0;
  const fresh = () => uriOf(path.join(dir, `case-${++n}.charter.yaml`));
  before(async () => {
    dir = tempDir();
    client = await TestClient.start({ folders: [dir] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openWith(text: string, rule: string): Promise<{ uri: string; diagnostic: Diagnostic }> {
    const uri = fresh();
    await client.open(uri, text);
    const published = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === rule));
    return { uri, diagnostic: published.diagnostics.find((d) => d.code === rule)! };
  }

  const actionsFor = (uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });

  it("offers every fix of a finding as a quickfix, and applying one removes the finding", async () => {
    const { uri, diagnostic } = await openWith(MISSING_OWNER, 'owner-missing');
    const actions = await actionsFor(uri, diagnostic.range, [diagnostic]);
    const engineFixes = lint(MISSING_OWNER, { today: TODAY }).find((f) => f.rule === 'owner-missing')!.fixes;
    const quickfixes = actions.filter((a) => a.kind === 'quickfix' && !a.title.startsWith('Disable'));
    assert.deepEqual(quickfixes.map((a) => a.title), engineFixes.map((f) => f.title));
    assert.match(quickfixes[0].title, /ana/, 'sets the owner to the lead');
    assert.deepEqual(quickfixes[0].diagnostics, [diagnostic]);
    client.applyWorkspaceEdit(quickfixes[0].edit!);
    const after = await client.diagnostics(uri);
    assert.ok(!after.diagnostics.some((d) => d.code === 'owner-missing'));
    assert.match(client.text(uri), /risk_owner: ben\n {4}owner: ana\n/);
  });

  it('finds the finding from diagnostic data even when the range is a byte-column cursor (Neovim 0.7)', async () => {
    // Non-ASCII text before the finding on its line makes byte and UTF-16 columns differ.
    const inline = MISSING_OWNER.replace('  - id: payout-batching\n    scope: How payouts are batched and scheduled\n    boundary: team\n    risk_owner: ben', '  - { x-note: "größe", id: payout-batching, scope: How payouts are batched and scheduled, boundary: team, risk_owner: ben }');
    assert.notEqual(inline, MISSING_OWNER);
    const { uri, diagnostic } = await openWith(inline, 'owner-missing');
    const line = inline.split('\n')[diagnostic.range.start.line];
    const byteColumn = Buffer.byteLength(line.slice(0, diagnostic.range.start.character));
    assert.ok(byteColumn > diagnostic.range.start.character);
    const cursor = { line: diagnostic.range.start.line, character: byteColumn };
    const asNeovimSendsIt = { ...diagnostic, range: { start: cursor, end: { line: cursor.line, character: byteColumn + 15 } } };
    const actions = await actionsFor(uri, { start: cursor, end: cursor }, [asNeovimSendsIt]);
    assert.ok(actions.some((a) => a.title.includes('ana') && a.kind === 'quickfix'), JSON.stringify(actions.map((a) => a.title)));
  });

  it('falls back to rule and line when a client drops diagnostic data', async () => {
    const { uri, diagnostic } = await openWith(MISSING_OWNER, 'owner-missing');
    const { data: _dropped, ...withoutData } = diagnostic;
    const actions = await actionsFor(uri, diagnostic.range, [withoutData as Diagnostic]);
    assert.ok(actions.some((a) => /ana/.test(a.title)));
  });

  it('without diagnostic data, picks the finding at a byte column among two of the same rule on one line', async () => {
    // Multi-byte text before both references: the first one's byte column is nearer the second one's UTF-16 column.
    const text = BASE_CHARTER.replace('  - id: payout-batching\n    scope: How payouts are batched and scheduled\n    owner: ben\n    boundary: team\n    risk_owner: ben', '  - { id: payout-batching, scope: 日本語のチーム, owner: zed, consult: [zoe], boundary: team, risk_owner: ben }');
    assert.notEqual(text, BASE_CHARTER);
    const uri = fresh();
    await client.open(uri, text);
    const published = await client.diagnostics(uri, (p) => p.diagnostics.filter((d) => d.code === 'unknown-reference').length === 2);
    const [first, second] = published.diagnostics.filter((d) => d.code === 'unknown-reference').sort((a, b) => a.range.start.character - b.range.start.character);
    assert.equal(first.range.start.line, second.range.start.line);
    const lineText = text.split('\n')[first.range.start.line];
    const byteColumn = Buffer.byteLength(lineText.slice(0, first.range.start.character));
    assert.ok(Math.abs(byteColumn - second.range.start.character) < Math.abs(byteColumn - first.range.start.character), 'the case this test is about');
    const { data: _dropped, ...bare } = first;
    const cursor = { line: first.range.start.line, character: byteColumn };
    const actions = await actionsFor(uri, { start: cursor, end: cursor }, [{ ...bare, range: { start: cursor, end: cursor } } as Diagnostic]);
    const fixes = actions.filter((a) => a.kind === 'quickfix' && !a.title.startsWith('Disable'));
    assert.ok(fixes.length > 0);
    assert.ok(fixes.every((a) => /zed/.test(a.title) || a.edit?.changes?.[uri]?.some((e) => e.range.start.character === first.range.start.character)), JSON.stringify(fixes.map((a) => a.title)));
  });

  it('answers a request without diagnostics with the fixes of findings on the requested lines', async () => {
    const { uri, diagnostic } = await openWith(MISSING_OWNER, 'owner-missing');
    const onLine = await actionsFor(uri, { start: diagnostic.range.start, end: diagnostic.range.start }, []);
    assert.ok(onLine.some((a) => /ana/.test(a.title)));
    const elsewhere = await actionsFor(uri, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, []);
    assert.ok(!elsewhere.some((a) => a.kind === 'quickfix'));
  });

  it('"Disable <rule> for this line" inserts a suppression comment above, indented like the line', async () => {
    const { uri, diagnostic } = await openWith(MISSING_OWNER, 'owner-missing');
    const actions = await actionsFor(uri, diagnostic.range, [diagnostic]);
    const disable = actions.find((a) => a.title === 'Disable owner-missing for this line');
    assert.ok(disable);
    assert.equal(disable.kind, 'quickfix');
    const edits = editsOf(disable, uri);
    assert.equal(edits.length, 1);
    client.applyWorkspaceEdit(disable.edit!);
    const after = await client.diagnostics(uri);
    assert.ok(!after.diagnostics.some((d) => d.code === 'owner-missing' || d.code === 'unused-suppression'), JSON.stringify(after.diagnostics));
    assert.match(client.text(uri), /\ndecisions:\n {2}# charter-disable-next-line owner-missing\n {2}- id: payout-batching\n/);
  });

  it('"Disable <rule> for this line" merges into a suppression comment already above the line', async () => {
    const text = MISSING_OWNER.replace('  - id: payout-batching', '  # charter-disable-next-line scope-missing -- scope comes later\n  - id: payout-batching').replace('    scope: How payouts are batched and scheduled\n', '');
    const { uri, diagnostic } = await openWith(text, 'owner-missing');
    const actions = await actionsFor(uri, diagnostic.range, [diagnostic]);
    const disable = actions.find((a) => a.title === 'Disable owner-missing for this line')!;
    const edits = editsOf(disable, uri);
    assert.equal(edits[0].range.start.line, diagnostic.range.start.line - 1);
    client.applyWorkspaceEdit(disable.edit!);
    const after = await client.diagnostics(uri);
    assert.match(client.text(uri), /# charter-disable-next-line scope-missing, owner-missing -- scope comes later\n/);
    assert.ok(!after.diagnostics.some((d) => ['owner-missing', 'scope-missing', 'unused-suppression'].includes(String(d.code))), JSON.stringify(after.diagnostics));
  });

  it('"Disable <rule> for this line" inserts a new comment when the text above only looks like a directive', async () => {
    // The line above the finding is block-scalar text, not a comment: merging into it would change the scope.
    const text = BASE_CHARTER.replace('    scope: How payouts are batched and scheduled\n    owner: ben\n    boundary: team\n    risk_owner: ben', '    owner: ben\n    boundary: team\n    scope: |\n      # charter-disable-next-line scope-overlap\n    risk_owner: zed');
    assert.notEqual(text, BASE_CHARTER);
    const { uri, diagnostic } = await openWith(text, 'unknown-reference');
    assert.equal(text.split('\n')[diagnostic.range.start.line], '    risk_owner: zed');
    const actions = await actionsFor(uri, diagnostic.range, [diagnostic]);
    const disable = actions.find((a) => a.title === 'Disable unknown-reference for this line');
    assert.ok(disable, JSON.stringify(actions.map((a) => a.title)));
    client.applyWorkspaceEdit(disable.edit!);
    const after = await client.diagnostics(uri);
    assert.ok(client.text(uri).includes('    scope: |\n      # charter-disable-next-line scope-overlap\n    # charter-disable-next-line unknown-reference\n    risk_owner: zed\n'), client.text(uri));
    assert.ok(!after.diagnostics.some((d) => d.code === 'unknown-reference' || d.code === 'unused-suppression'), JSON.stringify(after.diagnostics));
  });

  it('"Disable <rule> for the entire file" adds a charter-disable comment on line 1', async () => {
    const { uri, diagnostic } = await openWith(MISSING_OWNER, 'owner-missing');
    const actions = await actionsFor(uri, diagnostic.range, [diagnostic]);
    const disable = actions.find((a) => a.title === 'Disable owner-missing for the entire file')!;
    client.applyWorkspaceEdit(disable.edit!);
    const after = await client.diagnostics(uri);
    assert.ok(client.text(uri).startsWith('# charter-disable owner-missing\n'));
    assert.ok(!after.diagnostics.some((d) => d.code === 'owner-missing'));
  });

  it('"Fix all safe problems" (source.fixAll.team-charter) applies every safe fix with minimal edits', async () => {
    const { uri } = await openWith(SAFE_FIXABLE, 'cadence-invalid');
    const actions = await actionsFor(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.team-charter']);
    assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
    const fixAllAction = actions[0];
    assert.equal(fixAllAction.kind, 'source.fixAll.team-charter');
    assert.match(fixAllAction.title, /^Fix all safe problems/);
    const edits = editsOf(fixAllAction, uri);
    assert.ok(edits.length >= 3, 'one edit per change, not one whole-document replacement');
    for (const e of edits) assert.ok(e.range.end.line - e.range.start.line <= 1, `edit spans lines ${e.range.start.line}-${e.range.end.line}`);
    assert.equal(applyEdits(SAFE_FIXABLE, edits), fixAll(SAFE_FIXABLE, { today: TODAY }).text);
    client.applyWorkspaceEdit(fixAllAction.edit!);
    const after = await client.diagnostics(uri);
    assert.deepEqual(after.diagnostics.map((d) => d.code), []);
    assert.equal(client.text(uri), BASE_CHARTER);
  });

  it('source.fixAll is also offered to a request for the generic "source" kind, and not for quickfix only', async () => {
    const { uri } = await openWith(SAFE_FIXABLE, 'cadence-invalid');
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.deepEqual((await actionsFor(uri, range, [], ['source'])).map((a) => a.kind), ['source.fixAll.team-charter']);
    assert.ok(!(await actionsFor(uri, range, [], ['quickfix'])).some((a) => a.kind === 'source.fixAll.team-charter'));
  });

  it('the teamCharter.fixAll command applies the same edit through workspace/applyEdit', async () => {
    const { uri } = await openWith(SAFE_FIXABLE, 'cadence-invalid');
    const result = await client.request<{ applied: boolean; fixed: number }>('workspace/executeCommand', { command: 'teamCharter.fixAll', arguments: [uri] });
    assert.equal(result.applied, true);
    assert.ok(result.fixed >= 3);
    await client.until('the edit applied', () => (client.text(uri) === fixAll(SAFE_FIXABLE, { today: TODAY }).text ? true : undefined));
    const after = await client.diagnostics(uri);
    assert.deepEqual(after.diagnostics, []);
  });

  it('keeps CRLF line endings in the edits it sends', async () => {
    const crlf = MISSING_OWNER.replace(/\n/g, '\r\n');
    const { uri, diagnostic } = await openWith(crlf, 'owner-missing');
    const actions = await actionsFor(uri, diagnostic.range, [diagnostic]);
    for (const a of actions.filter((x) => x.kind === 'quickfix')) {
      const text = editsOf(a, uri).map((e) => e.newText).join('');
      assert.ok(!/[^\r]\n/.test(text), `"${a.title}" inserts a bare LF: ${JSON.stringify(text)}`);
    }
  });
});
