// The benchmark's verdicts (test/bench): a ratio passes only when both sides were really measured,
// a server that did not report the planted schema error invalidates the comparison, and a piece of
// machinery counts as helping only with a clear, non-overlapping gain.
import assert from 'node:assert/strict';
import { serverTargets } from '../bench/server-bench';
import type { ServerBenchResult, ServerSize } from '../bench/server-bench';
import { compare } from '../bench/machinery';
import { judge } from '../bench/section';
import { pairedRatio, percentile, spread } from '../bench/stats';

const size = (server: string, lines: number, over: Partial<ServerSize> = {}): ServerSize => ({
  server, lines, spawnToDiagnostics: [100], openToDiagnostics: [50], initialize: [40], keystrokes: [10, 20], peakRss: [60], startRss: [50], diagnostics: 1, validated: true, ...over,
});
const find = (targets: ReturnType<typeof serverTargets>, id: string) => targets.find((t) => t.id === id)!;

describe('benchmark report', () => {
  it('percentiles are nearest-rank (p95 of 1..20 is 19); quartiles interpolate (1..5: 2, 3, 4)', () => {
    assert.equal(percentile(Array.from({ length: 20 }, (_, i) => i + 1), 95), 19);
    assert.deepEqual(spread([5, 1, 4, 2, 3]), { median: 3, q1: 2, q3: 4, n: 5 });
    assert.equal(spread([1, 2, 3, 4]).median, 2.5);
  });

  it('a paired ratio follows each pair, so a machine that slows down halfway does not move it', () => {
    // lint takes 1.4× a parse throughout; the machine runs at half speed for the second half.
    const parse = [1, 1, 1, 2, 2, 2];
    const lint = parse.map((p) => 1.4 * p);
    // Samples gathered at different moments (lint's median falls on the slow half) mislead:
    assert.ok(Math.abs(spread(lint.slice(2)).median / spread(parse).median - 1.4) > 0.3);
    const r = pairedRatio(lint, parse);
    assert.ok(Math.abs(r.median - 1.4) < 1e-9 && r.q1 > 1.399 && r.q3 < 1.401, JSON.stringify(r));
  });

  it('judges each target by its ratio and limit; a missing side is an ERROR, not a PASS', () => {
    assert.equal(judge('x', 'x', 1.5, 1.4, '').status, 'PASS');
    assert.equal(judge('x', 'x', 1.5, 1.6, '').status, 'FAIL');
    assert.equal(judge('x', 'x', 1.5, undefined, '').status, 'ERROR');
    assert.equal(judge('x', 'x', 1.5, 1.0, '', 'the CLI crashed').status, 'ERROR');
  });

  it('server targets: ratios against yaml-language-server at 200 and 1,000 lines, SKIP for sizes not run', () => {
    const r: ServerBenchResult = {
      runs: [
        size('team-charter', 200, { spawnToDiagnostics: [100, 120, 110], keystrokes: [5, 8, 9], peakRss: [70] }),
        size('yaml-language-server', 200, { spawnToDiagnostics: [400, 420, 410], keystrokes: [220, 230, 240], peakRss: [100] }),
      ],
      errors: {},
    };
    const t = serverTargets(r, [200]);
    assert.deepEqual([find(t, 'spawn-200').status, find(t, 'spawn-200').ratio], ['PASS', 110 / 410]);
    assert.deepEqual([find(t, 'keystroke-p95-200').status, find(t, 'keystroke-p95-200').ratio], ['PASS', 9 / 240]);
    assert.deepEqual([find(t, 'rss-200').status, find(t, 'rss-200').ratio], ['PASS', 0.7]);
    assert.equal(find(t, 'spawn-1000').status, 'SKIP');
    r.runs[0].peakRss = [90];
    assert.equal(find(serverTargets(r, [200]), 'rss-200').status, 'FAIL');
  });

  it('a server that did not report the planted schema error makes the comparison an ERROR', () => {
    const r: ServerBenchResult = { runs: [size('team-charter', 1000), size('yaml-language-server', 1000, { validated: false })], errors: {} };
    const t = find(serverTargets(r, [1000]), 'spawn-1000');
    assert.equal(t.status, 'ERROR');
    assert.match(t.detail, /yaml-language-server did not report the planted schema error/);
  });

  it('a piece of machinery helps only when the median gains 15% and the interquartile ranges are apart', () => {
    assert.equal(compare([80, 82, 84, 86, 88], [100, 102, 104, 106, 108]).earns, true);
    assert.equal(compare([80, 82, 84, 99, 110], [90, 95, 104, 106, 108]).earns, false); // ranges overlap
    assert.equal(compare([95, 96, 97, 98, 99], [100, 101, 102, 103, 104]).earns, false); // gain under 15%
  });
});
