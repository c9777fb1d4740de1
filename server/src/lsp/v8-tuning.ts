// Puts the Node server process in the bursts mode of lsp/v8-flags.ts, and in the throughput mode
// for good once a workspace root holds many charters. Imported first by main.ts, so module loading
// already runs in the bursts mode. Only on plain Node: Electron (VS Code desktop) may have frozen
// V8's flags after start-up, and changing them then is fatal; there V8 keeps its defaults.
import v8 from 'node:v8';
import { THROUGHPUT_NEW_SPACE_MIB, V8_MODES, tunableModes, v8FlagName } from './v8-flags';

const modes = process.versions.electron ? [] : tunableModes(V8_MODES, [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]);
// Stopped in the throughput mode once it is large enough; undefined when the user set it or once stopped.
let youngGrowth = modes.find((m) => v8FlagName(m.bursts) === 'semi-space-growth-factor');
let mode: 'bursts' | 'throughput' | undefined;

function use(next: 'bursts' | 'throughput'): void {
  if (mode === next) return;
  mode = next;
  for (const m of modes) v8.setFlagsFromString(m[next]);
}
use('bursts');

/**
 * A workspace root holds many charters: tune the process for throughput from now on. Called for
 * each charter such a root's listing reads, so the young generation's growth is stopped as soon as
 * it reaches THROUGHPUT_NEW_SPACE_MIB (a collection grows it in the middle of synchronous work).
 */
export function manyCharters(): void {
  use('throughput');
  if (!youngGrowth) return;
  const newSpace = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!newSpace || newSpace.space_size < THROUGHPUT_NEW_SPACE_MIB * 2 ** 20) return;
  v8.setFlagsFromString(youngGrowth.bursts);
  youngGrowth = undefined;
}
