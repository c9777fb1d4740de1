// The organisation layer on hostile sets: long parent chains and cycles are walked without
// recursion, broken charters contribute what parsed, and many charters stay fast.
import assert from 'node:assert/strict';
import { checkSet } from '../../server/src/org/check-set';
import type { SetMember } from '../../server/src/org/check-set';

const charter = (id: string, extra = '') => `charter: 1\nteam:\n  id: ${id}\n  name: Team ${id}\n${extra}members:\n  - id: m-${id}\n    name: M ${id}\n`;
const orgFindings = (members: SetMember[], rule: string) =>
  checkSet(members, { today: '2026-11-25' }).flatMap((c) => c.analysis.findings.filter((f) => f.rule === rule).map((f) => `${c.file}:${f.range.start.line}`));

describe('organisation layer limits', () => {
  it('a parent chain of 1,000 teams is followed without recursion and finds no cycle', () => {
    const members = Array.from({ length: 1000 }, (_, i) => ({ file: `t${String(i).padStart(4, '0')}.charter.yaml`, text: charter(`t${i}`, i ? `  parent: t${i - 1}\n` : '') }));
    assert.deepEqual(orgFindings(members, 'parent-cycle'), []);
    assert.deepEqual(orgFindings(members, 'parent-unknown'), []);
  });

  it('a cycle through 1,000 teams is reported once in each of them', () => {
    const members = Array.from({ length: 1000 }, (_, i) => ({ file: `t${String(i).padStart(4, '0')}.charter.yaml`, text: charter(`t${i}`, `  parent: t${(i + 1) % 1000}\n`) }));
    assert.equal(orgFindings(members, 'parent-cycle').length, 1000);
  });

  it('a charter whose YAML is broken contributes what parsed (its team id still counts)', () => {
    const members = [
      { file: 'a/team-charter.yaml', text: charter('payments') },
      { file: 'b/team-charter.yaml', text: charter('payments') + 'mission: "never closed\n' },
    ];
    assert.deepEqual(orgFindings(members, 'team-id-duplicate'), ['a/team-charter.yaml:2', 'b/team-charter.yaml:2']);
  });

  it('a role id in two charters is not one party across them (roles are local)', () => {
    const roleCharter = (id: string, holder: string) =>
      `charter: 1\nteam: {id: ${id}, name: ${id}}\nroles: [{id: lead}]\nmembers:\n  - {id: ${holder}, name: ${holder}, role: lead}\ncheckins:\n  - {id: daily, cadence: daily, owner: lead, participants: [lead], agreed_with: [lead], minutes: 60}\n`;
    // "lead" meets daily for an hour in both, but it is ana in one and ben in the other: 7 hours each, not 14 for "lead".
    const findings = checkSet([{ file: 'a.charter.yaml', text: roleCharter('a', 'ana') }, { file: 'b.charter.yaml', text: roleCharter('b', 'ben') }], { today: '2026-11-25' })
      .flatMap((c) => c.analysis.findings.filter((f) => f.rule === 'checkin-load').map((f) => f.message));
    assert.equal(findings.length, 2);
    assert.ok(findings.every((m) => /"(ana|ben)" is in 1 check-in adding up to 7 hours/.test(m)), findings.join('\n'));
  });

  it('in a set where 300 charters share one approver, each finding keeps at most 20 related places (output stays linear)', () => {
    const members = Array.from({ length: 300 }, (_, i) => ({
      file: `t${String(i).padStart(3, '0')}.charter.yaml`,
      text: `charter: 1\nteam: {id: t${i}, name: T${i}}\nmembers: [{id: m${i}, name: M}]\nstakeholders: [{id: cfo, name: The CFO, kind: person}]\ndecisions:\n  - {id: d, scope: Spend in team ${i}, owner: m${i}, boundary: escalate, approver: cfo}\n`,
    }));
    const findings = checkSet(members, { today: '2026-11-25' }).flatMap((c) => c.analysis.findings.filter((f) => f.rule === 'org-approval-bottleneck'));
    assert.equal(findings.length, 300);
    assert.ok(findings.every((f) => f.related!.length === 20), 'related capped at 20');
    assert.match(findings[0].message, /"cfo" approves or takes the escalations of 300 decisions across 300 teams/);
  });
});
