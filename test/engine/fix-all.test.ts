// Fix-all applies safe fixes in rounds, re-checking between them: two fixes that would collide
// (the same key written twice) never both land, and each applied fix is reported with its line.
import assert from 'node:assert/strict';
import { analyze, fixAll } from '../../server/src/lint';
import { baseCharterWith } from '../helpers/fixtures';

const options = { today: '2026-11-25' };

describe('fix-all rounds', () => {
  it('two safe renames onto the same key: one lands, the file still parses, the other is left to a person', () => {
    const text = baseCharterWith(['    owner: ben\n    boundary: team\n', '    ownr: ben\n    onwer: ben\n    boundary: team\n']);
    const before = analyze(text, options).findings.filter((f) => f.rule === 'schema-unknown-key');
    assert.equal(before.length, 2);
    assert.ok(before.every((f) => f.fixes.length === 1 && f.fixes[0].safe), 'each rename alone is safe');

    const result = fixAll(text, options);
    const after = analyze(result.text, options);
    assert.deepEqual(after.model.syntaxErrors, [], 'no duplicate key');
    assert.equal((result.text.match(/^ {4}owner: ben$/gm) ?? []).length, 2, 'payout-batching has one owner key (fee-changes the other)');
    const ownrLine = text.split('\n').findIndex((l) => l.includes('ownr:')) + 1;
    assert.deepEqual(result.applied.map((a) => [a.rule, a.title, a.line]), [['schema-unknown-key', 'Rename to "owner"', ownrLine]]);
    // What is left is no longer safe: "owner" is already in that map.
    const left = after.findings.filter((f) => f.rule === 'schema-unknown-key');
    assert.equal(left.length, 1);
    assert.ok(left[0].fixes.every((f) => !f.safe));
  });

  it('reports every applied fix with the 1-based line of its first edit in the text of its round', () => {
    const text = baseCharterWith(['charter: 1\n', 'charter: 2\n'], ['    cadence: weekly\n    owner: ana\n', '    cadence: weekyl\n    owner: ana\n']);
    const result = fixAll(text, options);
    assert.deepEqual(
      result.applied.map((a) => `${a.line} ${a.rule}`),
      ['2 unsupported-version', `${text.split('\n').findIndex((l) => l.includes('weekyl')) + 1} cadence-invalid`],
    );
    assert.equal(result.fixed, 2);
  });
});
