// CLI benchmark: one cold `team-charter lint --format json` over a folder of typical charters, vs a
// cold node process that only reads and parses the same files (the target's baseline: `yaml` as a
// node script gets it), and vs the same script bundled with the `yaml` build dist/cli.js uses.
// Alternating, median of `runs`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateCorpus } from './generate';
import { BENCH_TODAY } from './engine-bench';
import { median } from './stats';

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

interface ProcessResult {
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

export function writeCorpus(dir: string, count: number, seed: number): number {
  let lines = 0;
  for (const c of generateCorpus(count, seed)) {
    const file = path.join(dir, c.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, c.text);
    lines += c.text.split('\n').length;
  }
  return lines;
}

export async function benchCli(root: string, dir: string, count: number, lines: number, runs: number): Promise<CliResult> {
  const cliArgs = [path.join(root, 'bin/team-charter.js'), 'lint', '--format', 'json', '--today', BENCH_TODAY, dir];
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
function checkCliOutput(r: ProcessResult, count: number): string | undefined {
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
