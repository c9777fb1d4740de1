// Names and file patterns shared by the server shell and the modules it loads lazily. Nothing here
// imports the engine, so the shell can answer `initialize` before the engine is loaded.

declare const __VERSION__: string | undefined;
export const SERVER_NAME = 'team-charter-language-server';
export const SERVER_VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export const SETTINGS_SECTION = 'teamCharter';
export const FIX_ALL_COMMAND = 'teamCharter.fixAll';
export const FIX_ALL_KIND = 'source.fixAll.team-charter';
export const FIX_ALL_TITLE = 'Fix all safe problems';
/** Sent after the diagnostics of a document version were published: `{ uri, version }`. */
export const VALIDATED_NOTIFICATION = 'teamCharter/validated';
export const CONFIG_FILE_PATTERN = '**/.charterrc.{yaml,yml,json}';
/** Charter files, one flat brace group (VS Code's glob matcher does not expand nested braces). */
export const CHARTER_FILE_PATTERN = '**/{team-charter.yaml,team-charter.yml,*.charter.yaml,*.charter.yml}';
/** The server's command (workspace/executeCommand) that publishes every charter of the workspace's sets from now on. */
export const CHECK_ALL_COMMAND = 'teamCharter.checkAllCharters';
/** From the client: which kinds of config file the editor checks with the config schema itself, `{ json?, yaml? }`. */
export const CONFIG_SCHEMA_NOTIFICATION = 'teamCharter/configFileSchema';

/** `team-charter.yaml`, `team-charter.yml`, `<name>.charter.yaml`, `<name>.charter.yml`. */
export function isCharterUri(uri: string): boolean {
  const last = uri.split(/[/\\:]/).pop() ?? '';
  let name: string;
  try {
    name = decodeURIComponent(last.split(/[?#]/)[0]);
  } catch {
    return false;
  }
  return /^team-charter\.ya?ml$/.test(name) || /^.+\.charter\.ya?ml$/.test(name);
}

export function isConfigFileUri(uri: string): boolean {
  return /(^|\/)\.charterrc\.(ya?ml|json)$/.test(uri);
}
