// The ids the client uses, all from the contract the server and the manifest share
// (server/src/contract/ids.ts). No vscode import here, so unit tests can check the manifest against them.
export {
  CHECK_ALL_COMMAND as SERVER_CHECK_ALL,
  CLIENT_ID,
  COMMANDS,
  CONFIG_SCHEMA_NOTIFICATION,
  DIAGNOSTIC_SOURCE,
  FIX_ALL_COMMAND as SERVER_FIX_ALL,
  SETTINGS_SECTION,
} from '../../server/src/contract/ids';
