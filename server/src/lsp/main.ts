// Entry of dist/server.js (bin: team-charter-language-server). The transport comes from the
// command line: --stdio, --node-ipc, --socket=PORT or --pipe=NAME.
import './v8-tuning';
import { ConnectionError, ProposedFeatures, createConnection } from 'vscode-languageserver/node';
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
  // A bug must not take the editor's diagnostics down with it: log it and keep serving. A client
  // that went away (its end of the pipe closed while we wrote) leaves no one to serve or to tell:
  // exit at once and quietly, as the library does when our input closes (1: no shutdown came).
  const failed = (what: string) => (e: unknown) => {
    if (isDisconnect(e)) process.exit(1);
    try {
      connection.console.error(`${what}: ${(e as Error)?.stack ?? e}`);
    } catch {
      process.exit(1);
    }
  };
  process.on('uncaughtException', failed('uncaught'));
  process.on('unhandledRejection', failed('unhandled rejection'));
  if (argv.includes('--stdio')) process.stdout.on('error', failed('stdout'));
  // Loaded with the runtime, after `initialize` is answered (the host brings the engine with it).
  startServer(connection, () => (require('./node-platform') as typeof import('./node-platform')).nodePlatform());
}

/** The connection or its stream is closed: the client is gone. */
function isDisconnect(e: unknown): boolean {
  if (e instanceof ConnectionError) return true;
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DISCONNECT_CODES.has(code);
}
const DISCONNECT_CODES = new Set(['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'ERR_IPC_CHANNEL_CLOSED']);

main(process.argv.slice(2));
