// Property-based robustness: the engine never throws, always returns in bounded time, and every
// range it reports lies inside the document; every fix is safe to apply.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixAll, lint } from '../../server/src/lint';
import { checkFix } from '../helpers/fix-checks';
import { invariantProblems } from '../helpers/invariants';
import { RUNS, SEED, arbitraryText, fcParams, generatedCharter, mutatedCharter, sampleCharters } from './arbitraries';

const TODAY = '2026-11-25';
/** Generous: the machine may be busy; a hang or quadratic blow-up still trips it. */
const TIME_LIMIT_MS = 3000;

function lintChecked(text: string) {
  const started = performance.now();
  const findings = lint(text, { today: TODAY });
  const ms = performance.now() - started;
  assert.ok(ms < TIME_LIMIT_MS, `lint took ${ms.toFixed(0)} ms`);
  assert.deepEqual(invariantProblems(text, findings), []);
  return findings;
}

describe(`engine robustness (fast-check, seed ${SEED}, ${RUNS} runs per property)`, function () {
  this.timeout(0);
  const samples = sampleCharters();

  it('(a) arbitrary strings and bytes: no throw, ranges inside the document', () => {
    fc.assert(fc.property(arbitraryText, (text) => void lintChecked(text)), fcParams());
  });

  it('(b) mutated example charters: no throw, ranges inside the document', () => {
    fc.assert(fc.property(mutatedCharter(samples), (text) => void lintChecked(text)), fcParams());
  });

  it('(c) generated charters: no throw, ranges inside the document', () => {
    fc.assert(fc.property(generatedCharter, (text) => void lintChecked(text)), fcParams());
  });

  it('fixes on generated charters: valid YAML, comments and other lines kept, finding removed', () => {
    fc.assert(
      fc.property(generatedCharter, (text) => {
        const options = { today: TODAY };
        const problems = lint(text, options)
          .filter((f) => f.fixes.length)
          .flatMap((f) => f.fixes.flatMap((fix) => checkFix(text, f, fix, options)));
        assert.deepEqual(problems, []);
      }),
      fcParams(Math.max(10, Math.floor(RUNS / 2))),
    );
  });

  it('all safe fixes reach a fixed point within 3 rounds (generated and mutated charters)', () => {
    fc.assert(
      fc.property(fc.oneof(generatedCharter, mutatedCharter(samples)), (text) => {
        const once = fixAll(text, { today: TODAY });
        assert.ok(once.passes <= 3, `needed ${once.passes} rounds`);
        assert.equal(fixAll(once.text, { today: TODAY }).text, once.text);
      }),
      fcParams(Math.max(10, Math.floor(RUNS / 2))),
    );
  });

  it('fix-all on mutated charters: a file that parsed still parses, and every range of the result lies inside it', () => {
    fc.assert(
      fc.property(mutatedCharter(samples), (text) => {
        const options = { today: TODAY };
        const parsed = !lint(text, options).some((f) => f.rule === 'yaml-syntax');
        const fixed = fixAll(text, options);
        const findings = fixed.findings ?? lint(fixed.text, options);
        assert.deepEqual(invariantProblems(fixed.text, findings), []);
        if (parsed) assert.deepEqual(findings.filter((f) => f.rule === 'yaml-syntax').map((f) => f.message), [], 'fix-all broke the YAML');
      }),
      fcParams(Math.max(10, Math.floor(RUNS / 2))),
    );
  });
});
