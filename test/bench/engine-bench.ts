// Engine benchmark: full lint vs `yaml.parseDocument` alone on the same text, same process,
// medians after warm-up; plus a per-phase breakdown (parse, index, schema, each rule) for hot spots.
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { lint, rules } from '../../server/src/lint';
import { parseCharter } from '../../server/src/engine/parse';
import { buildIndex } from '../../server/src/engine/indexes';
import { validateSchema } from '../../server/src/engine/schema';
import { Edits } from '../../server/src/engine/edits';
import { effectiveRules } from '../../server/src/engine/config';
import type { RuleContext } from '../../server/src/engine/rule';
import { median } from './stats';

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
