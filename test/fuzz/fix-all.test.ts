// Fix-all on mutated charters, CRLF ones too: the result parses as well as the input (no new
// yaml-syntax finding), and every range — of a finding, a related place, a fix's edit, or the
// editor's fix-all edits — lies inside its document (a position past the end of a line, such as
// one on the LF of a CRLF break, is outside).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, fixAll, lint } from '../../server/src/lint';
import { diffEdits } from '../../server/src/service/text-diff';
import { invariantProblems, lineLengths, rangeProblem } from '../helpers/invariants';
import { BASE_CHARTER } from '../helpers/fixtures';
import { RUNS, SEED, fcParams, mutatedCharter, sampleCharters } from './arbitraries';

const OPTIONS = { today: '2026-11-25' };
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const syntaxErrors = (text: string) => lint(text, OPTIONS).filter((f) => f.rule === 'yaml-syntax').length;

describe(`fix-all on mutated charters (fast-check, seed ${SEED}, ${RUNS} runs per property)`, function () {
  this.timeout(0);
  const samples = sampleCharters();
  const withCrlf = [...samples, ...samples.map(crlf)];

  it('a YAML error on an empty line of a CRLF charter has its range on that line', () => {
    const text = crlf(BASE_CHARTER.replace('  name: Payments\n', '  name: Payments\n\n x-odd: 1\n'));
    const findings = lint(text, OPTIONS);
    assert.ok(findings.some((f) => f.rule === 'yaml-syntax'), JSON.stringify(findings.map((f) => f.rule)));
    assert.deepEqual(invariantProblems(text, findings), []);
  });

  it('mutated charters, LF and CRLF: every range inside the document', () => {
    fc.assert(fc.property(mutatedCharter(withCrlf), (text) => assert.deepEqual(invariantProblems(text, lint(text, OPTIONS)), [])), fcParams());
  });

  it('fix-all on mutated charters: no new YAML error, every range inside the fixed document, the editor\'s edits reproduce it', () => {
    fc.assert(
      fc.property(mutatedCharter(withCrlf), (text) => {
        const before = syntaxErrors(text);
        const fixed = fixAll(text, OPTIONS);
        const findings = lint(fixed.text, OPTIONS);
        assert.deepEqual(invariantProblems(fixed.text, findings), []);
        assert.ok(findings.filter((f) => f.rule === 'yaml-syntax').length <= before, 'fix-all added a YAML error');
        // What the editor sends for "fix all": minimal edits on the original text.
        const edits = diffEdits(text, fixed.text);
        const lengths = lineLengths(text);
        assert.deepEqual(edits.map((e) => rangeProblem(e.range, lengths, 'fix-all edit')).filter(Boolean), []);
        assert.equal(applyEdits(text, edits), fixed.text);
      }),
      fcParams(Math.max(10, Math.floor(RUNS / 2))),
    );
  });
});
