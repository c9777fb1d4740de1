import assert from 'node:assert/strict';
import { lint } from '../../../server/src/lint';
import type { CharterConfig } from '../../../server/src/engine/model';
import { BASE_CHARTER as base } from '../../helpers/fixtures';

// The fixtures run with the default ratio (0.75); these check the `ratio` option.

/** The base charter with its decisions replaced by one per boundary given (`-` = no boundary). */
function charterWith(boundaries: string[]): string {
  const decisions = boundaries
    .map((b, i) => {
      const lines = [`  - id: decision-${i + 1}`, `    scope: Topic number ${i + 1} for the team`, '    owner: ben', '    risk_owner: ben'];
      if (b !== '-') lines.push(`    boundary: ${b}`);
      if (b === 'escalate') lines.push('    approver: finance', '    escalate_to: finance');
      if (b === 'consult') lines.push('    consult: [ana]', '    escalate_to: ana');
      return lines.join('\n');
    })
    .join('\n');
  return base.replace(/^decisions:\n(?: {2}.*\n)+/m, `decisions:\n${decisions}\n`).replace('    decisions: [payout-batching]\n', '');
}

function approvalFindings(boundaries: string[], config?: CharterConfig) {
  return lint(charterWith(boundaries), { config, today: '2026-11-25' }).filter((f) => f.rule === 'approval-everywhere');
}

describe('approval-everywhere ratio option', () => {
  it('the helper charter is otherwise clean, so the counts below are about this rule', () => {
    assert.deepEqual(lint(charterWith(['team', 'escalate']), { today: '2026-11-25' }), []);
  });

  it('default 0.75: 3 of 4 escalated is reported, 2 of 4 is not', () => {
    assert.equal(approvalFindings(['escalate', 'escalate', 'escalate', 'team']).length, 1);
    assert.equal(approvalFindings(['escalate', 'escalate', 'team', 'team']).length, 0);
  });

  it('a lower ratio reports earlier, a ratio of 1 only when every decision is escalated', () => {
    const half: CharterConfig = { rules: { 'approval-everywhere': ['warning', { ratio: 0.5 }] } };
    assert.equal(approvalFindings(['escalate', 'escalate', 'team', 'team'], half).length, 1);
    assert.equal(approvalFindings(['escalate', 'team', 'team', 'team'], half).length, 0);
    const all: CharterConfig = { rules: { 'approval-everywhere': ['warning', { ratio: 1 }] } };
    assert.equal(approvalFindings(['escalate', 'escalate', 'escalate', 'team'], all).length, 0);
  });

  it('"none is a team call" applies whatever the ratio, and a missing boundary counts as team', () => {
    const all: CharterConfig = { rules: { 'approval-everywhere': ['warning', { ratio: 1 }] } };
    assert.equal(approvalFindings(['consult', 'consult', 'escalate'], all).length, 1);
    assert.equal(approvalFindings(['consult', 'consult', '-'], all).length, 0);
  });

  it('an unusable ratio falls back to 0.75 instead of reporting everything or nothing', () => {
    for (const ratio of [0, -1, 2, 'half', null]) {
      const config = { rules: { 'approval-everywhere': ['warning', { ratio }] } } as unknown as CharterConfig;
      assert.equal(approvalFindings(['escalate', 'escalate', 'team', 'team'], config).length, 0, `ratio ${String(ratio)}`);
      assert.equal(approvalFindings(['escalate', 'escalate', 'escalate', 'team'], config).length, 1, `ratio ${String(ratio)}`);
    }
  });

  it('the finding points at the decisions key and says how many need approval', () => {
    const [finding] = approvalFindings(['escalate', 'escalate', 'escalate', 'team']);
    const text = charterWith(['escalate', 'escalate', 'escalate', 'team']);
    assert.equal(text.split('\n')[finding.range.start.line], 'decisions:');
    assert.match(finding.message, /^3 of 4 decisions need approval/);
  });
});
