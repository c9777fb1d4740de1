// The palette commands. "Fix all problems" asks the server to run its teamCharter.fixAll command
// directly (the server's own command id is registered by vscode-languageclient, so ours differs).
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { baseName, isCharterDocument, isCharterFileName } from './charter-files';
import { newCharterText, teamIdFrom } from './charter-template';
import { COMMANDS, SERVER_CHECK_ALL, SERVER_FIX_ALL } from './ids';
import type { CharterServer } from './server-client';


export function registerCommands(server: CharterServer, homeFolder?: vscode.Uri): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.newCharter, () => newCharter(homeFolder)),
    vscode.commands.registerCommand(COMMANDS.fixAll, (uri?: vscode.Uri) => fixAll(server, uri)),
    vscode.commands.registerCommand(COMMANDS.restartServer, () => restartServer(server)),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => server.output.show(true)),
    vscode.commands.registerCommand(COMMANDS.checkWorkspace, () => checkWorkspace(server)),
  ];
}

async function newCharter(homeFolder: vscode.Uri | undefined): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.length <= 1
    ? folders[0]
    : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder for the new team-charter.yaml' });
  if (folders.length > 1 && !folder) return;
  const base = folder?.uri ?? homeFolder;
  let target: vscode.Uri | undefined = base && vscode.Uri.joinPath(base, 'team-charter.yaml');
  if (!folder || !target || (await exists(target))) {
    // No folder, or never overwrite: ask where (the dialog itself confirms replacing a file).
    target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder.uri, `${teamIdFrom(baseName(folder.uri.path))}.charter.yaml`) : target,
      filters: { 'Team charter': ['yaml', 'yml'] },
      title: folder ? 'team-charter.yaml exists here: save the new charter as' : 'Save the new team charter as',
    });
    if (!target) return;
  }
  // The team is named after the folder the charter lives in.
  const teamId = teamIdFrom(baseName(vscode.Uri.joinPath(target, '..').path));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(newCharterText(teamId, new Date())));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  if (!isCharterFileName(target.path)) {
    void vscode.window.showWarningMessage(`Team Charter checks files named team-charter.yaml or <name>.charter.yaml; rename ${baseName(target.path)} to have it checked.`);
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function fixAll(server: CharterServer, uri?: vscode.Uri): Promise<void> {
  const doc = uri
    ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
    : vscode.window.activeTextEditor?.document;
  if (!doc || !isCharterDocument(doc)) {
    void vscode.window.showInformationMessage('Team Charter: open a team-charter.yaml (or *.charter.yaml) file to fix its problems.');
    return;
  }
  const client = await server.start();
  if (!client) {
    void vscode.window.showWarningMessage('Team Charter is disabled (teamCharter.enable) or its server is not running.');
    return;
  }
  try {
    await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_FIX_ALL, arguments: [doc.uri.toString()] });
  } catch (error) {
    void vscode.window.showErrorMessage(`Team Charter: fixing all problems failed: ${(error as Error).message ?? error}`);
  }
}

async function restartServer(server: CharterServer): Promise<void> {
  if (!(await server.restart())) {
    void vscode.window.showWarningMessage('Team Charter did not start: it is disabled (teamCharter.enable) or failed; see "Team Charter: Show output".');
  }
}

/** Every charter of the workspace in the Problems panel, kept current until the server restarts. */
async function checkWorkspace(server: CharterServer): Promise<void> {
  const client = await server.start();
  if (!client) {
    void vscode.window.showWarningMessage('Team Charter is disabled (teamCharter.enable) or its server is not running.');
    return;
  }
  let result: unknown;
  try {
    result = await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_CHECK_ALL, arguments: [] });
  } catch (error) {
    void vscode.window.showErrorMessage(`Team Charter: checking the workspace failed: ${(error as Error).message ?? error}`);
    return;
  }
  const count = (result as { charters?: number } | null)?.charters ?? 0;
  void vscode.window.setStatusBarMessage(`Team Charter: checking ${count} charter${count === 1 ? '' : 's'} in the workspace`, 5000);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}
