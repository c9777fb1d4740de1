// CPU profiles for hot spots: the engine in-process (node:inspector) and our server (--cpu-prof),
// summarised as self time per function, so the report names where the time goes.
import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; hitCount?: number }>;
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface HotSpot {
  fn: string;
  where: string;
  selfMs: number;
  share: number;
}

/** Self time per function (summed over the profile), slowest first; idle and GC markers kept visible. */
export function hotSpots(profile: CpuProfile, root: string, top = 12): HotSpot[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + (deltas[i] ?? 0) / 1000);
  const byFunction = new Map<string, HotSpot>();
  let total = 0;
  for (const [id, t] of self) {
    const frame = byNode.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
    total += t;
    const where = frame.url ? `${shorten(frame.url, root)}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName}|${where}`;
    const spot = byFunction.get(key) ?? { fn: frame.functionName || '(anonymous)', where, selfMs: 0, share: 0 };
    spot.selfMs += t;
    byFunction.set(key, spot);
  }
  const spots = [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  for (const s of spots) s.share = total ? s.selfMs / total : 0;
  return spots;
}

function shorten(url: string, root: string): string {
  const p = url.replace(/^file:\/\//, '');
  const nm = p.lastIndexOf('node_modules/');
  if (nm >= 0) return p.slice(nm + 'node_modules/'.length);
  return p.startsWith(root) ? path.relative(root, p) : p;
}

/** Profiles `fn` in this process with the V8 sampling profiler. */
export async function profileInProcess(fn: () => void): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  try {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
    fn();
    const { profile } = (await post('Profiler.stop')) as { profile: CpuProfile };
    return profile;
  } finally {
    session.disconnect();
  }
}

/** The newest `.cpuprofile` written into `dir` (by `node --cpu-prof`), parsed. */
export function readNewestProfile(dir: string): CpuProfile | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return files.length ? (JSON.parse(fs.readFileSync(files[0], 'utf8')) as CpuProfile) : undefined;
}

export function formatHotSpots(title: string, spots: HotSpot[]): string {
  const lines = [title];
  for (const s of spots) lines.push(`  ${(s.share * 100).toFixed(1).padStart(5)}%  ${s.selfMs.toFixed(0).padStart(6)} ms  ${s.fn}  ${s.where}`);
  return lines.join('\n');
}
