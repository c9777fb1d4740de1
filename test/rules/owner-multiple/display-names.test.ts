// The owner-multiple fix writes ids, never display names: a name that is exactly one member's name
// (or first name) becomes that member's id, any other becomes a visible TODO, so the fix never
// leaves a reference that unknown-reference would report.
import assert from 'node:assert/strict';
import { applyEdits, lint } from '../../../server/src/lint';
import { baseCharterWith } from '../../helpers/fixtures';

// ana is Maya Kowalski and ben is Felix Braun here: people write the names they know.
const text = baseCharterWith(
  ['  - id: ana\n    name: Ana Silva\n', '  - id: ana\n    name: Maya Kowalski\n'],
  ['  - id: ben\n    name: Ben Okafor\n', '  - id: ben\n    name: Felix Braun\n'],
  ['    owner: ben\n    boundary: team\n    risk_owner: ben\n', '    owner: Maya and Felix\n    boundary: team\n    risk_owner: ana\n'],
  ['    scope: Any change to merchant fees\n    owner: ana\n', '    scope: Any change to merchant fees\n    owner: [ana, Zoe]\n'],
);
const run = (t: string) => lint(t, { today: '2026-11-25' });
const fixOf = (t: string, line: string) => {
  const finding = run(t).find((f) => f.rule === 'owner-multiple' && t.split('\n')[f.range.start.line] === line)!;
  return finding.fixes[0];
};

describe('owner-multiple: the fix maps display names to ids', () => {
  it('"Maya and Felix" becomes owner ana, consulting ben, and no reference is unknown', () => {
    const fix = fixOf(text, '    owner: Maya and Felix');
    assert.deepEqual([fix.title, fix.safe], ['Keep "ana" as owner and consult ben', false]);
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.includes('    owner: ana\n    boundary: team\n    risk_owner: ana\n    consult: [ben]\n'), fixed);
    const lines = fixed.split('\n');
    const payoutBatching = run(fixed).filter((f) => f.range.start.line >= lines.indexOf('  - id: payout-batching') && f.range.start.line < lines.indexOf('  - id: fee-changes'));
    assert.deepEqual(payoutBatching.map((f) => f.rule), []);
  });

  it('a name no member has becomes a visible TODO, which placeholder rules report instead of an unknown id', () => {
    const fix = fixOf(text, '    owner: [ana, Zoe]');
    assert.deepEqual([fix.title, fix.safe], ['Keep "ana" as owner and consult TODO', false]);
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.includes('    scope: Any change to merchant fees\n    owner: ana\n'));
    assert.ok(fixed.includes('    consult: [ben, TODO]\n'));
    const unknown = run(fixed).filter((f) => f.rule === 'unknown-reference');
    assert.deepEqual(unknown.map((f) => f.message), ['decision "fee-changes" has the placeholder "TODO" in "consult": name a declared member, role or stakeholder instead']);
    assert.ok(!unknown.some((f) => f.message.includes('Zoe')));
  });
});
