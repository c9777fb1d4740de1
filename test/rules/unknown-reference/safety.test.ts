// What --fix may change in a reference: letter case and separators only. Any other "closest id" may
// be another person, so it is a quick fix for a person to choose; a display name gets its member's id.
import assert from 'node:assert/strict';
import { fixAll, lint } from '../../../server/src/lint';
import { baseCharterWith } from '../../helpers/fixtures';

const run = (t: string) => lint(t, { today: '2026-11-25' }).filter((f) => f.rule === 'unknown-reference');
const fixes = (t: string) => run(t).map((f) => [t.split('\n')[f.range.start.line].trim(), f.fixes.map((x) => `${x.title}${x.safe ? ' ✓' : ''}`)]);

describe('unknown-reference: which replacements are safe', () => {
  it('letter case and separators are safe, and --fix applies them', () => {
    const text = baseCharterWith(['  - id: ana\n', '  - id: ana-silva\n'], ['    owner: ana\n    boundary: escalate\n', '    owner: Ana_Silva\n    boundary: escalate\n']);
    const [first] = fixes(text);
    assert.deepEqual(first, ['owner: Ana_Silva', ['Change to "ana-silva" ✓']]);
    const fixed = fixAll(text, { today: '2026-11-25' }).text;
    assert.ok(fixed.includes('    owner: ana-silva\n    boundary: escalate\n'));
    const upper = baseCharterWith(['    owner: ben\n    boundary: team\n', '    owner: BEN\n    boundary: team\n']);
    assert.deepEqual(fixes(upper), [['owner: BEN', ['Change to "ben" ✓']]]);
  });

  it('any other close id is only offered: "bem" may be ben, "ken" may be another person', () => {
    const text = baseCharterWith(['    consult: [ben]\n', '    consult: [bem]\n']);
    assert.deepEqual(fixes(text), [['consult: [bem]', ['Change to "ben"', 'Declare "bem" as a stakeholder']]]);
    assert.equal(fixAll(text, { today: '2026-11-25' }).text, text);
    const ken = baseCharterWith(['    risk_owner: ben\n  - id: fee-changes', '    risk_owner: ken\n  - id: fee-changes']);
    assert.deepEqual(fixes(ken), [['risk_owner: ken', ['Change to "ben"', 'Declare "ken" as a stakeholder']]]);
  });

  it('a display name suggests the id of the one member with that name or first name', () => {
    const text = baseCharterWith(['  - id: ben\n    name: Ben Okafor\n', '  - id: bo\n    name: Benjamin Okafor\n'], ['    owner: ben\n    boundary: team\n    risk_owner: ben\n', '    owner: Benjamin Okafor\n    boundary: team\n    risk_owner: bo\n']);
    const found = fixes(text).find(([line]) => line === 'owner: Benjamin Okafor');
    assert.deepEqual(found, ['owner: Benjamin Okafor', ['Change to "bo"']]);
  });
});
