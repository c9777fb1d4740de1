// The benchmark's verdicts (test/bench/report.ts): a ratio passes only when both sides were really
// measured, and a server that did not report the planted schema error invalidates the comparison.
import assert from 'node:assert/strict';
import { evaluateTargets } from '../bench/report';
import type { BenchResults } from '../bench/report';
import type { ServerRun } from '../bench/server-bench';
import { percentile } from '../bench/stats';

const machine = { cores: 2, cpu: 'test', node: 'v20', platform: 'linux', loadStart: [0, 0, 0] };
const serverRun = (server: string, lines: number, over: Partial<ServerRun> = {}): ServerRun => ({
  server, lines, initializeMs: 100, openMs: 100, openSamples: [100], keystrokeP50: 10, keystrokeP95: 20, keystrokes: [], peakRssMiB: 100, startRssMiB: 50, diagnostics: 1, validated: true, ...over,
});
const status = (r: BenchResults, id: string) => evaluateTargets(r).find((t) => t.id === id)!;

describe('benchmark report', () => {
  it('nearest-rank percentiles: p95 of 1..20 is 19, p50 of 1..4 is 2', () => {
    assert.equal(percentile(Array.from({ length: 20 }, (_, i) => i + 1), 95), 19);
    assert.equal(percentile([4, 3, 2, 1], 50), 2);
  });

  it('judges each target by its ratio and limit, and skips what the run did not measure', () => {
    const r: BenchResults = {
      machine, seed: 1, sizes: [1000, 10000], sections: ['engine', 'server'],
      engine: [{ lines: 10000, bytes: 1, parseMs: 100, lintMs: 240, runs: 5, findings: 1, phases: [] }],
      servers: {
        runs: [serverRun('team-charter', 1000, { keystrokeP95: 20 }), serverRun('yaml-language-server', 1000, { keystrokeP95: 100 })],
        spawnMs: { 'team-charter': [100, 300, 200], 'yaml-language-server': [500] },
        errors: {},
      },
    };
    assert.deepEqual([status(r, 'engine-10k').status, status(r, 'engine-10k').ratio], ['PASS', 2.4]);
    assert.deepEqual([status(r, 'keystroke-p95-1k').status, status(r, 'keystroke-p95-1k').ratio], ['PASS', 0.2]);
    assert.deepEqual([status(r, 'spawn').status, status(r, 'spawn').ratio], ['PASS', 0.4]);
    assert.equal(status(r, 'open-10k').status, 'ERROR'); // size requested, servers not measured there
    assert.equal(status(r, 'engine-linear').status, 'SKIP');
    assert.equal(status(r, 'cli-1000').status, 'SKIP');
    r.engine![0].lintMs = 260;
    assert.equal(status(r, 'engine-10k').status, 'FAIL');
  });

  it('a server that did not report the planted schema error makes the comparison an ERROR, not a PASS', () => {
    const r: BenchResults = {
      machine, seed: 1, sizes: [1000], sections: ['server'],
      servers: {
        runs: [serverRun('team-charter', 1000, { keystrokeP95: 1 }), serverRun('yaml-language-server', 1000, { keystrokeP95: 100, validated: false })],
        spawnMs: { 'team-charter': [1], 'yaml-language-server': [10] },
        errors: {},
      },
    };
    const t = status(r, 'keystroke-p95-1k');
    assert.equal(t.status, 'ERROR');
    assert.match(t.detail, /yaml-language-server did not report the planted schema error/);
  });
});
