// Placeholder: replaced by the real `init` command.
import type { CliIO } from './io';

export async function runInit(_args: string[], io: CliIO): Promise<number> {
  io.stderr('team-charter init: not implemented yet\n');
  return 2;
}
