// `team-charter` command: dispatches to lint, diff, report and init.
import { runLint } from './lint';
import { runDiff } from './diff';
import { runInit } from './init';
import type { CliIO } from './io';
import { processIO } from './io';

const USAGE = `Usage: team-charter <command> [options]

Commands:
  lint [PATH…]          check charters (files or folders; default .)
  diff BASE HEAD        review a charter change (or: diff --git REF [PATH…])
  report [PATH…]        draw charters as a decision-rights matrix, check-in calendar and
                        organisation view (html, markdown or mermaid)
  init [PATH]           write a starter charter

Run "team-charter <command> --help" for the options of a command.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint':
      return runLint(rest, io);
    case 'diff':
      return runDiff(rest, io);
    case 'report':
      // Loaded on use: lint's start-up does not pay for the renderers and the graph layout.
      return (require('./report') as typeof import('./report')).runReport(rest, io);
    case 'init':
      return runInit(rest, io);
    case '--version':
    case '-v':
      io.stdout(`${VERSION}\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout(USAGE + '\n');
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`team-charter: unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

/** Runs the command line of this process (called by bin/team-charter.js). */
export function cliMain(): void {
  // `team-charter lint | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`team-charter: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
