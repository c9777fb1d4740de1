// Engine benchmark: full lint vs `yaml.parseDocument` alone on the same text, in one process after
// warm-up, in CPU time (other work on a shared machine does not count). A batch of each runs next
// to the other, in alternating order, and the ratio is taken per pair: a shared machine's speed
// drifts over seconds, which a ratio of two medians gathered apart carries into the result. Plus a
// per-phase breakdown (parse, index, schema, each rule) for hot spots.
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { lint, rules } from '../../server/src/lint';
import { parseCharter } from '../../server/src/engine/parse';
import { buildIndex } from '../../server/src/engine/indexes';
import { validateSchema } from '../../server/src/engine/schema';
import { Edits } from '../../server/src/engine/edits';
import { effectiveRules } from '../../server/src/engine/config';
import type { RuleContext } from '../../server/src/engine/rule';
import { median, ms, pairedRatio, ratio, round, spread, table, withIqr } from './stats';
import type { Spread } from './stats';
import { generateCharter } from './generate';
import { judge, skipped } from './section';
import type { BenchContext, Section, SectionResult } from './section';
import { formatHotSpots, hotSpots, profileScript, projectSpots } from './profile';

export const BENCH_TODAY = '2026-11-25';

export interface EngineRun {
  lines: number;
  bytes: number;
  /** CPU ms per call: one sample per counted batch. */
  parse: Spread;
  lint: Spread;
  /** Lint ÷ parse of each pair of batches. */
  ratio: Spread;
  parseMs: number;
  lintMs: number;
  /** Pairs of batches measured. */
  runs: number;
  findings: number;
  /** Median ms per phase of one lint, slowest first. */
  phases: Array<{ phase: string; ms: number }>;
}

export interface EngineBenchOptions {
  /** Calls of each before measuring. */
  warmup: number;
  /** Pairs of batches (one of each) measured. */
  pairs: number;
}

/** CPU time of this process (every thread: the garbage collector's helpers count too), in ms. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU ms per call of `fn`, over a batch of `calls`. */
const perCall = (fn: () => void, calls: number): number => {
  const t0 = cpuMs();
  for (let i = 0; i < calls; i++) fn();
  return (cpuMs() - t0) / calls;
};

/** Batches of about this much CPU time: long enough for the clock, short enough for many samples. */
const BATCH_MS = 20;

export function benchEngine(text: string, lines: number, o: EngineBenchOptions): EngineRun {
  let findings = 0;
  const doParse = () => void parseDocument(text);
  const doLint = () => void (findings = lint(text, { today: BENCH_TODAY }).length);
  for (let i = 0; i < o.warmup; i++) {
    doParse();
    doLint();
  }
  const calls = Math.max(1, Math.round(BATCH_MS / Math.max(0.01, perCall(doLint, 3))));
  const parseSamples: number[] = [];
  const lintSamples: number[] = [];
  for (let k = 0; k < o.pairs; k++) {
    const lintFirst = k % 2 === 1;
    const first = perCall(lintFirst ? doLint : doParse, calls);
    const second = perCall(lintFirst ? doParse : doLint, calls);
    const [p, l] = lintFirst ? [second, first] : [first, second];
    parseSamples.push(p);
    lintSamples.push(l);
  }
  const parse = spread(parseSamples);
  const lintSpread = spread(lintSamples);
  return {
    lines,
    bytes: Buffer.byteLength(text),
    parse,
    lint: lintSpread,
    ratio: pairedRatio(lintSamples, parseSamples),
    parseMs: parse.median,
    lintMs: lintSpread.median,
    runs: lintSamples.length,
    findings,
    phases: phaseBreakdown(text, 21),
  };
}

/** CPU time of each phase of `analyze` separately (same steps, same order), median of `runs`. */
export function phaseBreakdown(text: string, runs: number): Array<{ phase: string; ms: number }> {
  const samples = new Map<string, number[]>();
  const time = <T>(phase: string, fn: () => T): T => {
    const t0 = cpuMs();
    const value = fn();
    const list = samples.get(phase) ?? [];
    list.push(cpuMs() - t0);
    samples.set(phase, list);
    return value;
  };
  for (let r = 0; r < runs; r++) {
    const model = time('parseCharter (yaml + model)', () => parseCharter(text));
    const index = time('buildIndex', () => buildIndex(model));
    const schema = time('validateSchema (ajv)', () => validateSchema(model));
    const edits = new Edits(model);
    for (const effective of effectiveRules(rules, undefined)) {
      if (effective.severity === 'off' || !effective.rule.check || effective.rule.traits?.afterSuppressions) continue;
      const ctx: RuleContext = {
        model,
        index,
        schema,
        options: effective.options,
        today: BENCH_TODAY,
        edits,
        report: () => undefined,
        topAnchor: () => model.root?.keyNode('charter') ?? [0, 0],
        ruleIds: [],
        suppressions: [],
        findings: [],
        notRun: new Set<string>(),
      };
      try {
        time(`rule ${effective.rule.id}`, () => effective.rule.check!(ctx));
      } catch {
        // a failing rule is the fixture tests' business; the breakdown just skips it
      }
    }
  }
  return [...samples.entries()].map(([phase, list]) => ({ phase, ms: median(list) })).sort((a, b) => b.ms - a.ms);
}

/** Milliseconds with two decimals: a 50-line lint takes well under one. */
const cpu = (v: number) => `${v.toFixed(2)} ms`;

/** The size whose ratio is a target: a typical charter. */
export const ENGINE_TARGET_LINES = 200;
export const ENGINE_TARGET_LIMIT = 1.5;

export const engineSection: Section = {
  name: 'engine',
  summary: 'lint vs yaml.parseDocument on the same text, in one process',
  async run(ctx: BenchContext): Promise<SectionResult> {
    // A long warm-up: lint runs far more code than a parse, and V8 is still optimising it after a
    // few hundred calls (the first size measured then read higher than the same size measured later).
    const o: EngineBenchOptions = ctx.args.quick ? { warmup: 1000, pairs: 60 } : { warmup: 1000, pairs: 140 };
    const runs: EngineRun[] = [];
    for (const lines of ctx.args.sizes) {
      const e = benchEngine(generateCharter({ lines, seed: ctx.args.seed }).text, lines, o);
      ctx.log(`  ${lines}: parse ${e.parseMs.toFixed(2)} ms, lint ${e.lintMs.toFixed(2)} ms, lint ÷ parse ${ratio(e.ratio.median)} (${e.runs} pairs of batches); slowest phases: ${e.phases.slice(0, 4).map((p) => `${p.phase} ${p.ms.toFixed(2)}`).join(', ')}`);
      runs.push(e);
    }
    const label = `Engine full lint ÷ yaml.parseDocument, ${ENGINE_TARGET_LINES} lines`;
    const at = runs.find((e) => e.lines === ENGINE_TARGET_LINES);
    const target = at
      ? judge('engine-200', label, ENGINE_TARGET_LIMIT, at.ratio.median, `${ms(at.lintMs)} vs ${ms(at.parseMs)}; pairs IQR ${ratio(at.ratio.q1)}–${ratio(at.ratio.q3)}`)
      : skipped('engine-200', label, ENGINE_TARGET_LIMIT, `not measured in this run (needs ${ENGINE_TARGET_LINES} lines)`);
    const report = [
      '### Engine (one process, CPU time per call after warm-up; median of batches, interquartile range in brackets; lint ÷ parse per pair of neighbouring batches)',
      '',
      table(
        ['lines', 'size', 'yaml.parseDocument', 'full lint', 'lint ÷ parse', 'findings', 'pairs'],
        runs.map((e) => [e.lines.toLocaleString('en-US'), `${(e.bytes / 1024).toFixed(1)} KiB`, withIqr(e.parse, cpu), withIqr(e.lint, cpu), withIqr(e.ratio, ratio), String(e.findings), String(e.runs)]),
      ),
    ].join('\n');
    const hot: string[] = [];
    if (ctx.args.profile && runs.length) {
      const biggest = runs[runs.length - 1];
      const file = path.join(ctx.workDir, 'engine', 'team-charter.yaml');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, generateCharter({ lines: biggest.lines, seed: ctx.args.seed }).text);
      const profile = profileScript(path.join(__dirname, 'lint-file.js'), [file, '20'], path.join(ctx.workDir, 'profiles', 'engine'));
      if (profile) {
        hot.push(formatHotSpots(`Engine hot spots (fresh process, 20 lints of ${biggest.lines} lines, self time):`, hotSpots(profile, ctx.root)));
        hot.push(formatHotSpots('Engine time by project function (library calls charged to their caller):', projectSpots(profile, ctx.root)));
      }
      hot.push(`Engine phases at ${biggest.lines} lines (median ms): ${biggest.phases.slice(0, 8).map((p) => `${p.phase} ${p.ms.toFixed(2)}`).join(', ')}`);
    }
    return {
      report,
      targets: [target],
      json: runs.map((e) => ({ lines: e.lines, bytes: e.bytes, parseMs: round(e.parseMs, 3), lintMs: round(e.lintMs, 3), ratio: round(e.ratio.median, 3), runs: e.runs, findings: e.findings })),
      hotSpots: hot,
    };
  },
};
