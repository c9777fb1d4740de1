import assert from 'node:assert/strict';
import { lint, rules } from '../../../server/src/lint';
import { parseCharter } from '../../../server/src/engine/parse';
import { buildIndex } from '../../../server/src/engine/indexes';
import { Edits } from '../../../server/src/engine/edits';
import type { Report } from '../../../server/src/engine/rule';
import { scopeWords } from '../../../server/src/engine/vocabulary';
import type { CharterConfig } from '../../../server/src/engine/model';

const rule = rules.find((r) => r.id === 'scope-overlap')!;

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Decision {
  id: string;
  scope: string;
  owner?: string;
}

function charter(decisions: Decision[]): string {
  const lines = ['charter: 1', 'team:', '  id: t', '  name: T', 'members:', '  - id: ana', '  - id: ben', 'decisions:'];
  for (const d of decisions) {
    lines.push(`  - id: ${d.id}`, `    scope: ${d.scope}`);
    if (d.owner) lines.push(`    owner: ${d.owner}`);
  }
  return lines.join('\n') + '\n';
}

/** Runs only this rule, timing the check alone (parsing is not its cost). */
function runRule(text: string): { reports: Report[]; ms: number } {
  const model = parseCharter(text);
  const index = buildIndex(model);
  const reports: Report[] = [];
  const ctx = { model, index, schema: { problems: [] }, options: {}, today: undefined, edits: new Edits(model), report: (r: Report) => reports.push(r), topAnchor: () => [0, 0] as [number, number], ruleIds: [], suppressions: [], findings: [], notRun: new Set<string>() };
  const start = process.hrtime.bigint();
  rule.check!(ctx);
  return { reports, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** The definition, checked pair by pair: the closest earlier decision with a different owner. */
function bruteForce(decisions: Decision[]): Map<string, string> {
  const sets = decisions.map((d) => new Set(scopeWords(d.scope)));
  const out = new Map<string, string>();
  decisions.forEach((d, i) => {
    if (sets[i].size === 0) return;
    let best: { j: number; score: number } | undefined;
    for (let j = 0; j < i; j++) {
      if (sets[j].size === 0) continue;
      if (d.owner !== undefined && decisions[j].owner !== undefined && d.owner === decisions[j].owner) continue;
      const inter = [...sets[i]].filter((w) => sets[j].has(w)).length;
      const score = inter / (sets[i].size + sets[j].size - inter);
      if (score >= 0.8 - 1e-12 && (!best || score > best.score + 1e-12)) best = { j, score };
    }
    if (best) out.set(d.id, decisions[best.j].id);
  });
  return out;
}

function reported(reports: Report[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of reports) {
    const later = (r.entry as { id?: string }).id!;
    assert.ok(!out.has(later), `${later} reported twice`);
    out.set(later, /^decision "([^"]+)"/.exec(r.related![0].message)![1]);
  }
  return out;
}

describe('scope-overlap at scale', () => {
  it('finds exactly the pairs the pairwise definition finds (random charters)', () => {
    const next = random(42);
    const vocabulary = ['payout', 'fees', 'refund', 'limits', 'vendors', 'card', 'bank', 'merchant', 'schedule', 'review', 'the', 'and', 'of'];
    for (let round = 0; round < 30; round++) {
      const decisions: Decision[] = [];
      const count = 20 + Math.floor(next() * 40);
      for (let i = 0; i < count; i++) {
        const length = 1 + Math.floor(next() * 6);
        const words = Array.from({ length }, () => vocabulary[Math.floor(next() * vocabulary.length)]);
        const owner = [undefined, 'ana', 'ben'][Math.floor(next() * 3)];
        decisions.push({ id: `d${i}`, scope: words.join(' '), owner });
      }
      const { reports } = runRule(charter(decisions));
      assert.deepEqual(reported(reports), bruteForce(decisions), `round ${round}`);
    }
  });

  it('also for long scopes (up to 16 words), where small and large word sets meet', () => {
    const next = random(99);
    const vocabulary = Array.from({ length: 18 }, (_, i) => `word${i}`);
    for (let round = 0; round < 40; round++) {
      const decisions: Decision[] = [];
      const base = Array.from({ length: 8 + Math.floor(next() * 8) }, () => vocabulary[Math.floor(next() * vocabulary.length)]);
      for (let i = 0; i < 30; i++) {
        // Variations of one long scope: drop, swap or add a few words, so many pairs sit near 0.8.
        const words = base.filter(() => next() > 0.15).concat(Array.from({ length: Math.floor(next() * 3) }, () => vocabulary[Math.floor(next() * vocabulary.length)]));
        const owner = [undefined, 'ana', 'ben'][Math.floor(next() * 3)];
        decisions.push({ id: `d${i}`, scope: words.join(' ') || 'word0', owner });
      }
      const { reports } = runRule(charter(decisions));
      assert.deepEqual(reported(reports), bruteForce(decisions), `round ${round}`);
    }
  });

  // Time bounds are generous (a shared, loaded machine); comparing every pair would take far longer.
  it('stays near-linear: 10,000 decisions with varied scopes', () => {
    const next = random(7);
    const decisions: Decision[] = [];
    for (let i = 0; i < 10_000; i++) {
      const words = Array.from({ length: 4 + Math.floor(next() * 5) }, () => `w${Math.floor(next() * 3000)}`);
      decisions.push({ id: `d${i}`, scope: words.join(' '), owner: next() < 0.5 ? 'ana' : 'ben' });
    }
    const { ms } = runRule(charter(decisions));
    assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
  });

  it('stays near-linear when thousands of decisions share one scope (same owner: no finding; mixed: one each)', () => {
    const same = Array.from({ length: 5000 }, (_, i) => ({ id: `d${i}`, scope: 'Pick card vendors', owner: 'ana' }));
    const quiet = runRule(charter(same));
    assert.equal(quiet.reports.length, 0);
    assert.ok(quiet.ms < 2000, `took ${quiet.ms.toFixed(0)} ms`);
    const mixed = same.map((d, i) => ({ ...d, owner: i % 2 ? 'ben' : 'ana' }));
    const loud = runRule(charter(mixed));
    assert.equal(loud.reports.length, 4999);
    assert.ok(loud.ms < 2000, `took ${loud.ms.toFixed(0)} ms`);
  });

  it('through lint: the finding is on the later scope with the earlier one as related information', () => {
    const text = charter([
      { id: 'pick-vendors', scope: 'Pick the card vendors', owner: 'ana' },
      { id: 'vendor-choice', scope: 'pick card-vendors!', owner: 'ben' },
    ]);
    const off: CharterConfig = { rules: Object.fromEntries(rules.filter((r) => r.id !== 'scope-overlap').map((r) => [r.id, 'off'])) };
    const [finding, ...rest] = lint(text, { config: off });
    assert.deepEqual(rest, []);
    const lines = text.split('\n');
    assert.equal(lines[finding.range.start.line], '    scope: pick card-vendors!');
    assert.equal(finding.range.start.character, '    scope: '.length);
    assert.equal(lines[finding.related![0].range.start.line], '    scope: Pick the card vendors');
    assert.match(finding.message, /^decision "vendor-choice" has the same scope as decision "pick-vendors"/);
  });
});
