// Entry of dist/server.js (bin: team-charter-language-server). The transport comes from the
// command line: --stdio, --node-ipc, --socket=PORT or --pipe=NAME.
import v8 from 'node:v8';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { SERVER_NAME, SERVER_VERSION } from './protocol';
import { startServer } from './server';

const USAGE = `Usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The Team Charter language server: diagnostics, quick fixes, completion, hover and navigation
for team-charter.yaml and *.charter.yaml files. See docs/editor.md for editor setup.`;

const HEAP_GROWING_PERCENT = 20;

function main(argv: string[]): void {
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${SERVER_VERSION}\n`);
    return;
  }
  const transport = argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='));
  if (argv.includes('--help') || argv.includes('-h') || !transport) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = argv.includes('--help') || argv.includes('-h') ? 0 : 2;
    return;
  }
  // Each check re-parses the whole charter and leaves its garbage behind; the live data is small
  // (a few MB for 10,000 lines), so a lower heap growing factor keeps peak memory near it at a
  // small cost in speed (see docs/performance.md).
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const connection = createConnection(ProposedFeatures.all);
  // A bug must not take the editor's diagnostics down with it: log it and keep serving.
  process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e?.stack ?? e}`));
  process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
  startServer(connection);
}

main(process.argv.slice(2));
