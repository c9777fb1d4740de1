// Does each piece of performance machinery earn its place? Builds the server and the CLI as shipped
// and once without each piece (same esbuild options, scripts/bundle.mjs), then measures every build
// in the same run, taking turns: first diagnostics of a 200-line charter opened right after
// `initialized` and 1 s later (fresh processes), keystroke p95 at 1,000 lines, peak RSS, the server's
// first diagnostics in the generated repository, and the CLI on it. A piece is kept when some
// median improves by at least 15% with interquartile ranges that do not overlap.
import fs from 'node:fs';
import path from 'node:path';
import type { BuildOptions, Plugin } from 'esbuild';
import { generateCharter } from './generate';
import { writeRepository } from './org-repo';
import { checkCliOutput, cliLintArgs, timeProcess } from './cli-bench';
import { firstCheck, serverSpecs, singleCharterWorkspace, typingSession } from './server-measure';
import { iqrOverlap, mib, ms, percentile, round, spread, table, withIqr } from './stats';
import type { Spread } from './stats';
import type { BenchContext, Section, SectionResult } from './section';

interface Piece {
  id: string;
  label: string;
  /** The build options without this piece. */
  without(options: BuildOptions): BuildOptions;
}

/** Replaces one source file of the bundle by `contents(original)`. */
function replaceSource(name: string, file: RegExp, contents: (original: string) => string): Plugin {
  return {
    name,
    setup(build) {
      build.onLoad({ filter: file }, (args) => ({ contents: contents(fs.readFileSync(args.path, 'utf8')), loader: 'ts' }));
    },
  };
}

const withPlugin = (options: BuildOptions, plugin: Plugin): BuildOptions => ({ ...options, plugins: [plugin, ...(options.plugins ?? [])] });

/** The server's V8 modes (server/src/lsp/v8-flags.ts) without the lines of `drop`; fails when one is not there. */
function withoutV8Flags(id: string, drop: string[]): (o: BuildOptions) => BuildOptions {
  return (o) =>
    withPlugin(o, replaceSource(id, /server[\\/]src[\\/]lsp[\\/]v8-flags\.ts$/, (original) => {
      const lines = original.split('\n');
      for (const flag of drop) {
        const at = lines.findIndex((l) => l.includes(`bursts: '${flag}'`));
        if (at < 0) throw new Error(`${flag} is not in V8_MODES any more: update test/bench/machinery.ts`);
        lines.splice(at, 1);
      }
      return lines.join('\n');
    }));
}

export const PIECES: Piece[] = [
  {
    id: 'reparse',
    label: 'incremental re-parse of one list item (server/src/engine/reparse.ts)',
    without: (o) => withPlugin(o, replaceSource('no-reparse', /server[\\/]src[\\/]engine[\\/]reparse\.ts$/, () => 'export function reparseListItem(): undefined {\n  return undefined;\n}\n')),
  },
  {
    id: 'no-turbofan',
    label: "the server without V8's optimising compiler while its roots hold few charters (--no-turbofan in V8_MODES, server/src/lsp/v8-flags.ts)",
    without: withoutV8Flags('turbofan-on', ['--no-turbofan']),
  },
  {
    id: 'young-generation',
    label: 'the server with a young generation that does not grow and a gently growing old one while its roots hold few charters, and a young generation stopped at half V8\'s limit in larger ones (--semi-space-growth-factor=1 --heap-growing-percent=25 in V8_MODES)',
    without: withoutV8Flags('default-heap', ['--semi-space-growth-factor=1', '--heap-growing-percent=25']),
  },
];

interface Variant {
  id: string;
  server: string;
  cli: string;
  /** Another variant whose CLI bundle is byte for byte this one's (measured once). */
  cliSameAs?: string;
}

interface Samples {
  openNow: number[];
  spawnNow: number[];
  rssAfterOpen: number[];
  openLater: number[];
  keystrokeP95: number[];
  rssTyping: number[];
  orgFirstPublish: number[];
  cli: number[];
}

const METRICS: Array<{ key: keyof Samples; label: string; unit: (v: number) => string }> = [
  { key: 'openNow', label: 'didOpen → diagnostics, 200 lines, opened right after initialized', unit: ms },
  { key: 'openLater', label: 'didOpen → diagnostics, 200 lines, opened 1 s after initialized', unit: ms },
  { key: 'spawnNow', label: 'spawn → first diagnostics, 200 lines', unit: ms },
  { key: 'keystrokeP95', label: 'keystroke p95 per session, 1,000 lines', unit: ms },
  { key: 'rssAfterOpen', label: 'peak RSS after the first check, 200 lines', unit: mib },
  { key: 'rssTyping', label: 'peak RSS after typing, 1,000 lines', unit: mib },
  { key: 'orgFirstPublish', label: 'spawn → first diagnostics of a charter in the generated repository (indexed at start-up)', unit: ms },
  { key: 'cli', label: 'CLI lint of the generated repository', unit: ms },
];

/** The improvement that counts: at least this share of the median, with interquartile ranges apart. */
export const KEEP_IMPROVEMENT = 0.15;

export interface Verdict {
  metric: string;
  with: Spread;
  without: Spread;
  /** (without − with) ÷ without: positive when the piece helps. */
  gain: number;
  earns: boolean;
}

export function compare(withPiece: number[], withoutPiece: number[]): Omit<Verdict, 'metric'> {
  const a = spread(withPiece);
  const b = spread(withoutPiece);
  const gain = (b.median - a.median) / b.median;
  return { with: a, without: b, gain, earns: gain >= KEEP_IMPROVEMENT && !iqrOverlap(a, b) };
}

export const machinerySection: Section = {
  name: 'machinery',
  summary: 'each performance piece with and without (builds variants; a few minutes)',
  optIn: true,
  async run(ctx: BenchContext): Promise<SectionResult> {
    const dir = path.join(ctx.workDir, 'machinery');
    const variants = await buildVariants(ctx.root, dir);
    const small = singleCharterWorkspace(path.join(dir, 'ws-200'), generateCharter({ lines: 200, seed: ctx.args.seed }).text);
    const big = singleCharterWorkspace(path.join(dir, 'ws-1000'), generateCharter({ lines: 1000, seed: ctx.args.seed }).text);
    const repoDir = path.join(dir, 'repository');
    const repo = writeRepository(repoDir, { charters: ctx.args.charters, seed: ctx.args.seed });
    const inRepository = path.join(repoDir, repo.charters[Math.floor(repo.charters.length / 2)].path);
    const samples = new Map<string, Samples>(variants.map((v) => [v.id, { openNow: [], spawnNow: [], rssAfterOpen: [], openLater: [], keystrokeP95: [], rssTyping: [], orgFirstPublish: [], cli: [] }]));
    const turns = (k: number) => [...variants.slice(k % variants.length), ...variants.slice(0, k % variants.length)];

    for (let k = 0; k < ctx.args.processes; k++) {
      for (const v of turns(k)) {
        const spec = serverSpecs(ctx.root, v.server).ours;
        const s = samples.get(v.id)!;
        const now = await firstCheck(spec, { workspace: path.dirname(small), file: small });
        s.openNow.push(now.openMs);
        s.spawnNow.push(now.spawnToDiagnosticsMs);
        if (now.peakRssMiB !== undefined) s.rssAfterOpen.push(now.peakRssMiB);
        s.openLater.push((await firstCheck(spec, { workspace: path.dirname(small), file: small, openDelayMs: 1000 })).openMs);
        s.orgFirstPublish.push((await firstCheck(spec, { workspace: repoDir, file: inRepository })).spawnToDiagnosticsMs);
      }
      ctx.log(`  first checks: round ${k + 1} of ${ctx.args.processes}`);
    }
    const sessions = ctx.args.quick ? 3 : 7;
    for (let k = 0; k < sessions; k++) {
      for (const v of turns(k)) {
        const t = await typingSession(serverSpecs(ctx.root, v.server).ours, { workspace: path.dirname(big), file: big, keystrokes: ctx.args.keystrokes });
        samples.get(v.id)!.keystrokeP95.push(percentile(t.keystrokes, 95));
        if (t.peakRssMiB !== undefined) samples.get(v.id)!.rssTyping.push(t.peakRssMiB);
      }
      ctx.log(`  typing: session ${k + 1} of ${sessions}`);
    }
    const cliRuns = ctx.args.quick ? 3 : 9;
    const measuredCli = variants.filter((v) => !v.cliSameAs);
    for (let k = 0; k < cliRuns; k++) {
      for (const v of [...measuredCli.slice(k % measuredCli.length), ...measuredCli.slice(0, k % measuredCli.length)]) {
        const r = await timeProcess(cliLintArgs(v.cli, repoDir), ctx.root);
        const problem = checkCliOutput(r, repo.charters.length);
        if (problem) throw new Error(`${v.id}: ${problem}`);
        samples.get(v.id)!.cli.push(r.ms);
      }
      ctx.log(`  CLI: round ${k + 1} of ${cliRuns}`);
    }
    for (const v of variants) if (v.cliSameAs) samples.get(v.id)!.cli = samples.get(v.cliSameAs)!.cli;

    const shipped = samples.get('shipped')!;
    const verdicts = PIECES.map((piece) => {
      const without = samples.get(`without-${piece.id}`)!;
      const rows = METRICS.map((m) => ({ metric: m.key, ...compare(shipped[m.key], without[m.key]) }));
      return { piece, rows, keep: rows.some((r) => r.earns) };
    });
    const report = ['### Machinery: each piece with and without (medians, interquartile range in brackets)', ''];
    for (const { piece, rows, keep } of verdicts) {
      const sameCli = variants.find((v) => v.id === `without-${piece.id}`)?.cliSameAs ? ' (the CLI bundle is identical without it: one series for both)' : '';
      report.push(`**${piece.label}**: ${keep ? 'earns its place' : 'does not earn its place'}${sameCli}`, '');
      report.push(table(['metric', 'with', 'without', 'gain', 'counts'], rows.map((r) => {
        const unit = METRICS.find((m) => m.key === r.metric)!.unit;
        return [METRICS.find((m) => m.key === r.metric)!.label, withIqr(r.with, unit), withIqr(r.without, unit), `${(r.gain * 100).toFixed(0)}%`, r.earns ? 'yes' : 'no'];
      }), 'lrrrl'), '');
    }
    report.push(`${ctx.args.processes} fresh processes per build for each first-check series, ${sessions} typing sessions of ${ctx.args.keystrokes} keystrokes, ${cliRuns} CLI runs over ${repo.charters.length} charters (${repo.lines.toLocaleString('en-US')} lines). "counts": the median improves by at least ${KEEP_IMPROVEMENT * 100}% and the interquartile ranges do not overlap.`);
    return {
      report: report.join('\n'),
      targets: [],
      json: Object.fromEntries([...samples].map(([id, s]) => [id, Object.fromEntries(Object.entries(s).map(([k, v]) => [k, (v as number[]).map((x) => round(x))]))])),
    };
  },
};

/** The shipped build and one without each piece, server and CLI, into `dir/<variant>/`. */
async function buildVariants(root: string, dir: string): Promise<Variant[]> {
  // A dynamic import that tsc leaves alone (the scripts are ES modules).
  const importModule = new Function('p', 'return import(p)') as (p: string) => Promise<{ bundleOptions(root: string, o: { entry: string; outfile: string }): BuildOptions }>;
  const { bundleOptions } = await importModule(path.join(root, 'scripts/bundle.mjs'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const variants: Variant[] = [];
  const cliCode = new Map<string, string>();
  for (const [id, adjust] of [['shipped', (o: BuildOptions) => o] as const, ...PIECES.map((p) => [`without-${p.id}`, p.without] as const)]) {
    const out = path.join(dir, id);
    const server = path.join(out, 'server.js');
    const cli = path.join(out, 'cli.js');
    for (const [entry, outfile] of [['server/src/lsp/main.ts', server], ['server/src/cli/main.ts', cli]]) {
      await esbuild.build({ ...adjust(bundleOptions(root, { entry, outfile })), sourcemap: false, logLevel: 'error' });
    }
    const entry = path.join(out, 'team-charter.js');
    fs.writeFileSync(entry, "require('./cli.js').cliMain();\n");
    const code = fs.readFileSync(cli, 'utf8');
    const sameAs = [...cliCode].find(([, c]) => c === code)?.[0];
    cliCode.set(id, code);
    variants.push({ id, server, cli: entry, cliSameAs: sameAs });
  }
  return variants;
}
