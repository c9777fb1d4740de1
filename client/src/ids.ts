// Names shared by the manifest (package.json), the client and the server contract. No vscode
// import here, so unit tests can check the manifest against them.

export const CLIENT_ID = 'teamCharter'; // also makes vscode-languageclient honour teamCharter.trace.server
export const SETTINGS_SECTION = 'teamCharter';
export const DIAGNOSTIC_SOURCE = 'team-charter';
/** To the server: which kinds of config file the editor checks with the config schema itself (server/src/lsp/protocol.ts). */
export const CONFIG_SCHEMA_NOTIFICATION = 'teamCharter/configFileSchema';

/** Palette commands the client registers (titles and categories are in package.json). */
export const COMMANDS = {
  newCharter: 'teamCharter.newCharter',
  fixAll: 'teamCharter.fixAllProblems',
  restartServer: 'teamCharter.restartServer',
  showOutput: 'teamCharter.showOutput',
  showDecisionMap: 'teamCharter.showDecisionMap',
  checkWorkspace: 'teamCharter.checkWorkspace',
} as const;

/**
 * The server's LSP command (workspace/executeCommand, argument: the document uri) that applies
 * every safe fix. vscode-languageclient registers it as a VS Code command itself, so the palette
 * command has a different id and sends the request directly.
 */
export const SERVER_FIX_ALL = 'teamCharter.fixAll';

/** The server's command that publishes every charter of the workspace's sets (server/src/lsp/protocol.ts). */
export const SERVER_CHECK_ALL = 'teamCharter.checkAllCharters';
