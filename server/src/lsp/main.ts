// Entry of dist/server.js (bin: team-charter-language-server). The transport comes from the
// command line: --stdio, --node-ipc, --socket=PORT or --pipe=NAME.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { SERVER_NAME, SERVER_VERSION } from './protocol';
import { startServer } from './server';

const USAGE = `Usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The Team Charter language server: diagnostics, quick fixes, completion, hover and navigation
for team-charter.yaml and *.charter.yaml files. See docs/editor.md for editor setup.`;

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
  const connection = createConnection(ProposedFeatures.all);
  // A bug must not take the editor's diagnostics down with it: log it and keep serving.
  process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e?.stack ?? e}`));
  process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
  startServer(connection);
}

main(process.argv.slice(2));
