// An unquoted comma in a flow map ends the value, and the rest becomes a key: the finding says what
// happened and offers to quote the whole value, instead of advising an `x-` key.
import assert from 'node:assert/strict';
import { applyEdits, lint } from '../../../server/src/lint';
import { baseCharterWith } from '../../helpers/fixtures';

const text = baseCharterWith([
  '    escalate_to: finance\n',
  '    escalate_to: finance\n  - {id: refund-rules, scope: Refunds, discounts and credits, owner: ben, risk_owner: ben}\n',
]);
const unknownKeys = (t: string) => lint(t, { today: '2026-11-25' }).filter((f) => f.rule === 'schema-unknown-key');

describe('schema-unknown-key: a flow value split by an unquoted comma', () => {
  it('says the comma split the value, at the text after the comma, and offers to quote it', () => {
    const [finding] = unknownKeys(text);
    assert.equal(
      finding.message,
      '"discounts and credits" is not a key: the unquoted comma in "Refunds, discounts and credits" ended the "scope" value there (a comma separates entries in a {…} map); quote the whole value',
    );
    const line = text.split('\n')[finding.range.start.line];
    assert.equal(line.slice(finding.range.start.character, finding.range.end.character), 'discounts and credits');
    assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe]), [['Quote the whole value: "Refunds, discounts and credits"', false]]);
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.ok(fixed.includes('{id: refund-rules, scope: "Refunds, discounts and credits", owner: ben, risk_owner: ben}'));
    assert.deepEqual(unknownKeys(fixed), []);
  });

  it('a key with a value of its own is an ordinary unknown key', () => {
    const other = text.replace('scope: Refunds, discounts and credits,', 'scope: Refunds, notes: credits,');
    assert.match(unknownKeys(other)[0].message, /^unknown key "notes" in decision "refund-rules"; custom keys must start with "x-"$/);
  });
});
