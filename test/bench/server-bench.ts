// Language servers, ours against yaml-language-server, in the same run, each charter size in a
// workspace holding only that charter: spawn → first diagnostics of a charter opened right after
// `initialized` (fresh processes, alternating which server goes first), keystroke → diagnostics
// and peak memory over typing sessions.
import path from 'node:path';
import fs from 'node:fs';
import { generateCharter } from './generate';
import type { PlantedDefect } from './generate';
import type { Diagnostic, ServerSpec } from './lsp-session';
import { OURS, YAML_LS, firstCheck, serverSpecs, singleCharterWorkspace, typingSession } from './server-measure';
import { judge, skipped } from './section';
import type { BenchContext, Section, SectionResult, TargetResult } from './section';
import { mib, ms, percentile, ratio, round, spread, table, withIqr } from './stats';
import type { Spread } from './stats';
import { formatHotSpots, hotSpots, projectSpots, readNewestProfile } from './profile';

export interface ServerSize {
  server: string;
  lines: number;
  /** One sample per fresh process: didOpen sent right after `initialized`. */
  spawnToDiagnostics: number[];
  openToDiagnostics: number[];
  initialize: number[];
  /** Every keystroke of every typing session. */
  keystrokes: number[];
  /** VmHWM at the end of each typing session, and VmRSS right after its start-up. */
  peakRss: number[];
  startRss: number[];
  diagnostics: number;
  /** Every first check reported the planted schema error (the server really validated). */
  validated: boolean;
}

export interface ServerBenchResult {
  runs: ServerSize[];
  errors: Record<string, string>;
}

export const TYPING_SESSIONS = { full: 3, quick: 1 };

export const serverSection: Section = {
  name: 'server',
  summary: 'our server vs yaml-language-server: spawn → first diagnostics, keystrokes, peak RSS',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const result = await benchServers(ctx);
    const hot: string[] = [];
    if (ctx.args.profile) hot.push(...(await profileOurServer(ctx)));
    const targets = serverTargets(result, ctx.args.sizes);
    return { report: formatServers(result, ctx.args.sizes), targets, json: serverJson(result), hotSpots: hot };
  },
};

export async function benchServers(ctx: BenchContext): Promise<ServerBenchResult> {
  const { ours, yamlLs } = serverSpecs(ctx.root);
  const specs = [ours, yamlLs];
  const result: ServerBenchResult = { runs: [], errors: {} };
  for (const spec of specs) if (!fs.existsSync(spec.script)) result.errors[spec.name] = `${path.relative(ctx.root, spec.script)} not found (run npm run compile)`;
  const usable = () => specs.filter((s) => !result.errors[s.name]);
  const attempt = async (spec: ServerSpec, what: () => Promise<void>) => {
    try {
      await what();
    } catch (error) {
      result.errors[spec.name] ??= String((error as Error).message ?? error);
      ctx.log(`  ${spec.name}: failed: ${result.errors[spec.name]}`);
    }
  };

  for (const lines of ctx.args.sizes) {
    const g = generateCharter({ lines, seed: ctx.args.seed });
    const file = singleCharterWorkspace(path.join(ctx.workDir, 'servers', `charter-${lines}`), g.text);
    const runs = specs.map((spec): ServerSize => ({ server: spec.name, lines, spawnToDiagnostics: [], openToDiagnostics: [], initialize: [], keystrokes: [], peakRss: [], startRss: [], diagnostics: 0, validated: true }));
    const runOf = (spec: ServerSpec) => runs[specs.indexOf(spec)];
    for (let k = 0; k < ctx.args.processes; k++) {
      // Alternate which server goes first, so a slow patch of the machine does not favour one.
      for (const spec of k % 2 ? [...usable()].reverse() : usable()) {
        await attempt(spec, async () => {
          const c = await firstCheck(spec, { workspace: path.dirname(file), file, text: g.text });
          const run = runOf(spec);
          run.spawnToDiagnostics.push(c.spawnToDiagnosticsMs);
          run.openToDiagnostics.push(c.openMs);
          run.initialize.push(c.initializeMs);
          run.diagnostics = c.diagnostics.length;
          run.validated &&= reportsSchemaDefect(c.diagnostics, g.defects);
        });
      }
    }
    const sessions = ctx.args.quick ? TYPING_SESSIONS.quick : TYPING_SESSIONS.full;
    for (let k = 0; k < sessions; k++) {
      for (const spec of k % 2 ? usable() : [...usable()].reverse()) {
        await attempt(spec, async () => {
          const t = await typingSession(spec, { workspace: path.dirname(file), file, text: g.text, keystrokes: ctx.args.keystrokes });
          const run = runOf(spec);
          run.keystrokes.push(...t.keystrokes);
          if (t.peakRssMiB !== undefined) run.peakRss.push(t.peakRssMiB);
          if (t.startRssMiB !== undefined) run.startRss.push(t.startRssMiB);
        });
      }
    }
    for (const run of runs) {
      if (!run.spawnToDiagnostics.length) continue;
      result.runs.push(run);
      const s = summary(run);
      ctx.log(`  ${run.server.padEnd(20)} ${String(lines).padStart(5)} lines: spawn → diagnostics ${withIqr(s.spawn)}, keystroke p95 ${ms(s.p95)}, peak RSS ${withIqr(s.rss, mib)}${run.validated ? '' : '  (planted schema error NOT reported)'}`);
    }
  }
  return result;
}

/** True when a diagnostic starts on the line of a planted schema error. */
export function reportsSchemaDefect(diagnostics: Diagnostic[], defects: PlantedDefect[]): boolean {
  const lines = new Set(defects.filter((d) => d.rule.startsWith('schema-')).map((d) => d.line));
  return lines.size > 0 && diagnostics.some((d) => lines.has(d.range.start.line));
}

export function summary(run: ServerSize): { spawn: Spread; open: Spread; init: Spread; p50: number; p95: number; rss: Spread; startRss: Spread } {
  return {
    spawn: spread(run.spawnToDiagnostics),
    open: spread(run.openToDiagnostics),
    init: spread(run.initialize),
    p50: percentile(run.keystrokes, 50),
    p95: percentile(run.keystrokes, 95),
    rss: spread(run.peakRss),
    startRss: spread(run.startRss),
  };
}

const TARGETS = [
  { id: 'spawn', label: 'Spawn → first diagnostics of an opened charter', limit: 0.35, sizes: [200, 1000], pick: (s: ReturnType<typeof summary>) => s.spawn.median, unit: ms },
  { id: 'keystroke-p95', label: 'Keystroke → diagnostics p95', limit: 0.2, sizes: [200, 1000], pick: (s: ReturnType<typeof summary>) => s.p95, unit: ms },
  { id: 'rss', label: 'Peak RSS', limit: 0.8, sizes: [200], pick: (s: ReturnType<typeof summary>) => s.rss.median, unit: mib },
  { id: 'rss', label: 'Peak RSS', limit: 0.6, sizes: [1000], pick: (s: ReturnType<typeof summary>) => s.rss.median, unit: mib },
];

/** Ratios against yaml-language-server, at 200 and 1,000 lines. */
export function serverTargets(r: ServerBenchResult | undefined, sizes: number[]): TargetResult[] {
  const out: TargetResult[] = [];
  for (const t of TARGETS) {
    for (const lines of t.sizes) {
      const id = `${t.id}-${lines}`;
      const label = `${t.label}, ${lines.toLocaleString('en-US')} lines, vs yaml-language-server`;
      if (!r || !sizes.includes(lines)) {
        out.push(skipped(id, label, t.limit, `not measured in this run (needs the server section at ${lines} lines)`));
        continue;
      }
      const ours = r.runs.find((x) => x.server === OURS && x.lines === lines);
      const theirs = r.runs.find((x) => x.server === YAML_LS && x.lines === lines);
      const a = ours && t.pick(summary(ours));
      const b = theirs && t.pick(summary(theirs));
      const invalid = [
        !ours && (r.errors[OURS] ?? `${OURS} not measured`),
        !theirs && (r.errors[YAML_LS] ?? `${YAML_LS} not measured`),
        ...[ours, theirs].filter((x) => x && !x.validated).map((x) => `${x!.server} did not report the planted schema error`),
      ].filter(Boolean).join('; ');
      out.push(judge(id, label, t.limit, a !== undefined && b ? a / b : undefined, `${t.unit(a)} vs ${t.unit(b)}`, invalid || undefined));
    }
  }
  return out;
}

export function formatServers(r: ServerBenchResult, sizes: number[]): string {
  const rows: string[][] = [];
  for (const lines of sizes) {
    const pair = [OURS, YAML_LS].map((name) => r.runs.find((x) => x.server === name && x.lines === lines));
    for (const x of pair) {
      if (!x) continue;
      const s = summary(x);
      rows.push([lines.toLocaleString('en-US'), x.server, withIqr(s.spawn), withIqr(s.open), ms(s.p50), ms(s.p95), withIqr(s.rss, mib), `${x.diagnostics}${x.validated ? '' : ' (!)'}`]);
    }
    const [a, b] = pair.map((x) => x && summary(x));
    if (a && b) rows.push(['', 'ratio', ratio(a.spawn.median / b.spawn.median), ratio(a.open.median / b.open.median), ratio(a.p50 / b.p50), ratio(a.p95 / b.p95), ratio(a.rss.median / b.rss.median), '']);
  }
  const first = r.runs[0];
  const out = [
    '### Language servers (a workspace holding only the charter; medians, interquartile range in brackets)',
    '',
    table(['lines', 'server', 'spawn → first diagnostics', 'didOpen → diagnostics', 'keystroke p50', 'keystroke p95', 'peak RSS', 'diagnostics'], rows, 'rlrrrrrr'),
    '',
    first
      ? `First diagnostics: ${first.spawnToDiagnostics.length} fresh processes per server and size, didOpen sent right after \`initialized\`. Keystrokes: ${first.keystrokes.length} per server and size, over ${first.peakRss.length} typing session(s), each opening the charter after start-up settled; peak RSS is VmHWM at the end of each session.`
      : 'No server could be measured.',
  ];
  for (const [server, error] of Object.entries(r.errors)) out.push(`${server}: ${error}`);
  return out.join('\n');
}

function serverJson(r: ServerBenchResult): unknown {
  return {
    runs: r.runs.map((x) => {
      const s = summary(x);
      return {
        server: x.server,
        lines: x.lines,
        spawnToDiagnosticsMs: x.spawnToDiagnostics.map((v) => round(v)),
        openToDiagnosticsMs: x.openToDiagnostics.map((v) => round(v)),
        initializeMs: round(s.init.median),
        keystrokeP50: round(s.p50),
        keystrokeP95: round(s.p95),
        peakRssMiB: x.peakRss.map((v) => round(v)),
        startRssMiB: round(s.startRss.median),
        diagnostics: x.diagnostics,
        validated: x.validated,
      };
    }),
    errors: r.errors,
  };
}

/** One extra, untimed typing session of our server at the largest size, under --cpu-prof. */
async function profileOurServer(ctx: BenchContext): Promise<string[]> {
  const lines = Math.max(...ctx.args.sizes);
  const dir = path.join(ctx.workDir, 'profiles', 'server');
  const { ours } = serverSpecs(ctx.root);
  const file = path.join(ctx.workDir, 'servers', `charter-${lines}`, 'team-charter.yaml');
  try {
    await typingSession({ ...ours, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir] }, { workspace: path.dirname(file), file, keystrokes: ctx.args.keystrokes });
  } catch (error) {
    ctx.log(`  profiling ${OURS} failed: ${String((error as Error).message ?? error)}`);
    return [];
  }
  const profile = readNewestProfile(dir);
  if (!profile) return [];
  return [
    formatHotSpots(`Server hot spots (an extra, untimed session on ${lines} lines: open + keystrokes, self time):`, hotSpots(profile, ctx.root)),
    formatHotSpots('Server time by project function (library calls charged to their caller):', projectSpots(profile, ctx.root)),
  ];
}
