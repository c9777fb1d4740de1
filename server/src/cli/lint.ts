// Placeholder: replaced by the real `lint` command.
import type { CliIO } from './io';

export async function runLint(_args: string[], io: CliIO): Promise<number> {
  io.stderr('team-charter lint: not implemented yet\n');
  return 2;
}
