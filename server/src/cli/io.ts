// The CLI's view of the outside world, so commands can be tested in-process too.
import { escapeTerminal, terminalLine } from './formats/escape-terminal';
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** True when stdout is a terminal (colour allowed). */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** The system date, YYYY-MM-DD (local time); the CLI's default for --today. */
  today(): string;
}

export function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    // Notices name files and quote their errors: no character of theirs may drive the terminal.
    stderr: (t) => void process.stderr.write(t.replace(/[^\n]+/g, escapeTerminal)),
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    today: () => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    },
  };
}

/** Colour when stdout is a terminal and NO_COLOR is unset or empty; FORCE_COLOR (not 0/false) forces it. */
export function useColor(io: Pick<CliIO, 'isTTY' | 'env'>): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR) return false;
  return io.isTTY && io.env.TERM !== 'dumb';
}

/** Writes `team-charter: MESSAGE` to stderr on one escaped line (a file name cannot start a line or steer the terminal). */
export function stderrLine(io: Pick<CliIO, 'stderr'>): (message: string) => void {
  return (message) => io.stderr(`team-charter: ${terminalLine(message)}\n`);
}
