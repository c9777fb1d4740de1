// Puts the Node server process in the bursts mode of lsp/v8-flags.ts, and in the throughput mode
// while `throughput` runs (indexing a repository). Imported first by main.ts, so module loading
// already runs in the bursts mode. Only on plain Node: Electron (VS Code desktop) may have frozen
// V8's flags after start-up, and changing them then is fatal; there V8 keeps its defaults.
import v8 from 'node:v8';
import { V8_MODES, tunableModes } from './v8-flags';

const modes = process.versions.electron ? [] : tunableModes(V8_MODES, [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]);
let throughputRuns = 0;

const set = (mode: 'bursts' | 'throughput') => {
  for (const m of modes) v8.setFlagsFromString(m[mode] ?? m.bursts);
};
set('bursts');

/** Runs `work` in the throughput mode (nested and overlapping runs share it). */
export async function throughput<T>(work: () => Promise<T>): Promise<T> {
  if (throughputRuns++ === 0) set('throughput');
  try {
    return await work();
  } finally {
    if (--throughputRuns === 0) set('bursts');
  }
}
