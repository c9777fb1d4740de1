// Entry of dist/server.js (bin: team-charter-language-server). The transport comes from the
// command line: --stdio, --node-ipc, --socket=PORT or --pipe=NAME.
import v8 from 'node:v8';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { SERVER_NAME, SERVER_VERSION } from './protocol';
import { startServer } from './server';

const USAGE = `Usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The Team Charter language server: diagnostics, quick fixes, completion, hover and navigation
for team-charter.yaml and *.charter.yaml files. See docs/editor.md for editor setup.`;


const GC_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=20'];

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
  // Each check re-parses the whole charter and leaves its garbage behind, while the data it keeps
  // is small (a few MB for 10,000 lines). A young generation that does not grow and a low heap
  // growing factor keep peak memory near that: at 10,000 lines about 96 MiB, against 128 without
  // the first flag and about 200 without either, for slower big checks (keystroke p50 at 10,000
  // lines 104 against 82 ms; docs/performance.md). Both are read by V8 as the heap resizes.
  for (const flag of GC_FLAGS) v8.setFlagsFromString(flag);
  const connection = createConnection(ProposedFeatures.all);
  // A bug must not take the editor's diagnostics down with it: log it and keep serving.
  process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e?.stack ?? e}`));
  process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
  // Loaded with the runtime, after `initialize` is answered (the host brings the engine with it).
  startServer(connection, () => (require('./node-platform') as typeof import('./node-platform')).nodePlatform());
}

main(process.argv.slice(2));
