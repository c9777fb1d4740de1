// CLI benchmark: one cold `team-charter lint --format json` over the generated repository
// (org-repo.ts), vs a cold node process that only reads and parses the same files (the target's
// baseline: `yaml` as a node script gets it), and vs the same script bundled with the `yaml` build
// dist/cli.js uses. Taking turns, median of `runs`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeRepository } from './org-repo';
import { BENCH_TODAY } from './engine-bench';
import { median, ms, ratio, round, spread, table, withIqr } from './stats';
import { judge } from './section';
import type { BenchContext, Section, SectionResult } from './section';
import { formatHotSpots, hotSpots, profileScript, projectSpots } from './profile';

export interface CliResult {
  charters: number;
  lines: number;
  cliMs: number | undefined;
  parseOnlyMs: number;
  /** The read-and-parse process bundled like the CLI (yaml's browser build, no per-token env read). */
  parseOnlyBundledMs: number;
  cliSamples: number[];
  parseOnlySamples: number[];
  parseOnlyBundledSamples: number[];
  findings: number | undefined;
  error?: string;
}

export interface ProcessResult {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
  });
}

/** `team-charter lint --format json` as run by the benchmark: `cli` is bin/team-charter.js or another build's entry. */
export function cliLintArgs(cli: string, dir: string, extra: string[] = []): string[] {
  return [cli, 'lint', '--format', 'json', '--today', BENCH_TODAY, ...extra, dir];
}

/** One cold process: wall time, exit code and output. */
export function timeProcess(args: string[], cwd: string): Promise<ProcessResult> {
  return run(args, cwd);
}

export async function benchCli(root: string, dir: string, count: number, lines: number, runs: number): Promise<CliResult> {
  const cliArgs = cliLintArgs(path.join(root, 'bin/team-charter.js'), dir);
  const baselines = { base: path.join(root, 'out/test/bench/parse-only.js'), bundled: path.join(root, 'out/test/bench/parse-only.bundle.js') };
  const result: CliResult = { charters: count, lines, cliMs: undefined, parseOnlyMs: NaN, parseOnlyBundledMs: NaN, cliSamples: [], parseOnlySamples: [], parseOnlyBundledSamples: [], findings: undefined };
  const order = ['base', 'cli', 'bundled'] as const;
  for (let i = 0; i < runs; i++) {
    // Rotate which goes first; all read files the page cache already holds.
    for (const which of [...order.slice(i % 3), ...order.slice(0, i % 3)]) {
      if (which !== 'cli') {
        const r = await run([baselines[which], dir], root);
        const parsed = JSON.parse(r.stdout) as { files: number };
        if (parsed.files !== count) throw new Error(`parse-only saw ${parsed.files} files, expected ${count}`);
        (which === 'base' ? result.parseOnlySamples : result.parseOnlyBundledSamples).push(r.ms);
      } else if (!result.error) {
        const r = await run(cliArgs, root);
        const problem = checkCliOutput(r, count);
        if (problem) result.error = problem;
        else {
          result.cliSamples.push(r.ms);
          result.findings = (JSON.parse(r.stdout) as CliJson).files.reduce((n, f) => n + f.findings.length, 0);
        }
      }
    }
  }
  result.parseOnlyMs = median(result.parseOnlySamples);
  result.parseOnlyBundledMs = median(result.parseOnlyBundledSamples);
  result.cliMs = result.cliSamples.length ? median(result.cliSamples) : undefined;
  return result;
}

interface CliJson {
  files: Array<{ path: string; findings: unknown[] }>;
}

/** Undefined when the CLI linted every charter and found something (exit 1: the corpus has errors). */
export function checkCliOutput(r: ProcessResult, count: number): string | undefined {
  if (r.code !== 0 && r.code !== 1) return `team-charter lint exited ${r.code}: ${r.stderr.trim().split('\n').slice(0, 3).join(' ')}`;
  let parsed: CliJson;
  try {
    parsed = JSON.parse(r.stdout) as CliJson;
  } catch {
    return 'team-charter lint --format json did not print JSON';
  }
  if (!Array.isArray(parsed.files) || parsed.files.length !== count) return `team-charter lint reported ${parsed.files?.length} files, expected ${count}`;
  if (!parsed.files.some((f) => f.findings.length > 0)) return 'team-charter lint found nothing in a corpus with planted defects';
  return undefined;
}

export const CLI_TARGET_LIMIT = 2.5;

export const cliSection: Section = {
  name: 'cli',
  summary: 'team-charter lint of the generated repository vs a read-and-parse-only process',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const dir = path.join(ctx.workDir, 'repository');
    const repo = writeRepository(dir, { charters: ctx.args.charters, seed: ctx.args.seed });
    ctx.log(`  ${repo.charters.length} charters, ${repo.lines.toLocaleString('en-US')} lines in ${dir}`);
    const c = await benchCli(ctx.root, dir, repo.charters.length, repo.lines, ctx.args.quick ? 3 : 7);
    if (c.error) ctx.log(`  ${c.error}`);
    const label = `CLI lint of the ${repo.charters.length}-charter repository ÷ read-and-parse-only process`;
    const target = judge('cli-repo', label, CLI_TARGET_LIMIT, c.cliMs !== undefined ? c.cliMs / c.parseOnlyMs : undefined,
      `${ms(c.cliMs)} vs ${ms(c.parseOnlyMs)}${c.cliMs !== undefined && Number.isFinite(c.parseOnlyBundledMs) ? ` (vs the same script bundled with the CLI's yaml build: ${ratio(c.cliMs / c.parseOnlyBundledMs)})` : ''}`, c.error);
    const report = [
      `### CLI (${repo.charters.length} charters of ${repo.lines.toLocaleString('en-US')} lines, one cold process each; median, interquartile range in brackets)`,
      '',
      table(['process', 'wall time'], [
        ['team-charter lint --format json', c.cliMs !== undefined ? withIqr(spread(c.cliSamples)) : `— (${c.error})`],
        ['node: read + yaml.parseDocument only', withIqr(spread(c.parseOnlySamples))],
        ["the same, bundled with the CLI's yaml build", withIqr(spread(c.parseOnlyBundledSamples))],
      ], 'll'),
      '',
      `Findings: ${c.findings ?? '—'}.`,
    ].join('\n');
    const hot: string[] = [];
    if (ctx.args.profile && !c.error) {
      const profile = profileScript(path.join(ctx.root, 'bin/team-charter.js'), cliLintArgs(path.join(ctx.root, 'bin/team-charter.js'), dir).slice(1), path.join(ctx.workDir, 'profiles', 'cli'), true);
      if (profile) {
        hot.push(formatHotSpots(`CLI hot spots (an extra, untimed cold run on ${repo.charters.length} charters, self time):`, hotSpots(profile, ctx.root)));
        hot.push(formatHotSpots('CLI time by project function (library calls charged to their caller):', projectSpots(profile, ctx.root)));
      }
    }
    return {
      report,
      targets: [target],
      json: { charters: c.charters, lines: c.lines, cliMs: c.cliSamples.map((v) => round(v)), parseOnlyMs: c.parseOnlySamples.map((v) => round(v)), parseOnlyBundledMs: c.parseOnlyBundledSamples.map((v) => round(v)), findings: c.findings, error: c.error },
      hotSpots: hot,
    };
  },
};
