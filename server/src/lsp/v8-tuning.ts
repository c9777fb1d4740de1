// Sets SERVER_V8_FLAGS on this process when it runs on plain Node (an editor other than VS Code
// started it with `node`). Imported first by main.ts, so module loading already runs with them.
// Electron may have frozen V8's flags after start-up (changing them then is fatal), so there the
// flags come only from the command line (the VS Code client passes them).
import v8 from 'node:v8';
import { SERVER_V8_FLAGS, v8FlagsToSet } from '../contract/server-process';

if (!process.versions.electron) {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  for (const flag of v8FlagsToSet(SERVER_V8_FLAGS, given)) v8.setFlagsFromString(flag);
}
