// Linearity benchmark (`npm run bench -- --only adversarial`, also part of the full run): lint
// time of each adversarial input (test/helpers/adversarial.ts; 100 KB files, 1 MB single lines)
// divided by that of a normal generated charter of the same size, medians of interleaved runs.
// A regex or a check that is quadratic in a run's length shows as a ratio in the tens or hundreds;
// the target is at most 3×.
import { judge } from './section';
import type { BenchContext, Section, SectionResult } from './section';
import { performance } from 'node:perf_hooks';
import { lint } from '../../server/src/lint';
import { ADVERSARIAL_INPUTS } from '../helpers/adversarial';
import { BENCH_TODAY } from './engine-bench';
import { generateCharter } from './generate';
import { median, ms, ratio, table } from './stats';

export const ADVERSARIAL_LIMIT = 3;
export const FILE_BYTES = 100_000;
export const LINE_BYTES = 1_000_000;

export interface AdversarialRun {
  name: string;
  what: string;
  bytes: number;
  lintMs: number;
  normalMs: number;
  ratio: number;
  findings: number;
  status: 'PASS' | 'FAIL';
}

export interface AdversarialOptions {
  /** Samples of each input and of its normal charter (interleaved). */
  runs: number;
  seed: number;
  /** Only these inputs (names); all when empty. */
  only?: string[];
  log?: (line: string) => void;
}

/** A normal charter (the benchmarks' generator) of about `bytes` characters. */
export function normalCharter(bytes: number, seed: number): string {
  const probe = generateCharter({ lines: 1000, seed }).text;
  return generateCharter({ lines: Math.max(50, Math.round((1000 * bytes) / probe.length)), seed }).text;
}

const timed = (text: string): number => {
  const t0 = performance.now();
  lint(text, { today: BENCH_TODAY });
  return performance.now() - t0;
};

export function benchAdversarial(o: AdversarialOptions): AdversarialRun[] {
  const normals = new Map<number, string>();
  const out: AdversarialRun[] = [];
  for (const input of ADVERSARIAL_INPUTS) {
    if (o.only?.length && !o.only.includes(input.name)) continue;
    const target = input.singleLine ? LINE_BYTES : FILE_BYTES;
    const text = input.build(target);
    if (!normals.has(text.length)) normals.set(text.length, normalCharter(text.length, o.seed));
    const normal = normals.get(text.length)!;
    const findings = lint(text, { today: BENCH_TODAY }).length;
    timed(normal);
    const own: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < o.runs; i++) {
      own.push(timed(text));
      base.push(timed(normal));
    }
    const lintMs = median(own);
    const normalMs = median(base);
    const r = lintMs / normalMs;
    const run: AdversarialRun = { name: input.name, what: input.what, bytes: text.length, lintMs, normalMs, ratio: r, findings, status: r <= ADVERSARIAL_LIMIT ? 'PASS' : 'FAIL' };
    o.log?.(`  ${input.name}: ${ms(lintMs)} vs ${ms(normalMs)} (${ratio(r)}) ${run.status}`);
    out.push(run);
  }
  return out;
}

export function formatAdversarial(runs: AdversarialRun[]): string {
  const kb = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.round(n / 1000)} KB`);
  const rows = runs.map((r) => [r.name, kb(r.bytes), ms(r.lintMs), ms(r.normalMs), ratio(r.ratio), `≤ ${ADVERSARIAL_LIMIT}×`, r.status, r.what]);
  const failed = runs.filter((r) => r.status === 'FAIL').length;
  return [
    `### Linearity: adversarial inputs vs a normal charter of the same size (lint, median)`,
    '',
    table(['input', 'size', 'lint', 'normal charter', 'ratio', 'target', 'status', 'what'], rows, 'lrrrrrll'),
    '',
    failed ? `${failed} of ${runs.length} adversarial inputs FAIL the ≤ ${ADVERSARIAL_LIMIT}× target.` : `All ${runs.length} adversarial inputs PASS the ≤ ${ADVERSARIAL_LIMIT}× target.`,
  ].join('\n');
}

/** The linearity section of `npm run bench` (section.ts): one target per adversarial input. */
export const adversarialSection: Section = {
  name: 'adversarial',
  summary: 'lint time of 100 KB hostile inputs and 1 MB lines vs a normal charter of the same size',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const runs = benchAdversarial({ runs: ctx.args.quick ? 3 : 7, seed: ctx.args.seed, log: ctx.log });
    return {
      report: formatAdversarial(runs),
      targets: runs.map((r) => judge(`adversarial-${r.name}`, `lint ${r.name} ÷ a normal charter of the same size`, ADVERSARIAL_LIMIT, r.ratio, `${ms(r.lintMs)} vs ${ms(r.normalMs)}`)),
      json: runs,
    };
  },
};
