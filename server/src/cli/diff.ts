// Placeholder: replaced by the real `diff` command.
import type { CliIO } from './io';

export async function runDiff(_args: string[], io: CliIO): Promise<number> {
  io.stderr('team-charter diff: not implemented yet\n');
  return 2;
}
