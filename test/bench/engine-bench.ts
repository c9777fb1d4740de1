// Engine benchmark: full lint vs `yaml.parseDocument` alone on the same text, same process,
// medians after warm-up; plus a per-phase breakdown (parse, index, schema, each rule) for hot spots.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { lint, rules } from '../../server/src/lint';
import { parseCharter } from '../../server/src/engine/parse';
import { buildIndex } from '../../server/src/engine/indexes';
import { validateSchema } from '../../server/src/engine/schema';
import { Edits } from '../../server/src/engine/edits';
import { effectiveRules } from '../../server/src/engine/config';
import type { RuleContext } from '../../server/src/engine/rule';
import { median, ms, ratio, round, table } from './stats';
import { generateCharter } from './generate';
import { judge, skipped } from './section';
import type { BenchContext, Section, SectionResult } from './section';
import { formatHotSpots, hotSpots, profileScript, projectSpots } from './profile';

export const BENCH_TODAY = '2026-11-25';

export interface EngineRun {
  lines: number;
  bytes: number;
  parseMs: number;
  lintMs: number;
  runs: number;
  findings: number;
  /** Median ms per phase of one lint, slowest first. */
  phases: Array<{ phase: string; ms: number }>;
}

export interface EngineBenchOptions {
  /** Keep sampling each measurement until this much time has passed (and at least `minRuns`). */
  budgetMs: number;
  minRuns: number;
  maxRuns: number;
  warmup: number;
}

const timed = (fn: () => void): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

export function benchEngine(text: string, lines: number, o: EngineBenchOptions): EngineRun {
  let findings = 0;
  const parseSamples: number[] = [];
  const lintSamples: number[] = [];
  for (let i = 0; i < o.warmup; i++) {
    parseDocument(text);
    lint(text, { today: BENCH_TODAY });
  }
  // Interleaved, so both see the same machine state.
  const start = performance.now();
  while (parseSamples.length < o.minRuns || (parseSamples.length < o.maxRuns && performance.now() - start < o.budgetMs)) {
    parseSamples.push(timed(() => parseDocument(text)));
    lintSamples.push(timed(() => (findings = lint(text, { today: BENCH_TODAY }).length)));
  }
  return {
    lines,
    bytes: Buffer.byteLength(text),
    parseMs: median(parseSamples),
    lintMs: median(lintSamples),
    runs: lintSamples.length,
    findings,
    phases: phaseBreakdown(text, Math.max(3, Math.min(o.minRuns, 5))),
  };
}

/** Times each phase of `analyze` separately (same steps, same order), median of `runs`. */
export function phaseBreakdown(text: string, runs: number): Array<{ phase: string; ms: number }> {
  const samples = new Map<string, number[]>();
  const time = <T>(phase: string, fn: () => T): T => {
    const t0 = performance.now();
    const value = fn();
    const list = samples.get(phase) ?? [];
    list.push(performance.now() - t0);
    samples.set(phase, list);
    return value;
  };
  for (let r = 0; r < runs; r++) {
    const model = time('parseCharter (yaml + model)', () => parseCharter(text));
    const index = time('buildIndex', () => buildIndex(model));
    const schema = time('validateSchema (ajv)', () => validateSchema(model));
    const edits = new Edits(model);
    for (const effective of effectiveRules(rules, undefined)) {
      if (effective.severity === 'off' || effective.rule.id === 'unused-suppression') continue;
      const ctx: RuleContext = {
        model,
        index,
        schema,
        options: effective.options,
        today: BENCH_TODAY,
        edits,
        report: () => undefined,
        topAnchor: () => model.root?.keyNode('charter') ?? [0, 0],
      };
      try {
        time(`rule ${effective.rule.id}`, () => effective.rule.check(ctx));
      } catch {
        // a failing rule is the fixture tests' business; the breakdown just skips it
      }
    }
  }
  return [...samples.entries()].map(([phase, list]) => ({ phase, ms: median(list) })).sort((a, b) => b.ms - a.ms);
}

/** The size whose ratio is a target: a typical charter. */
export const ENGINE_TARGET_LINES = 200;
export const ENGINE_TARGET_LIMIT = 1.5;

export const engineSection: Section = {
  name: 'engine',
  summary: 'lint vs yaml.parseDocument on the same text, in one process',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const o: EngineBenchOptions = ctx.args.quick ? { budgetMs: 1000, minRuns: 5, maxRuns: 200, warmup: 3 } : { budgetMs: 3000, minRuns: 10, maxRuns: 2000, warmup: 10 };
    const runs = ctx.args.sizes.map((lines) => {
      const e = benchEngine(generateCharter({ lines, seed: ctx.args.seed }).text, lines, o);
      ctx.log(`  ${lines}: parse ${e.parseMs.toFixed(2)} ms, lint ${e.lintMs.toFixed(2)} ms (${e.runs} runs); slowest phases: ${e.phases.slice(0, 4).map((p) => `${p.phase} ${p.ms.toFixed(2)}`).join(', ')}`);
      return e;
    });
    const label = `Engine full lint ÷ yaml.parseDocument, ${ENGINE_TARGET_LINES} lines`;
    const at = runs.find((e) => e.lines === ENGINE_TARGET_LINES);
    const target = at
      ? judge('engine-200', label, ENGINE_TARGET_LIMIT, at.lintMs / at.parseMs, `${ms(at.lintMs)} vs ${ms(at.parseMs)}`)
      : skipped('engine-200', label, ENGINE_TARGET_LIMIT, `not measured in this run (needs ${ENGINE_TARGET_LINES} lines)`);
    const report = [
      '### Engine (one process, medians after warm-up)',
      '',
      table(
        ['lines', 'size', 'yaml.parseDocument', 'full lint', 'lint ÷ parse', 'findings', 'runs'],
        runs.map((e) => [e.lines.toLocaleString('en-US'), `${(e.bytes / 1024).toFixed(1)} KiB`, ms(e.parseMs), ms(e.lintMs), ratio(e.lintMs / e.parseMs), String(e.findings), String(e.runs)]),
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
      json: runs.map((e) => ({ lines: e.lines, bytes: e.bytes, parseMs: round(e.parseMs, 3), lintMs: round(e.lintMs, 3), runs: e.runs, findings: e.findings })),
      hotSpots: hot,
    };
  },
};
