// Behaviour of group-A rules that fixtures cannot show: options, and fixes that must compose.
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { applyEdits, fixAll, lint } from '../../server/src/lint';
import type { CharterConfig, Finding } from '../../server/src/lint';
import { BASE_CHARTER as BASE, baseCharterWith as charter } from '../helpers/fixtures';

const PRIORITY = '  - id: payouts\n    title: Next-day payouts\n    why: Slow payouts are the top reason merchants leave.\n';

const run = (text: string, config?: CharterConfig): Finding[] => lint(text, { today: '2026-11-25', config });
const only = (text: string, rule: string, config?: CharterConfig) => run(text, config).filter((f) => f.rule === rule);
const priorities = (n: number) =>
  Array.from({ length: n }, (_, i) => `  - id: p${i}\n    title: Priority ${i}\n    why: It matters for reason ${i}.\n`).join('');

describe('priorities-too-many', () => {
  it('allows 5 by default and reports the 6th, on the priorities key', () => {
    assert.equal(only(charter([PRIORITY, priorities(5)]), 'priorities-too-many').length, 0);
    const text = charter([PRIORITY, priorities(6)]);
    const [finding] = only(text, 'priorities-too-many');
    assert.equal(finding.range.start.line, text.split('\n').indexOf('priorities:'));
    assert.match(finding.message, /6 priorities, more than 5/);
  });

  it('honours the max option, and falls back to 5 when it is not a positive number', () => {
    const three = charter([PRIORITY, priorities(3)]);
    assert.equal(only(three, 'priorities-too-many', { rules: { 'priorities-too-many': ['info', { max: 2 }] } }).length, 1);
    assert.equal(only(three, 'priorities-too-many', { rules: { 'priorities-too-many': ['info', { max: 3 }] } }).length, 0);
    assert.equal(only(three, 'priorities-too-many', { rules: { 'priorities-too-many': ['info', { max: 'lots' }] } }).length, 0);
    assert.equal(only(charter([PRIORITY, priorities(6)]), 'priorities-too-many', { rules: { 'priorities-too-many': ['warning', { max: -1 }] } })[0].severity, 'warning');
  });
});

describe('duplicate-id', () => {
  it('renames each later duplicate to the next free "-N" id', () => {
    const text = charter(['  - id: fee-changes\n', '  - id: payout-batching-2\n']).replace(
      'decisions:\n',
      'decisions:\n  - id: payout-batching\n    scope: Payout retries\n    owner: ben\n    risk_owner: ben\n',
    );
    const findings = only(text, 'duplicate-id');
    assert.equal(findings.length, 1);
    assert.match(findings[0].fixes[0].title, /"payout-batching-3"/);
    assert.equal(findings[0].related?.[0].message, 'first decision with id "payout-batching"');
    assert.equal(only(applyEdits(text, findings[0].fixes[0].edits), 'duplicate-id').length, 0);
  });
});

describe('unknown-reference', () => {
  it('stays quiet on owners that owner-multiple or owner-placeholder report, and on a self-approving approver', () => {
    const text = charter(['    owner: ana\n    boundary: escalate\n    approver: finance\n', '    owner: zed\n    boundary: escalate\n    approver: zed\n'], ['    owner: ben\n    done:', '    owner: bob and carl\n    done:'], ['  owner: ana\n  covers', '  owner: everyone\n  covers']);
    const refs = only(text, 'unknown-reference').map((f) => f.message);
    assert.equal(refs.length, 1, refs.join('\n'));
    assert.match(refs[0], /names "zed" in "owner"/);
  });

  it('offers no id-guessing fix for a placeholder reference', () => {
    const [finding] = only(charter(['    approver: finance\n', '    approver: TBD\n']), 'unknown-reference');
    assert.match(finding.message, /has the placeholder "TBD" in "approver"/);
    assert.deepEqual(finding.fixes, []);
  });

  it('the "declare" fix appends to a flow stakeholders list, and several declarations compose', () => {
    let text = charter(['stakeholders:\n  - id: finance\n    name: Finance team\n    kind: team\n', 'stakeholders: [{id: finance, name: Finance team, kind: team}]\n'], ['    consult: [ben]\n', '    consult: [ben, legal]\n    inform: [press]\n']);
    for (let i = 0; i < 2; i++) {
      const finding = only(text, 'unknown-reference')[0];
      const declare = finding.fixes.find((f) => f.title.startsWith('Declare'))!;
      text = applyEdits(text, declare.edits);
      assert.equal(parseDocument(text).errors.length, 0, text);
    }
    assert.ok(text.includes('stakeholders: [{id: finance, name: Finance team, kind: team}, {id: legal, name: "TODO: who they are"}, {id: press, name: "TODO: who they are"}]'), text);
    assert.equal(only(text, 'unknown-reference').length, 0);
  });

  it('the "declare" fix quotes an id YAML would read as a boolean or null, so the reference is then declared', () => {
    const text = charter(['    consult: [ben]\n', '    consult: [ben, "true"]\n']);
    const [finding] = only(text, 'unknown-reference');
    const declared = applyEdits(text, finding.fixes.find((f) => f.title.startsWith('Declare'))!.edits);
    assert.ok(declared.includes('  - id: "true"\n'), declared);
    assert.deepEqual(run(declared).filter((f) => f.rule === 'unknown-reference' || f.rule.startsWith('schema-')), []);
  });

  it('a reference that differs only by letter case or separators is a safe fix that fix-all applies', () => {
    const text = charter(['  owner: ana\n  covers', '  owner: Ana\n  covers']);
    assert.equal(fixAll(text, { today: '2026-11-25' }).text, BASE);
  });

  it('any other close match (a different letter) is offered, never applied by fix-all: it may be another person', () => {
    const text = charter(['  owner: ana\n  covers', '  owner: anna\n  covers']);
    assert.equal(fixAll(text, { today: '2026-11-25' }).text, text);
    const [finding] = run(text).filter((f) => f.rule === 'unknown-reference');
    assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe]).slice(0, 1), [['Change to "ana"', false]]);
  });
});

describe('placeholder-text', () => {
  it('ignores reference fields, keys, comments, x- extensions and non-text values', () => {
    const text = charter(
      ['    consult: [ben]\n', '    consult: [ben]\n    inform: [TODO]\n'],
      ['  name: Payments\n', '  name: Payments # TODO rename\n  x-todo: TODO\n'],
      ['    decisions: [payout-batching]\n', '    decisions: [TODO]\n'],
    );
    assert.deepEqual(only(text, 'placeholder-text'), []);
  });

  it('reports a role placeholder as text when there is no role catalogue', () => {
    const noRoles = charter(['roles:\n  - id: lead\n    title: Engineering lead\n  - id: engineer\n    title: Software engineer\n\n', ''], ['    role: engineer\n', '    role: TBD\n']);
    assert.deepEqual(run(noRoles).map((f) => f.rule), ['placeholder-text']);
    const withRoles = charter(['    role: engineer\n', '    role: TBD\n']);
    assert.deepEqual(run(withRoles).map((f) => f.rule), ['unknown-reference']);
  });
});
