// The benchmark generator (test/bench/generate.ts) must give the same text for the same seed, and
// charters whose only findings are the planted defects, at about one per 100 lines.
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { lint, rules } from '../../server/src/lint';
import { generateCharter, generateCorpus } from '../bench/generate';
import { DEFECT_RULES } from '../bench/defects';

const TODAY = '2026-11-25';
const registered = new Set(rules.map((r) => r.id));
const key = (line: number, rule: string) => `line ${line + 1}: ${rule}`;

describe('benchmark charter generator', () => {
  it('gives the same text for the same seed and a different one for another seed', () => {
    const a = generateCharter({ lines: 1000, seed: 7 });
    const b = generateCharter({ lines: 1000, seed: 7 });
    const c = generateCharter({ lines: 1000, seed: 8 });
    assert.equal(a.text, b.text);
    assert.deepEqual(a.defects, b.defects);
    assert.notEqual(a.text, c.text);
  });

  for (const lines of [1000, 10000]) {
    it(`${lines} lines: within 3% of the target, valid YAML, ~1 defect per 100 lines, each found where planted`, () => {
      const g = generateCharter({ lines, seed: 42 });
      assert.ok(Math.abs(g.lineCount - lines) / lines < 0.03, `${g.lineCount} lines`);
      assert.deepEqual(parseDocument(g.text).errors, []);
      const perHundred = (g.defects.length * 100) / g.lineCount;
      assert.ok(perHundred >= 0.9 && perHundred <= 1.1, `${perHundred.toFixed(2)} defects per 100 lines`);

      const findings = lint(g.text, { today: TODAY });
      const expected = g.defects.filter((d) => registered.has(d.rule)).map((d) => key(d.line, d.rule));
      const actual = findings.map((f) => key(f.range.start.line, f.rule));
      assert.deepEqual(
        { missing: expected.filter((e) => !actual.includes(e)), unexpected: actual.filter((a) => !expected.includes(a)) },
        { missing: [], unexpected: [] },
      );
      // The engine confirms the rate: one finding per planted defect.
      assert.equal(findings.length, expected.length);
    });
  }

  it('plants varied kinds: every defect rule appears in a 10,000-line charter', () => {
    const rulesPlanted = new Set(generateCharter({ lines: 10000, seed: 3 }).defects.map((d) => d.rule));
    assert.deepEqual([...rulesPlanted].sort(), DEFECT_RULES);
    assert.ok(DEFECT_RULES.length >= 15, `only ${DEFECT_RULES.length} kinds`);
  });

  it('the first defect is a schema error, so yaml-language-server has something to report', () => {
    const g = generateCharter({ lines: 1000, seed: 11 });
    assert.ok(g.defects.some((d) => d.rule === 'schema-invalid-value'));
  });

  it('with no defects requested, the charter has no findings at all', () => {
    const g = generateCharter({ lines: 2000, seed: 5, defectsPer100Lines: 0 });
    assert.deepEqual(g.defects, []);
    assert.deepEqual(lint(g.text, { today: TODAY }).map((f) => key(f.range.start.line, f.rule)), []);
  });

  it('the CLI corpus holds typical 100–200 line charters at distinct paths', () => {
    const corpus = generateCorpus(20, 1);
    assert.equal(new Set(corpus.map((c) => c.path)).size, 20);
    for (const c of corpus) {
      const n = c.text.split('\n').length;
      assert.ok(n >= 90 && n <= 230, `${c.path}: ${n} lines`);
      assert.ok(lint(c.text, { today: TODAY }).length >= 1, `${c.path} has no defect`);
    }
    assert.deepEqual(generateCorpus(20, 1), corpus);
  });
});
