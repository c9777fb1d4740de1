// Puts the sections' results together: a heading with the machine, each section's tables, every
// target with its ratio and PASS/FAIL, and one JSON line with every number.
import type { SectionResult, TargetResult } from './section';
import { round, table } from './stats';
import { targetRow } from './section';

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  platform: string;
  loadStart: number[];
  loadEnd?: number[];
}

export interface BenchRun {
  machine: Machine;
  seed: number;
  sizes: number[];
  sections: Record<string, SectionResult | { error: string }>;
}

export const targetsOf = (r: BenchRun): TargetResult[] => Object.values(r.sections).flatMap((s) => ('targets' in s ? s.targets : []));

export function formatReport(r: BenchRun): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`Team Charter benchmarks: ${m.cores} cores (${m.cpu}), node ${m.node}, ${m.platform}; load average at start ${m.loadStart.map((l) => l.toFixed(2)).join(' ')}${m.loadEnd ? `, at end ${m.loadEnd.map((l) => l.toFixed(2)).join(' ')}` : ''}; seed ${r.seed}`);
  for (const [name, s] of Object.entries(r.sections)) out.push('', 'error' in s ? `### ${name}\n\nfailed: ${s.error}` : s.report);
  const targets = targetsOf(r);
  if (targets.length) {
    out.push('', '### Targets', '');
    out.push(table(['target', 'ratio', 'limit', 'result', 'measured'], targets.map(targetRow), 'lrrll'));
  }
  return out.join('\n');
}

export function jsonSummary(r: BenchRun): string {
  return JSON.stringify({
    benchmark: 'team-charter',
    version: 2,
    machine: r.machine,
    seed: r.seed,
    sizes: r.sizes,
    sections: Object.fromEntries(Object.entries(r.sections).map(([name, s]) => [name, 'error' in s ? s : s.json])),
    targets: targetsOf(r).map((t) => ({ id: t.id, ratio: t.ratio === undefined ? null : round(t.ratio, 3), limit: t.limit, status: t.status })),
  });
}
