import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { applyEdits, lint } from '../../../server/src/lint';

// The decision-boundary and ownership rules (group C) on odd but parseable input: wrong types,
// aliases, flow style, quoted and non-string scalars, missing ids. None may crash, and every fix
// they offer must leave YAML that still parses.
const GROUP_C = new Set([
  'decisions-missing', 'scope-missing', 'owner-missing', 'owner-multiple', 'owner-placeholder', 'scope-overlap',
  'risk-owner-missing', 'risk-owner-excluded', 'approver-missing', 'self-approval', 'consult-missing',
  'approval-everywhere', 'escalation-missing',
]);

const odd = fc.constantFrom(
  'ana', 'ben', '"ana"', "' ben '", 'lead', 'finance', 'ana and ben', 'ana/ben', '"ana, ben"', 'team', 'TBD', '"?"', '<owner>',
  '~', '""', '[]', '{}', '[ana]', '[ana, ben]', '{name: ana}', '42', 'true', '2026-01-01', '*one', '*people', 'escalate',
  'consult', 'Team', 'nobody', '[~]', '["", " "]', '[[ana]]',
);
const field = fc.constantFrom('id', 'scope', 'owner', 'boundary', 'consult', 'approver', 'inform', 'risk_owner', 'escalate_to', 'x-note');
const entry = fc.array(fc.tuple(field, odd), { maxLength: 7 }).map((pairs) => {
  const seen = new Set<string>();
  return pairs.filter(([k]) => !seen.has(k) && seen.add(k));
});
const decisions = fc.array(fc.tuple(entry, fc.boolean()), { maxLength: 5 });

function charter(list: Array<[Array<[string, string]>, boolean]>): string {
  const lines = [
    'charter: 1',
    'x-one: &one ana',
    'x-people: &people [ana, ben]',
    'team: {id: t, name: T}',
    'members:',
    '  - {id: ana, role: lead}',
    '  - {id: ben, role: engineer}',
    'stakeholders: [{id: finance}]',
  ];
  if (list.length === 0) return lines.join('\n') + '\ndecisions: []\n';
  lines.push('decisions:');
  for (const [pairs, flow] of list) {
    if (pairs.length === 0) lines.push('  - {}');
    else if (flow) lines.push(`  - {${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`);
    else pairs.forEach(([k, v], i) => lines.push(`${i === 0 ? '  - ' : '    '}${k}: ${v}`));
  }
  return lines.join('\n') + '\n';
}

describe('decision and ownership rules on odd input', () => {
  it('never fail, and their fixes keep the YAML parseable', () => {
    fc.assert(
      fc.property(decisions, (list) => {
        const text = charter(list);
        const errorsBefore = parseDocument(text).errors.length;
        for (const f of lint(text, { today: '2026-11-25' })) {
          if (!GROUP_C.has(f.rule)) continue;
          assert.doesNotMatch(f.message, /check failed/, `${f.rule} crashed on:\n${text}`);
          for (const fix of f.fixes) {
            const after = applyEdits(text, fix.edits);
            assert.ok(parseDocument(after).errors.length <= errorsBefore, `${f.rule} › ${fix.title} broke the YAML:\n${after}`);
          }
        }
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });

  it('a charter that is a list, a scalar, or empty gets no finding from these rules', () => {
    for (const text of ['- a\n- b\n', 'just text\n', '', '# only a comment\n', 'charter: 1\ndecisions: "none"\n', 'charter: 1\ndecisions: {a: 1}\n']) {
      const mine = lint(text).filter((f) => GROUP_C.has(f.rule) && f.rule !== 'decisions-missing');
      assert.deepEqual(mine, [], JSON.stringify(text));
    }
  });
});
