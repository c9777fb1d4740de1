// Names and file patterns the server shell and the modules it loads lazily use: the shared ones
// come from contract/ (one definition for the client, the server and the CLI), the server's own
// are here. Nothing here imports the engine, so the shell can answer `initialize` before loading it.
export {
  CHARTER_FILE_PATTERN,
  CHECK_ALL_COMMAND,
  CONFIG_FILE_PATTERN,
  CONFIG_SCHEMA_NOTIFICATION,
  FIX_ALL_COMMAND,
  FIX_ALL_KIND,
  SERVER_NAME,
  SETTINGS_SECTION,
  VALIDATED_NOTIFICATION,
  isCharterUri,
  isConfigFileUri,
} from '../contract';

declare const __VERSION__: string | undefined;
export const SERVER_VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
export { FIX_ALL_TITLE } from '../service/titles';
