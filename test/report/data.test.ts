// What the report draws, as data: matrix columns and cells, the check-in calendar, the
// organisation view (parents, load across teams, approvals across teams), broken and large files.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/lint';
import { buildReport } from '../../server/src/report';
import { TODAY, charterOf, fixtureInputs, fixtureReport, matrixCells } from './helpers';

describe('report data: the decision-rights matrix', () => {
  const data = fixtureReport('org');

  it('has the declared parties as columns in declaration order (members, roles, stakeholders), then undeclared ones', () => {
    const columns = (id: string) => charterOf(data, id).matrix.columns.map((c) => `${c.kind}:${c.id}`);
    assert.deepEqual(columns('platform'), ['member:ana', 'member:ben', 'role:lead', 'role:engineer', 'stakeholder:cfo']);
    assert.deepEqual(columns('payments'), ['member:carla', 'member:dan', 'role:lead', 'role:engineer', 'stakeholder:ana', 'stakeholder:platform']);
    assert.deepEqual(columns('checkout'), ['member:eve', 'member:fay', 'undeclared:zed']);
  });

  it('lists each party\'s letters in the order O A C I R E; a role reference fills the role\'s column', () => {
    assert.deepEqual(matrixCells(charterOf(data, 'platform')), {
      'infra-budget': { lead: 'O', cfo: 'AE', ana: 'R', ben: 'C' },
      'on-call-rota': { ben: 'OR', lead: 'I' },
    });
    assert.deepEqual(matrixCells(charterOf(data, 'payments')), {
      'fee-changes': { carla: 'OR', ana: 'AE', dan: 'C' },
      'payout-provider': { lead: 'OR', platform: 'AE' },
      'retry-policy': { dan: 'OR', carla: 'CE' },
    });
  });

  it('orders undeclared parties by where they are first named', () => {
    const text = 'charter: 1\nmembers:\n  - id: ana\ndecisions:\n  - id: a\n    inform: [zed]\n    owner: yak\n  - id: b\n    owner: ana\n    approver: xan\n';
    const [c] = buildReport([{ path: 'x.charter.yaml', analysis: analyze(text) }]).charters;
    assert.deepEqual(c.matrix.columns.map((col) => col.id), ['ana', 'zed', 'yak', 'xan']);
  });

  it('splits an owner written as "eve and fay" into the two parties, as written', () => {
    assert.deepEqual(matrixCells(charterOf(data, 'checkout')), { 'button-copy': { eve: 'OR', fay: 'O', zed: 'I' } });
  });

  it('gives each letter the line it is written on, and each row the findings inside its decision', () => {
    const payments = charterOf(data, 'payments');
    const fee = payments.matrix.rows[0];
    const ana = payments.matrix.columns.findIndex((c) => c.id === 'ana');
    assert.equal(fee.at.line, 38, 'the decision id is on line 39');
    assert.equal(fee.cells[ana]!.at.A!.line, 42, 'approver: ana is on line 43');
    assert.equal(fee.cells[ana]!.at.E!.line, 45, 'escalate_to: ana is on line 46');
    const checkout = charterOf(data, 'checkout');
    const owner = checkout.findings.findIndex((f) => f.rule === 'owner-multiple');
    assert.ok(owner >= 0 && checkout.matrix.rows[0].findings.includes(owner), 'the owner-multiple finding marks the row');
  });

  it('shows the boundary word, marking the default and words that are not boundaries', () => {
    const broken = charterOf(data, 'broken');
    assert.deepEqual(broken.matrix.rows.map((r) => [r.id, r.boundary.kind, r.boundary.defaulted]), [
      ['release-timing', 'team', false],
      ['pricing', 'team', true],
    ]);
    const odd = buildReport([{ path: 'x.charter.yaml', analysis: analyze('charter: 1\ndecisions:\n  - id: a\n    owner: x\n    boundary: sometimes\n') }]);
    assert.deepEqual(odd.charters[0].matrix.rows[0].boundary, { kind: 'invalid', word: 'sometimes', defaulted: false });
  });
});

describe('report data: the check-in calendar', () => {
  const payments = charterOf(fixtureReport('org'), 'payments');

  it('has members, then stakeholders named in check-ins, as people (others left out)', () => {
    assert.deepEqual(payments.calendar.people.map((p) => [p.id, p.kind, p.experience]), [
      ['carla', 'member', 'expert'],
      ['dan', 'member', 'new'],
      ['ana', 'stakeholder', undefined],
    ]);
  });

  it('counts minutes × 7 ÷ days per check-in and sums them per person, a role for its holders', () => {
    assert.deepEqual(payments.calendar.checkins.map((c) => [c.id, c.cadence, c.minutes, Math.round(c.weeklyMinutes * 100) / 100]), [
      ['pairing', 'daily', 15, 105],
      ['platform-review', 'monthly', 30, 7],
    ]);
    assert.deepEqual(payments.calendar.people.map((p) => [p.id, Math.round(p.weeklyMinutes * 100) / 100]), [
      ['carla', 112],
      ['dan', 105],
      ['ana', 7],
    ]);
  });

  it('says who runs, who takes part and who agreed', () => {
    const cell = (person: number, checkin: number) => {
      const c = payments.calendar.cells[person][checkin];
      return c ? `${c.part ?? '-'}${c.agreed ? '+agreed' : ''}` : '';
    };
    assert.deepEqual([cell(0, 0), cell(0, 1), cell(1, 0), cell(1, 1), cell(2, 0), cell(2, 1)], [
      'owner',
      'participant+agreed', // through the lead role; carla is named in agreed_with
      'participant+agreed',
      '',
      '',
      'owner+agreed',
    ]);
  });

  it('counts on-milestone check-ins as 0 minutes a week', () => {
    const checkout = charterOf(fixtureReport('org'), 'checkout');
    assert.equal(checkout.calendar.checkins[0].intervalDays, null);
    assert.equal(checkout.calendar.checkins[0].weeklyMinutes, 0);
  });
});

describe('report data: the organisation view', () => {
  const data = fixtureReport('org');
  const org = data.organisation!;
  const team = (id: string) => org.teams.find((t) => t.id === id)!;
  const idOf = (charter: number | undefined) => (charter === undefined ? undefined : org.teams[charter].id);

  it('resolves parent by team id, else by a path relative to the charter, and marks unknown parents and cycles', () => {
    assert.equal(idOf(team('payments').parentCharter), 'platform');
    assert.equal(idOf(team('checkout').parentCharter), 'payments', '../payments/team-charter.yaml');
    assert.equal(team('research').parentProblem, 'cycle');
    assert.equal(team('lab').parentProblem, 'cycle');
    assert.equal(team('platform').parentCharter, undefined);
    const lone = buildReport([...fixtureInputs('org').slice(0, 1), { ...fixtureInputs('hostile')[0] }]);
    assert.equal(lone.organisation!.teams[0].parentProblem, undefined, 'broken has no parent');
  });

  it('counts each party\'s decisions owned, approvals, escalations received and check-in hours across teams', () => {
    const load = (id: string) => {
      const l = org.loads.find((x) => x.id === id)!;
      return [l.kind, l.charters.map(idOf).sort().join(','), l.owned, l.approvals, l.escalations, l.checkinHoursPerWeek === undefined ? undefined : Math.round(l.checkinHoursPerWeek * 100) / 100];
    };
    assert.deepEqual(load('ana'), ['person', 'payments,platform', 1, 1, 1, 1.12], 'owns infra-budget as lead; 60 min weekly + 7 min monthly-review');
    assert.deepEqual(load('carla'), ['person', 'payments', 2, 0, 1, 1.87]);
    assert.deepEqual(load('cfo'), ['person', 'platform', 0, 1, 1, 0]);
    assert.deepEqual(load('platform'), ['team', 'payments', 0, 1, 1, undefined]);
    assert.deepEqual(load('eve'), ['person', 'checkout', 0, 0, 0, 0], 'a joined owner counts for nobody; on-milestone is 0 hours');
  });

  it('lists the approvals a team needs from a party of another team', () => {
    assert.deepEqual(org.approvals.map((a) => [idOf(a.from), a.approver, idOf(a.to), a.decisions]), [
      ['payments', 'ana', 'platform', ['fee-changes']],
      ['payments', 'platform', 'platform', ['payout-provider']],
    ]);
  });

  it('is left out for one charter, and when turned off', () => {
    assert.equal(buildReport(fixtureInputs('hostile')).organisation, undefined);
    assert.equal(buildReport(fixtureInputs('org'), { organisation: false }).organisation, undefined);
  });
});

describe('report data: files that cannot be drawn whole', () => {
  it('draws a charter with broken YAML from what parsed', () => {
    const broken = charterOf(fixtureReport('org'), 'broken');
    assert.equal(broken.state, 'broken-yaml');
    assert.deepEqual(broken.matrix.rows.map((r) => r.id), ['release-timing', 'pricing']);
    assert.ok(broken.findings.some((f) => f.rule === 'yaml-syntax'));
  });

  it('lists a charter above maxFileSize without drawing it', () => {
    const [big] = fixtureInputs('hostile', 100);
    const data = buildReport([big]);
    assert.equal(data.charters[0].state, 'too-large');
    assert.deepEqual(data.charters[0].tooLarge?.limit, 100);
    assert.equal(data.charters[0].matrix.rows.length, 0);
  });

  it('groups findings by rule, errors first', () => {
    const broken = charterOf(fixtureReport('org'), 'broken');
    const severities = broken.groups.map((g) => broken.findings[g.findings[0]].severity);
    assert.deepEqual([...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)), severities);
    assert.equal(broken.groups.reduce((n, g) => n + g.findings.length, 0), broken.findings.length);
  });
});
