// A suppression that silences nothing usually sits one line off: the message says where the nearest
// finding of the rule it names is.
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/lint';
import { baseCharterWith } from '../../helpers/fixtures';

const run = (t: string) => lint(t, { today: '2026-11-25' });

describe('unused-suppression: names the nearest finding of the rule', () => {
  it('a comment one line off points at the finding it meant', () => {
    const text = baseCharterWith(
      ['  - id: pilot\n', '  - id: pilot\n    # charter-disable-next-line done-vague\n'],
      ['    done: 50 pilot merchants receive every payout within 24 hours.\n', '    done: Shipped.\n'],
    );
    const lines = text.split('\n');
    const vague = lines.indexOf('    done: Shipped.') + 1;
    const [unused] = run(text).filter((f) => f.rule === 'unused-suppression');
    assert.equal(unused.message, `this suppression silences nothing: no "done-vague" finding on the next line (the nearest "done-vague" finding is on line ${vague})`);
    assert.deepEqual(unused.fixes.map((f) => [f.title, f.safe]), [['Remove the unused suppression comment', true]]);
  });

  it('with no finding of that rule anywhere, it says only that there is none', () => {
    const text = baseCharterWith(['  - id: pilot\n', '  - id: pilot\n    # charter-disable-next-line done-vague\n']);
    assert.deepEqual(run(text).map((f) => f.message), ['this suppression silences nothing: no "done-vague" finding on the next line']);
  });
});
