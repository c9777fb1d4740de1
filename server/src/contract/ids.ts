// Names the extension manifest (package.json), the client and the server share: the settings
// section, commands, the diagnostic source and the custom notifications. Nothing here imports
// anything, so the client bundle and the server shell take nothing else from the server.

/** The settings section (`teamCharter.*`) and the language client's id (which makes it honour `teamCharter.trace.server`). */
export const SETTINGS_SECTION = 'teamCharter';
export const CLIENT_ID = 'teamCharter';
/** `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'team-charter';
/** `serverInfo.name` of the language server (also its command name). */
export const SERVER_NAME = 'team-charter-language-server';

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
 * The server's command (workspace/executeCommand, argument: the document uri) that applies every
 * safe fix. vscode-languageclient registers a server's commands as VS Code commands itself, so the
 * palette command (COMMANDS.fixAll) has a different id and sends the request directly.
 */
export const FIX_ALL_COMMAND = 'teamCharter.fixAll';
/** The server's command that publishes every charter of the workspace's sets from now on; answers `{ charters }`. */
export const CHECK_ALL_COMMAND = 'teamCharter.checkAllCharters';
/** The code action kind of "Fix all safe problems". */
export const FIX_ALL_KIND = 'source.fixAll.team-charter';

/** Server → client, after the diagnostics of a document version were published: `{ uri, version }`. */
export const VALIDATED_NOTIFICATION = 'teamCharter/validated';
/** Client → server: which kinds of config file the editor checks with the config schema itself, `{ json?, yaml? }`. */
export const CONFIG_SCHEMA_NOTIFICATION = 'teamCharter/configFileSchema';
