// Turns measurements into the printed tables, the target verdicts and the one-line JSON summary.
import type { EngineRun } from './engine-bench';
import type { ServerBenchResult, ServerRun } from './server-bench';
import { OURS, YAML_LS, spawnMedian } from './server-bench';
import type { CliResult } from './cli-bench';
import { mib, ms, ratio, round, table } from './stats';

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  platform: string;
  loadStart: number[];
  loadEnd?: number[];
}

export interface BenchResults {
  machine: Machine;
  seed: number;
  sizes: number[];
  sections: string[];
  engine?: EngineRun[];
  servers?: ServerBenchResult;
  cli?: CliResult;
  cliError?: string;
}

export type Status = 'PASS' | 'FAIL' | 'SKIP' | 'ERROR';

export interface TargetResult {
  id: string;
  label: string;
  limit: number;
  ratio: number | undefined;
  status: Status;
  detail: string;
}

const run = (r: BenchResults, server: string, lines: number): ServerRun | undefined =>
  r.servers?.runs.find((x) => x.server === server && x.lines === lines);
const engine = (r: BenchResults, lines: number) => r.engine?.find((e) => e.lines === lines);

/** Every target of issue 5, with its ratio from this run. */
export function evaluateTargets(r: BenchResults): TargetResult[] {
  const out: TargetResult[] = [];
  const verdict = (id: string, label: string, limit: number, needs: { section: string; sizes?: number[] }, value: () => { ratio?: number; detail: string; invalid?: string }) => {
    if (!r.sections.includes(needs.section) || (needs.sizes ?? []).some((s) => !r.sizes.includes(s))) {
      out.push({ id, label, limit, ratio: undefined, status: 'SKIP', detail: `not measured in this run (needs ${needs.section}${needs.sizes ? ` at ${needs.sizes.join(' and ')} lines` : ''})` });
      return;
    }
    const v = value();
    const status: Status = v.ratio === undefined || Number.isNaN(v.ratio) || v.invalid ? 'ERROR' : v.ratio <= limit ? 'PASS' : 'FAIL';
    out.push({ id, label, limit, ratio: v.ratio, status, detail: v.invalid ? `${v.invalid}; ${v.detail}` : v.detail });
  };
  const serverPair = (lines: number, pick: (x: ServerRun) => number | undefined, unit: (n: number | undefined) => string) => {
    const ours = run(r, OURS, lines);
    const theirs = run(r, YAML_LS, lines);
    const missing = [!ours && (r.servers?.errors[OURS] ?? `${OURS} not measured`), !theirs && (r.servers?.errors[YAML_LS] ?? `${YAML_LS} not measured`)].filter(Boolean);
    const unvalidated = [ours, theirs].filter((x) => x && !x.validated).map((x) => `${x!.server} did not report the planted schema error`);
    const a = ours && pick(ours);
    const b = theirs && pick(theirs);
    return {
      ratio: a !== undefined && b ? a / b : undefined,
      detail: `${unit(a)} vs ${unit(b)}`,
      invalid: [...missing, ...unvalidated].join('; ') || undefined,
    };
  };

  verdict('keystroke-p95-1k', 'Keystroke → diagnostics p95, 1,000 lines, vs yaml-language-server', 0.25, { section: 'server', sizes: [1000] }, () =>
    serverPair(1000, (x) => x.keystrokeP95, ms));
  verdict('open-10k', 'didOpen → diagnostics, 10,000 lines, vs yaml-language-server', 0.5, { section: 'server', sizes: [10000] }, () =>
    serverPair(10000, (x) => x.openMs, ms));
  verdict('rss-10k', 'Peak RSS (VmHWM), 10,000 lines, vs yaml-language-server', 0.5, { section: 'server', sizes: [10000] }, () =>
    serverPair(10000, (x) => x.peakRssMiB, mib));
  verdict('engine-10k', 'Engine full lint ÷ yaml.parseDocument, 10,000 lines', 2.5, { section: 'engine', sizes: [10000] }, () => {
    const e = engine(r, 10000);
    return { ratio: e ? e.lintMs / e.parseMs : undefined, detail: `${ms(e?.lintMs)} vs ${ms(e?.parseMs)}` };
  });
  verdict('engine-linear', 'Engine full lint, 50,000 ÷ 10,000 lines', 6, { section: 'engine', sizes: [10000, 50000] }, () => {
    const a = engine(r, 50000);
    const b = engine(r, 10000);
    return { ratio: a && b ? a.lintMs / b.lintMs : undefined, detail: `${ms(a?.lintMs)} vs ${ms(b?.lintMs)}${a && b ? ` (yaml.parseDocument alone: ${ratio(a.parseMs / b.parseMs)})` : ''}` };
  });
  verdict('spawn', 'Spawn → initialize reply, vs yaml-language-server', 0.5, { section: 'server' }, () => {
    const a = r.servers && spawnMedian(r.servers, OURS);
    const b = r.servers && spawnMedian(r.servers, YAML_LS);
    const invalid = [a === undefined && (r.servers?.errors[OURS] ?? `${OURS} not measured`), b === undefined && (r.servers?.errors[YAML_LS] ?? `${YAML_LS} not measured`)].filter(Boolean).join('; ');
    return { ratio: a !== undefined && b ? a / b : undefined, detail: `${ms(a)} vs ${ms(b)} (medians)`, invalid: invalid || undefined };
  });
  verdict('cli-1000', `CLI lint of ${r.cli?.charters.toLocaleString('en-US') ?? '1,000'} charters ÷ read-and-parse-only process`, 2.5, { section: 'cli' }, () => {
    const c = r.cli;
    return {
      ratio: c?.cliMs !== undefined ? c.cliMs / c.parseOnlyMs : undefined,
      detail: `${ms(c?.cliMs)} vs ${ms(c?.parseOnlyMs)}${c && Number.isFinite(c.parseOnlyBundledMs) && c.cliMs !== undefined ? ` (vs the same script bundled with the CLI's yaml build: ${ratio(c.cliMs / c.parseOnlyBundledMs)}, ${ms(c.parseOnlyBundledMs)})` : ''}`,
      invalid: c?.error ?? r.cliError,
    };
  });
  return out;
}

export function formatReport(r: BenchResults, targets: TargetResult[]): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`Team Charter benchmarks: ${m.cores} cores (${m.cpu}), node ${m.node}, ${m.platform}; load average at start ${m.loadStart.map((l) => l.toFixed(2)).join(' ')}${m.loadEnd ? `, at end ${m.loadEnd.map((l) => l.toFixed(2)).join(' ')}` : ''}; seed ${r.seed}`);
  if (r.engine?.length) {
    out.push('', '### Engine (same process, medians after warm-up)', '');
    out.push(
      table(
        ['lines', 'size', 'yaml.parseDocument', 'full lint', 'lint ÷ parse', 'findings', 'runs'],
        r.engine.map((e) => [e.lines.toLocaleString('en-US'), `${Math.round(e.bytes / 1024)} KiB`, ms(e.parseMs), ms(e.lintMs), ratio(e.lintMs / e.parseMs), String(e.findings), String(e.runs)]),
      ),
    );
  }
  if (r.servers) {
    const s = r.servers;
    out.push('', '### Language servers (stdio, a fresh process per size)', '');
    const rows: string[][] = [];
    for (const lines of r.sizes) {
      const ours = run(r, OURS, lines);
      const theirs = run(r, YAML_LS, lines);
      for (const x of [ours, theirs]) {
        if (!x) continue;
        rows.push([lines.toLocaleString('en-US'), x.server, ms(x.openMs), ms(x.keystrokeP50), ms(x.keystrokeP95), mib(x.peakRssMiB), mib(x.startRssMiB), `${x.diagnostics}${x.validated ? '' : ' (!)'}`]);
      }
      if (ours && theirs) {
        rows.push(['', 'ratio', ratio(ours.openMs / theirs.openMs), ratio(ours.keystrokeP50 / theirs.keystrokeP50), ratio(ours.keystrokeP95 / theirs.keystrokeP95), ratio((ours.peakRssMiB ?? NaN) / (theirs.peakRssMiB ?? NaN)), ratio((ours.startRssMiB ?? NaN) / (theirs.startRssMiB ?? NaN)), '']);
      }
    }
    out.push(table(['lines', 'server', 'didOpen → diagnostics', 'keystroke p50', 'keystroke p95', 'peak RSS', 'RSS after start', 'diagnostics'], rows, 'rlrrrrrr'));
    const a = spawnMedian(s, OURS);
    const b = spawnMedian(s, YAML_LS);
    const opens = s.runs.map((x) => x.openSamples.length);
    out.push('', `didOpen → diagnostics: median of ${Math.min(...opens)}${Math.max(...opens) !== Math.min(...opens) ? `–${Math.max(...opens)}` : ''} fresh sessions per server and size; ours, in ms: ${s.runs.filter((x) => x.server === OURS).map((x) => `${x.lines.toLocaleString('en-US')} lines ${x.openSamples.map((v) => v.toFixed(0)).join(', ')}`).join('; ')}`);
    out.push('', `Spawn → initialize reply (median of ${s.spawnMs[OURS]?.length ?? 0} / ${s.spawnMs[YAML_LS]?.length ?? 0} starts): ${OURS} ${ms(a)}, ${YAML_LS} ${ms(b)}${a !== undefined && b ? `, ratio ${ratio(a / b)}` : ''}`);
    for (const [server, error] of Object.entries(s.errors)) out.push(`${server}: ${error}`);
  }
  if (r.cli || r.cliError) {
    const c = r.cli;
    out.push('', `### CLI (${c?.charters.toLocaleString('en-US') ?? '?'} charters, ${c?.lines.toLocaleString('en-US') ?? '?'} lines, one cold process each, median of ${c?.parseOnlySamples.length ?? 0})`, '');
    out.push(table(['process', 'wall time'], [['team-charter lint --format json', c?.cliMs !== undefined ? ms(c.cliMs) : `— (${c?.error ?? r.cliError})`], ['node: read + yaml.parseDocument only', ms(c?.parseOnlyMs)], ['the same, bundled with the CLI\'s yaml build', ms(c?.parseOnlyBundledMs)]], 'll'));
  }
  out.push('', '### Targets', '');
  out.push(table(['target', 'ratio', 'limit', 'result', 'measured'], targets.map((t) => [t.label, ratio(t.ratio), `≤ ${t.limit}`, t.status, t.detail]), 'lrrll'));
  return out.join('\n');
}

export function jsonSummary(r: BenchResults, targets: TargetResult[]): string {
  return JSON.stringify({
    benchmark: 'team-charter',
    version: 1,
    machine: r.machine,
    seed: r.seed,
    engine: r.engine?.map((e) => ({ lines: e.lines, bytes: e.bytes, parseMs: round(e.parseMs), lintMs: round(e.lintMs), runs: e.runs, findings: e.findings })),
    servers: r.servers && {
      spawnMs: Object.fromEntries(Object.entries(r.servers.spawnMs).map(([k, v]) => [k, v.map((x) => round(x))])),
      runs: r.servers.runs.map((x) => ({ server: x.server, lines: x.lines, initializeMs: round(x.initializeMs), openMs: round(x.openMs), openSamples: x.openSamples.map((v) => round(v)), keystrokeP50: round(x.keystrokeP50), keystrokeP95: round(x.keystrokeP95), peakRssMiB: round(x.peakRssMiB), startRssMiB: round(x.startRssMiB), diagnostics: x.diagnostics, validated: x.validated })),
      errors: r.servers.errors,
    },
    cli: r.cli && { charters: r.cli.charters, lines: r.cli.lines, cliMs: round(r.cli.cliMs), parseOnlyMs: round(r.cli.parseOnlyMs), parseOnlyBundledMs: round(r.cli.parseOnlyBundledMs), findings: r.cli.findings, error: r.cli.error },
    targets: targets.map((t) => ({ id: t.id, ratio: t.ratio === undefined ? null : round(t.ratio, 3), limit: t.limit, status: t.status })),
  });
}
