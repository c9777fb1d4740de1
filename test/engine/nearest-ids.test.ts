import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NearestIds, closestMatches } from '../../server/src/engine/text';

describe('NearestIds (typo suggestions over many ids)', () => {
  const id = fc.stringMatching(/^[a-e][a-e0-9-]{0,9}$/);

  for (const [what, minLength, maxLength] of [['a few ids', 0, 60], ['an indexed set of ids', NearestIds.INDEX_FROM, 700]] as const) it(`suggests exactly what comparing with every id would suggest (${what})`, () => {
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength, maxLength }), fc.array(id, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 2 }), (ids, queries, d) => {
        const nearest = new NearestIds(ids);
        for (const q of queries) assert.deepEqual(nearest.closest(q, d), closestMatches(q, ids, d), `query ${q}`);
      }),
      { numRuns: minLength ? 40 : 200, seed: 7 },
    );
  });

  it('finds a two-edit typo among thousands of ids', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `member-${i}`);
    assert.deepEqual(new NearestIds([...ids, 'marco-conti']).closest('mraco-conti', 2), ['marco-conti']);
  });
});
