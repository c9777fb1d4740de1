// CPU profiles for hot spots (node --cpu-prof): the engine in a fresh process, and our server,
// summarised as self time per function, so the report names where the time goes.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { SourceMap } from 'node:module';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; hitCount?: number; children?: number[] }>;
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
  const maps = new SourceMaps();
  let total = 0;
  for (const [id, t] of self) {
    const frame = byNode.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
    total += t;
    const where = frame.url ? maps.original(frame, root) ?? `${shorten(frame.url, root)}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName}|${where}`;
    const spot = byFunction.get(key) ?? { fn: frame.functionName || '(anonymous)', where, selfMs: 0, share: 0 };
    spot.selfMs += t;
    byFunction.set(key, spot);
  }
  const spots = [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  for (const s of spots) s.share = total ? s.selfMs / total : 0;
  return spots;
}

/**
 * Time charged to the innermost frame of the project's own code (server/src, test/bench), so a rule
 * that spends its time in library calls still shows up as that rule. Samples with no project frame on
 * the stack (start-up, GC, the LSP library) are grouped as "(outside project code)".
 */
export function projectSpots(profile: CpuProfile, root: string, top = 12): HotSpot[] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const maps = new SourceMaps();
  const owner = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const cached = owner.get(id);
    if (cached !== undefined) return cached;
    const frame = byNode.get(id)?.callFrame;
    const where = frame?.url ? maps.original(frame, root) : undefined;
    const result = where && /^(server\/src|test\/bench)\//.test(where)
      ? `${frame!.functionName || '(anonymous)'}  ${where.replace(/:\d+$/, '')}`
      : parent.has(id) ? ownerOf(parent.get(id)!) : '(outside project code)';
    owner.set(id, result);
    return result;
  };
  const totals = new Map<string, number>();
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const fn = byNode.get(samples[i])?.callFrame.functionName;
    if (fn === '(idle)' || fn === '(program)') continue;
    const t = (deltas[i] ?? 0) / 1000;
    total += t;
    const key = ownerOf(samples[i]);
    totals.set(key, (totals.get(key) ?? 0) + t);
  }
  return [...totals.entries()]
    .map(([key, selfMs]) => ({ fn: key, where: '', selfMs, share: total ? selfMs / total : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
}

/** Maps positions in bundles (dist/server.js) back to their sources through the linked `.map` files. */
class SourceMaps {
  private readonly cache = new Map<string, SourceMap | undefined>();

  original(frame: CallFrame, root: string): string | undefined {
    const file = frame.url.replace(/^file:\/\//, '');
    if (!this.cache.has(file)) {
      let map: SourceMap | undefined;
      try {
        map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
      } catch {
        map = undefined;
      }
      this.cache.set(file, map);
    }
    const entry = this.cache.get(file)?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
    if (!entry?.originalSource) return undefined;
    const source = path.resolve(path.dirname(file), entry.originalSource);
    return `${shorten(source, root)}:${(entry.originalLine ?? 0) + 1}`;
  }
}

function shorten(url: string, root: string): string {
  const p = url.replace(/^file:\/\//, '');
  const nm = p.lastIndexOf('node_modules/');
  if (nm >= 0) return p.slice(nm + 'node_modules/'.length);
  return p.startsWith(root) ? path.relative(root, p) : p;
}

/** Runs a node script under `--cpu-prof` and returns its profile. */
export function profileScript(script: string, args: string[], dir: string, nonZeroExitOk = false): CpuProfile | undefined {
  fs.mkdirSync(dir, { recursive: true });
  try {
    execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, script, ...args], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
  } catch (error) {
    if (!nonZeroExitOk || typeof (error as { status?: unknown }).status !== 'number') throw error;
  }
  return readNewestProfile(dir);
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
