// The extension in a real VS Code, through VS Code's own API: what a user gets from opening the
// e2e fixture charter (test/e2e/workspace/team-charter.yaml, copied by ../workspace.ts).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { teamIdFrom } from '../../../client/src/charter-template';
import { WORKSPACE_FILES } from '../workspace';

const EXTENSION_ID = 'team-charter.team-charter';

async function until<T>(probe: () => T | undefined | false | null | Thenable<T | undefined | false | null>, what: string, timeout = 20000): Promise<T> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function fileUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(name)));
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'team-charter');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const lineOf = (doc: vscode.TextDocument, re: RegExp) => {
  for (let i = 0; i < doc.lineCount; i++) if (re.test(doc.lineAt(i).text)) return i;
  throw new Error(`no line matches ${re}`);
};

describe('Team Charter in VS Code', function () {
  let editor: vscode.TextEditor;
  let doc: vscode.TextDocument;

  before(async () => {
    editor = await open(WORKSPACE_FILES.editing);
    doc = editor.document;
  });

  it('activates when a charter is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await until(() => ext.isActive, 'the extension to activate');
  });

  it('reports findings with rule ids that link to their docs', async () => {
    const diagnostics = await until(() => ours(doc.uri).length >= 4 && ours(doc.uri), 'diagnostics');
    const codes = diagnostics.map(codeOf).sort();
    assert.deepEqual(codes, ['cadence-invalid', 'owner-missing', 'owner-placeholder', 'schema-unknown-key']);
    for (const d of diagnostics) {
      assert.equal(typeof d.code, 'object', 'the code carries a docs link');
      const target = (d.code as { target: vscode.Uri }).target.toString();
      assert.match(target, new RegExp(`docs/rules/${codeOf(d)}\\.md$`));
    }
    const owner = diagnostics.find((d) => codeOf(d) === 'owner-missing')!;
    assert.match(owner.message, /decision "vendor-choice" has no owner/);
    assert.equal(owner.range.start.line, lineOf(doc, /- id: vendor-choice/), 'points at the decision id');
  });

  it('offers quick fixes that set the owner to the lead, and applying one changes the file', async () => {
    const owner = ours(doc.uri).find((d) => codeOf(d) === 'owner-missing')!;
    // Asked again for a few seconds: once in CI the first answer, right after the first
    // diagnostics, was empty (not seen in local runs); a user pressing Ctrl+. again gets the fix.
    let offered: vscode.CodeAction[] = [];
    const fix = await until(async () => {
      offered = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, owner.range, vscode.CodeActionKind.QuickFix.value);
      return offered.find((a) => /Set owner to "?ana"?/.test(a.title));
    }, 'the quick fix that sets the owner', 5000).catch(() => undefined);
    assert.ok(fix, `quick fixes offered: ${offered.map((a) => a.title).join(' | ')}`);
    if (fix.edit) await vscode.workspace.applyEdit(fix.edit);
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    const entry = doc.getText().split('- id: vendor-choice')[1].split('  - id:')[0];
    assert.match(entry, /\n {4}owner: ana\n/);
    await until(() => !ours(doc.uri).some((d) => codeOf(d) === 'owner-missing'), 'owner-missing to go away');
  });

  it('completes party ids in a party field', async () => {
    const line = lineOf(doc, /^ {4}owner: ana$/);
    const at = new vscode.Position(line, '    owner: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const id of ['ana', 'ben', 'finance']) assert.ok(labels.includes(id), `${id} in ${labels.join(', ')}`);
  });

  it('shows the schema description when hovering a key', async () => {
    const line = lineOf(doc, /^ {4}boundary: escalate$/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 6));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /decided inside the team without approval/);
  });

  it('goes from a reference to the member it names', async () => {
    const line = lineOf(doc, /^ {4}owner: ben$/);
    const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', doc.uri, new vscode.Position(line, 12));
    const target = found.map((l) => ('targetRange' in l ? l.targetRange : l.range))[0];
    assert.ok(target, 'a definition is found');
    assert.equal(target.start.line, lineOf(doc, /^ {2}- id: ben$/));
  });

  it('renames a member and every reference to it', async () => {
    const count = (id: string) => (doc.getText().match(new RegExp(`(?<![\\w-])${id}(?![\\w-])`, 'g')) ?? []).length;
    const before = count('ben');
    const line = lineOf(doc, /^ {2}- id: ben$/);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, new vscode.Position(line, 9), 'benedikt');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(count('ben'), 0);
    assert.equal(count('benedikt'), before);
  });

  it('applies the safe fixes, and only those, on save with codeActionsOnSave', async () => {
    await vscode.workspace.getConfiguration('editor', doc).update('codeActionsOnSave', { 'source.fixAll.team-charter': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.save');
    await until(() => /^vision: /m.test(doc.getText()) && /cadence: weekly\n/.test(doc.getText()), 'vision: and cadence: weekly');
    assert.ok(!doc.isDirty, 'saved');
    assert.match(doc.getText(), /owner: the team/, 'the unsafe owner-placeholder fix is not applied');
    assert.match(doc.getText(), /# cadence-invalid \(safe fix: weekly; applied on save\)/, 'comments survive');
  });

  it('"Team Charter: Fix all problems" applies the safe fixes to the active charter', async () => {
    const other = (await open(WORKSPACE_FILES.fixAll)).document;
    await until(() => ours(other.uri).length > 0, 'diagnostics of the second charter');
    await vscode.commands.executeCommand('teamCharter.fixAllProblems');
    await until(() => /^vision: /m.test(other.getText()) && /cadence: weekly\n/.test(other.getText()), 'the safe fixes');
    assert.match(other.getText(), /owner: the team/);
    assert.ok(other.getText().includes('vendor-choice'), 'the rest of the file is kept');
    assert.ok(await other.save());
  });

  it('"Team Charter: New charter" writes a starter named after the folder with only placeholder findings', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const target = fileUri(WORKSPACE_FILES.editing);
    await vscode.workspace.fs.delete(target);
    await vscode.commands.executeCommand('teamCharter.newCharter');
    const editor = await until(() => vscode.window.activeTextEditor?.document.uri.toString() === target.toString() && vscode.window.activeTextEditor, 'the new charter in an editor');
    const folderName = vscode.workspace.workspaceFolders![0].name;
    // The deleted file's model may linger for a moment; the editor then reloads it from disk.
    const starter = new RegExp(`^team:\\n  id: ${teamIdFrom(folderName)}$`, 'm');
    await until(() => starter.test(editor.document.getText()), `"team:\\n  id: ${teamIdFrom(folderName)}" in the new charter`);
    assert.ok(!editor.document.isDirty, 'written to disk');
    // The deleted file's findings stay until the new text is checked: wait for the new ones.
    const codes = () => [...new Set(ours(target).map(codeOf))];
    await until(() => codes().join() === 'placeholder-text', 'only placeholder-text findings', 10000).catch(() => assert.deepEqual(codes(), ['placeholder-text']));
  });

  it('teamCharter.enable: false stops checking, and true brings the findings back', async () => {
    doc = (await open(WORKSPACE_FILES.fixAll)).document;
    await until(() => ours(doc.uri).length > 0, 'diagnostics before disabling');
    const settings = () => vscode.workspace.getConfiguration('teamCharter');
    await settings().update('enable', false, vscode.ConfigurationTarget.Workspace);
    await until(() => ours(doc.uri).length === 0, 'no diagnostics while disabled');
    await settings().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await until(() => ours(doc.uri).some((d) => codeOf(d) === 'owner-placeholder'), 'diagnostics after enabling');
  });

  it('"Team Charter: Restart server" brings diagnostics back', async () => {
    await vscode.commands.executeCommand('teamCharter.restartServer');
    await until(() => ours(doc.uri).some((d) => codeOf(d) === 'owner-placeholder'), 'diagnostics after the restart');
    assert.ok(!ours(doc.uri).some((d) => codeOf(d) === 'cadence-invalid'), 'the restarted server checks the fixed text');
  });
});
