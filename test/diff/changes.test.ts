import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { diffCharters } from '../../server/src/diff';
import type { Change, CharterChanges } from '../../server/src/diff';
import { BASE_CHARTER, TODAY, edit } from './helpers';
import { ROOT } from '../helpers/fixtures';

const diff = (base: string | undefined, head: string | undefined): CharterChanges => diffCharters(base, head, { today: TODAY });
const messages = (base: string | undefined, head: string | undefined) => diff(base, head).changes.map((c) => c.message);
function only<K extends Change['kind']>(base: string, head: string, kind: K): Change & { kind: K } {
  const changes = diff(base, head).changes;
  assert.equal(changes.length, 1, `expected one change, got: ${JSON.stringify(changes.map((c) => c.message))}`);
  assert.equal(changes[0].kind, kind);
  return changes[0] as Change & { kind: K };
}

const PILOT_DONE = '    done: 50 pilot merchants receive every payout within 24 hours.\n';

describe('diff: what is not a change', () => {
  it('an unchanged charter reports nothing', () => {
    assert.deepEqual(diff(BASE_CHARTER, BASE_CHARTER), { status: 'modified', syntaxErrors: { base: 0, head: 0 }, findings: { introduced: [], resolved: [] }, changes: [], decisionRights: [] });
  });

  it('reordered decisions, check-ins and keys, new comments, other quoting and CRLF line ends report nothing', () => {
    const decisions = BASE_CHARTER.slice(BASE_CHARTER.indexOf('  - id: payout-batching'), BASE_CHARTER.indexOf('\ncheckins:') + 1);
    const [first, second] = [decisions.slice(0, decisions.indexOf('  - id: fee-changes')), decisions.slice(decisions.indexOf('  - id: fee-changes'))];
    let head = edit(BASE_CHARTER, decisions, second + first);
    head = edit(head, '    owner: ben\n    boundary: team\n', '    boundary: team # agreed in the retro\n    owner: "ben"\n');
    head = edit(head, 'channel: "#payments-updates"', "channel: '#payments-updates'");
    head = edit(head, 'participants: [ana, ben]', 'participants:\n      - ben\n      - ana');
    head = head.replace(/\n/g, '\r\n');
    assert.deepEqual(diff(BASE_CHARTER, head).changes, []);
    assert.deepEqual(diff(BASE_CHARTER, head).findings, { introduced: [], resolved: [] });
  });

  it('swapping two overlapping decisions moves the scope-overlap finding to the other one: no finding introduced or resolved', () => {
    const growth = fs.readFileSync(path.join(ROOT, 'examples/growth/team-charter.yaml'), 'utf8');
    const experiments = growth.slice(growth.indexOf('  - id: experiments\n'), growth.indexOf('  - id: copy-changes\n'));
    const choice = growth.slice(growth.indexOf('  - id: experiment-choice\n'), growth.indexOf('  - id: tracking-plan\n'));
    const head = edit(edit(growth, experiments, '@@EXPERIMENTS@@'), choice, experiments).replace('@@EXPERIMENTS@@', choice);
    assert.ok(head.indexOf('id: experiment-choice') < head.indexOf('id: experiments\n'));
    assert.deepEqual(diff(growth, head).findings, { introduced: [], resolved: [] });
    assert.deepEqual(diff(growth, head).changes, []);
  });

  it('a section-wide finding whose counts change ("3 of 4 decisions" → "4 of 5") is the same finding', () => {
    const growth = fs.readFileSync(path.join(ROOT, 'examples/growth/team-charter.yaml'), 'utf8');
    const head = edit(growth, '\ncheckins:', '  - id: pricing-tests\n    scope: Which price points we test\n    owner: priya\n    boundary: escalate\n    approver: sara\n    risk_owner: priya\n    escalate_to: sara\n\ncheckins:');
    const { findings } = diff(growth, head);
    assert.deepEqual(findings.introduced.map((f) => f.rule), []);
    assert.deepEqual(findings.resolved.map((f) => f.rule), []);
  });

  it('a cadence written another way with the same interval is no change', () => {
    assert.deepEqual(messages(BASE_CHARTER, edit(BASE_CHARTER, '    cadence: weekly\n    owner: ana\n    participants', '    cadence: every 7 days\n    owner: ana\n    participants')), []);
  });

  it('a done string and the same criterion as a one-item list, reflowed, is no change', () => {
    assert.deepEqual(messages(BASE_CHARTER, edit(BASE_CHARTER, PILOT_DONE, '    done:\n      - 50 pilot merchants receive every\n        payout within 24 hours.\n')), []);
  });

  it('writing the default boundary out (or leaving it out) is no change', () => {
    assert.deepEqual(messages(BASE_CHARTER, edit(BASE_CHARTER, '    owner: ben\n    boundary: team\n', '    owner: ben\n')), []);
  });
});

describe('diff: decisions added, removed and renamed', () => {
  const NEW_DECISION = '  - id: bank-choice\n    scope: Which partner bank pays out\n    owner: ana\n    boundary: consult\n    consult: [ben]\n    risk_owner: ana\n    escalate_to: finance\n';
  const withNew = edit(BASE_CHARTER, '\n\ncheckins:', `\n${NEW_DECISION}\ncheckins:`);

  it('an added decision names its owner and boundary', () => {
    const change = only(BASE_CHARTER, withNew, 'entry-added');
    assert.equal(change.message, 'decision "bank-choice" added (owner "ana", boundary consult)');
    assert.equal(change.category, 'decisions');
    assert.equal(change.id, 'bank-choice');
  });

  it('a removed decision is reported with who owned it', () => {
    const change = only(withNew, BASE_CHARTER, 'entry-removed');
    assert.equal(change.message, 'decision "bank-choice" removed (owner "ana", boundary consult)');
  });

  it('a renamed id with everything else equal is one rename, and findings about it follow the rename', () => {
    const base = edit(BASE_CHARTER, '    owner: ana\n    boundary: escalate\n', '    boundary: escalate\n'); // owner-missing on fee-changes
    assert.deepEqual(diff(BASE_CHARTER, base).findings.introduced.map((f) => f.message), ['decision "fee-changes" has no owner: nobody is accountable for making the call']);
    const head = edit(base, 'id: fee-changes\n', 'id: fee-policy\n');
    const result = diff(base, head);
    assert.deepEqual(result.changes.map((c) => c.message), ['decision "fee-changes" renamed to "fee-policy"']);
    assert.deepEqual(result.findings, { introduced: [], resolved: [] });
  });

  it('a renamed id whose content also changed is a removal and an addition', () => {
    const head = edit(edit(BASE_CHARTER, 'id: payout-batching\n', 'id: payout-schedule\n'), 'How payouts are batched and scheduled', 'When payouts run');
    assert.deepEqual(messages(BASE_CHARTER, head), [
      'decision "payout-schedule" added (owner "ben", boundary team)',
      'decision "payout-batching" removed (owner "ben", boundary team)',
    ]);
  });

  it('duplicate ids pair up in order: changing the second one is reported once', () => {
    const dup = edit(BASE_CHARTER, '  - id: fee-changes', '  - id: payout-batching\n    scope: Payout batching for marketplaces\n    owner: ana\n  - id: fee-changes');
    const head = edit(dup, '    scope: Payout batching for marketplaces\n    owner: ana\n', '    scope: Payout batching for marketplaces\n    owner: ben\n');
    assert.deepEqual(messages(dup, head), ['decision "payout-batching": owner moved from "ana" to "ben"']);
  });
});

describe('diff: ownership', () => {
  it('owner, approver and risk owner of a decision moved', () => {
    let head = edit(BASE_CHARTER, '    owner: ana\n    boundary: escalate\n    approver: finance\n', '    owner: ben\n    boundary: escalate\n    approver: ana\n');
    head = edit(head, '    risk_owner: ana\n    escalate_to', '    risk_owner: finance\n    escalate_to');
    const changes = diff(BASE_CHARTER, head).changes.filter((c) => c.category === 'ownership');
    assert.deepEqual(changes.map((c) => c.message), [
      'decision "fee-changes": owner moved from "ana" to "ben"',
      'decision "fee-changes": approver moved from "finance" to "ana"',
      'decision "fee-changes": risk owner moved from "ana" to "finance"',
    ]);
    assert.deepEqual(changes.map((c) => c.kind === 'owner-changed' && [c.field, c.from, c.to]), [['owner', 'ana', 'ben'], ['approver', 'finance', 'ana'], ['risk_owner', 'ana', 'finance']]);
  });

  it('an owner removed and an owner set', () => {
    const noOwner = edit(BASE_CHARTER, '    owner: ben\n    boundary: team\n', '    boundary: team\n');
    assert.deepEqual(messages(BASE_CHARTER, noOwner), ['decision "payout-batching": owner removed (was "ben")']);
    assert.deepEqual(messages(noOwner, BASE_CHARTER), ['decision "payout-batching": owner set to "ben"']);
  });

  it("a risk's owner, a milestone's owner, a check-in's owner and the updates owner", () => {
    let head = edit(BASE_CHARTER, '    owner: ana\n    mitigation:', '    owner: finance\n    mitigation:');
    head = edit(head, '    due: 2027-02-15\n    owner: ben\n', '    due: 2027-02-15\n    owner: ana\n');
    head = edit(head, '    cadence: weekly\n    owner: ana\n    participants', '    cadence: weekly\n    owner: ben\n    participants');
    head = edit(head, '  channel: "#payments-updates"\n  owner: ana\n', '  channel: "#payments-updates"\n  owner: ben\n');
    assert.deepEqual(messages(BASE_CHARTER, head), [
      'check-in "weekly-sync": owner moved from "ana" to "ben"',
      'milestone "pilot": owner moved from "ben" to "ana"',
      'risk "bank-outage": owner moved from "ana" to "finance"',
      'updates: owner moved from "ana" to "ben"',
    ]);
  });

  it('an owner turned into a list is shown as the list', () => {
    const head = edit(BASE_CHARTER, '    owner: ben\n    boundary: team\n', '    owner: [ben, ana]\n    boundary: team\n');
    const change = diff(BASE_CHARTER, head).changes.find((c) => c.kind === 'owner-changed');
    assert.equal(change?.message, 'decision "payout-batching": owner moved from "ben" to ["ben", "ana"]');
  });
});

describe('diff: boundaries', () => {
  const FEE = '    boundary: escalate\n    approver: finance\n';
  const PAYOUT = '    owner: ben\n    boundary: team\n';

  it('team → consult tightens control', () => {
    const change = only(BASE_CHARTER, edit(BASE_CHARTER, PAYOUT, '    owner: ben\n    boundary: consult\n'), 'boundary-changed');
    assert.equal(change.direction, 'tightened');
    assert.equal(change.message, 'decision "payout-batching": boundary moved from team to consult: tightening control (the owner decides after consulting)');
  });

  it('escalate → team delegates (ownership fields untouched)', () => {
    const changes = diff(BASE_CHARTER, edit(BASE_CHARTER, FEE, '    boundary: team\n    approver: finance\n')).changes;
    assert.deepEqual(changes.map((c) => c.kind === 'boundary-changed' && [c.from, c.to, c.direction]), [['escalate', 'team', 'delegated']]);
    assert.match(changes[0].message, /delegating \(the team decides alone\)$/);
  });

  it('a missing boundary counts as team, so removing escalate delegates', () => {
    const change = only(BASE_CHARTER, edit(BASE_CHARTER, FEE, '    approver: finance\n'), 'boundary-changed');
    assert.deepEqual([change.from, change.to, change.direction], ['escalate', 'team', 'delegated']);
  });

  it('a value outside the format is a change without a direction', () => {
    const result = diff(BASE_CHARTER, edit(BASE_CHARTER, PAYOUT, '    owner: ben\n    boundary: approve\n'));
    const change = result.changes.find((c) => c.kind === 'boundary-changed');
    assert.ok(change && change.kind === 'boundary-changed');
    assert.equal(change.direction, 'changed');
    assert.equal(change.message, 'decision "payout-batching": boundary changed from "team" to "approve"');
    assert.ok(result.findings.introduced.some((f) => f.rule === 'schema-invalid-value'), 'the bad value is also an introduced finding');
  });
});

describe('diff: check-ins', () => {
  const WEEKLY = '    cadence: weekly\n    owner: ana\n    participants: [ana, ben]\n';
  const cadence = (to: string) => edit(BASE_CHARTER, WEEKLY, WEEKLY.replace('weekly', to));

  it('a check-in made daily is more frequent, with the intervals', () => {
    const change = only(BASE_CHARTER, cadence('daily'), 'cadence-changed');
    assert.deepEqual([change.from, change.to, change.fromDays, change.toDays, change.direction], ['weekly', 'daily', 7, 1, 'more-frequent']);
    assert.equal(change.message, 'check-in "weekly-sync": cadence changed from weekly to daily: more frequent (every day instead of every 7 days)');
  });

  it('weekly → monthly and → every 3 weeks are less frequent', () => {
    assert.equal(only(BASE_CHARTER, cadence('monthly'), 'cadence-changed').direction, 'less-frequent');
    assert.equal(only(BASE_CHARTER, cadence('every 3 weeks'), 'cadence-changed').toDays, 21);
  });

  it('on-milestone has no interval: the cadence just changed', () => {
    const head = edit(BASE_CHARTER, WEEKLY, '    cadence: on-milestone\n    milestones: [pilot]\n    owner: ana\n    participants: [ana, ben]\n');
    const [change, milestones] = diff(BASE_CHARTER, head).changes;
    assert.ok(change.kind === 'cadence-changed');
    assert.equal(change.direction, 'changed');
    assert.equal(change.message, 'check-in "weekly-sync": cadence changed from weekly to on-milestone (no fixed interval)');
    assert.equal(milestones.message, 'check-in "weekly-sync": milestones added "pilot"');
  });

  it('the updates cadence is compared too', () => {
    const head = edit(BASE_CHARTER, 'updates:\n  cadence: weekly', 'updates:\n  cadence: biweekly');
    assert.deepEqual(messages(BASE_CHARTER, head), ['updates: cadence changed from weekly to biweekly: less frequent (every 14 days instead of every 7 days)']);
  });

  it('participants added and removed', () => {
    const change = only(BASE_CHARTER, edit(BASE_CHARTER, 'participants: [ana, ben]', 'participants: [ana, finance]'), 'participants-changed');
    assert.deepEqual([change.added, change.removed], [['finance'], ['ben']]);
    assert.equal(change.message, 'check-in "weekly-sync": participants added "finance"; removed "ben"');
  });

  it('check-ins added and removed', () => {
    const extra = '  - id: payout-review\n    cadence: monthly\n    owner: ana\n    participants: [ana, finance]\n    agreed_with: [finance]\n    purpose: Payout numbers with finance.\n';
    const head = edit(BASE_CHARTER, '\n\nmilestones:', `\n${extra}\nmilestones:`);
    assert.deepEqual(messages(BASE_CHARTER, head), ['check-in "payout-review" added (cadence monthly, participants "ana", "finance")']);
    assert.deepEqual(messages(head, BASE_CHARTER), ['check-in "payout-review" removed (cadence monthly, participants "ana", "finance")']);
  });
});

describe('diff: done', () => {
  const INTENT_DONE = '  done: 95% of payouts arrive within 24 hours for 30 days in a row.\n';

  it('a done text changed shows both texts in full', () => {
    const head = edit(BASE_CHARTER, INTENT_DONE, '  done: 90% of payouts arrive within 24 hours for 30 days in a row.\n');
    const change = only(BASE_CHARTER, head, 'done-changed');
    assert.equal(change.change, 'changed');
    assert.equal(change.message, 'intent: done changed from "95% of payouts arrive within 24 hours for 30 days in a row." to "90% of payouts arrive within 24 hours for 30 days in a row."');
  });

  it('a criterion added to and removed from a list; reordering criteria is no change', () => {
    const two = edit(BASE_CHARTER, INTENT_DONE, '  done:\n    - 95% of payouts arrive within 24 hours.\n    - Zero payouts lost for 30 days.\n');
    const swapped = edit(BASE_CHARTER, INTENT_DONE, '  done:\n    - Zero payouts lost for 30 days.\n    - 95% of payouts arrive within 24 hours.\n');
    const one = edit(BASE_CHARTER, INTENT_DONE, '  done:\n    - 95% of payouts arrive within 24 hours.\n');
    assert.deepEqual(messages(two, swapped), []);
    assert.deepEqual(messages(two, one), ['intent: done criterion removed: "Zero payouts lost for 30 days."']);
    assert.deepEqual(messages(one, two), ['intent: done criterion added: "Zero payouts lost for 30 days."']);
  });

  it("a milestone's done removed and added", () => {
    const without = edit(BASE_CHARTER, PILOT_DONE, '');
    const removed = diff(BASE_CHARTER, without);
    const change = removed.changes.find((c) => c.kind === 'done-changed');
    assert.ok(change && change.kind === 'done-changed');
    assert.deepEqual([change.change, change.id, change.to], ['removed', 'pilot', null]);
    assert.equal(change.message, 'milestone "pilot": done removed (was "50 pilot merchants receive every payout within 24 hours.")');
    assert.deepEqual(messages(without, BASE_CHARTER), ['milestone "pilot": done added: "50 pilot merchants receive every payout within 24 hours."']);
  });

  it('intent done removed entirely', () => {
    const change = diff(BASE_CHARTER, edit(BASE_CHARTER, INTENT_DONE, '')).changes.find((c) => c.kind === 'done-changed');
    assert.equal(change?.message, 'intent: done removed (was "95% of payouts arrive within 24 hours for 30 days in a row.")');
  });
});

describe('diff: milestones', () => {
  const DUE = '    due: 2027-02-15\n';

  it('due moved later and earlier, by calendar days', () => {
    const later = only(BASE_CHARTER, edit(BASE_CHARTER, DUE, '    due: 2027-03-15\n'), 'due-changed');
    assert.deepEqual([later.days, later.direction], [28, 'later']);
    assert.equal(later.message, 'milestone "pilot": due moved from 2027-02-15 to 2027-03-15, 28 days later');
    const earlier = only(BASE_CHARTER, edit(BASE_CHARTER, DUE, '    due: "2027-02-14"\n'), 'due-changed');
    assert.deepEqual([earlier.days, earlier.direction], [-1, 'earlier']);
    assert.match(earlier.message, /, 1 day earlier$/);
  });

  it('quoting a due date is no change; a due removed, set, or not a date', () => {
    assert.deepEqual(messages(BASE_CHARTER, edit(BASE_CHARTER, DUE, "    due: '2027-02-15'\n")), []);
    const without = edit(BASE_CHARTER, DUE, '');
    assert.deepEqual(messages(BASE_CHARTER, without), ['milestone "pilot": due removed (was 2027-02-15)']);
    assert.deepEqual(messages(without, BASE_CHARTER), ['milestone "pilot": due set to 2027-02-15']);
    const bad = diff(BASE_CHARTER, edit(BASE_CHARTER, DUE, '    due: 2027-02-30\n')).changes.find((c) => c.kind === 'due-changed');
    assert.ok(bad && bad.kind === 'due-changed');
    assert.deepEqual([bad.days, bad.direction], [null, 'changed']);
  });

  it('milestones and risks added or removed are listed in their own sections', () => {
    const head = edit(BASE_CHARTER, '    status: in-progress\n', '    status: in-progress\n  - id: all-merchants\n    title: Next-day payouts for everyone\n    due: 2027-06-01\n    owner: ana\n    done: Every merchant gets next-day payouts.\n');
    const change = only(BASE_CHARTER, head, 'entry-added');
    assert.deepEqual([change.category, change.message], ['milestones', 'milestone "all-merchants" added (due 2027-06-01, owner "ana")']);
    const noRisks = BASE_CHARTER.slice(0, BASE_CHARTER.indexOf('\nrisks:') + 1);
    assert.deepEqual(messages(BASE_CHARTER, noRisks), ['risk "bank-outage" removed (owner "ana")']);
  });
});

describe('diff: findings introduced and resolved', () => {
  const NO_OWNER = edit(BASE_CHARTER, '    owner: ben\n    boundary: team\n', '    boundary: team\n');

  it('a finding fixed is resolved; one created is introduced; each with its rule, entry and side', () => {
    const introduced = diff(BASE_CHARTER, NO_OWNER).findings;
    assert.deepEqual(introduced.resolved, []);
    assert.deepEqual(introduced.introduced.map((f) => [f.rule, f.severity, f.entry]), [['owner-missing', 'error', { section: 'decisions', id: 'payout-batching' }]]);
    const resolved = diff(NO_OWNER, BASE_CHARTER).findings;
    assert.deepEqual(resolved.introduced, []);
    assert.deepEqual(resolved.resolved.map((f) => [f.rule, f.range.start.line]), [['owner-missing', NO_OWNER.split('\n').indexOf('  - id: payout-batching')]]);
  });

  it('a finding that only moved lines is neither new nor resolved', () => {
    const moved = edit(NO_OWNER, 'mission: Merchants', '# A comment\n# that pushes every line down\nmission: Merchants');
    assert.deepEqual(diff(NO_OWNER, moved).findings, { introduced: [], resolved: [] });
  });

  it('findings are counted: a second identical problem on another entry is introduced', () => {
    const twoMissing = edit(NO_OWNER, '    owner: ana\n    boundary: escalate\n', '    boundary: escalate\n');
    const result = diff(NO_OWNER, twoMissing);
    assert.deepEqual(result.findings.introduced.map((f) => f.entry?.id), ['fee-changes']);
    assert.deepEqual(result.findings.resolved, []);
  });

  it('a finding whose wording follows a value that changed, on the same entry, is the same finding', () => {
    const bad = edit(BASE_CHARTER, '    status: in-progress\n', '    status: in progress\n');
    const stillBad = edit(BASE_CHARTER, '    status: in-progress\n', '    status: ongoing\n');
    assert.equal(diff(BASE_CHARTER, bad).findings.introduced.length, 1);
    assert.deepEqual(diff(bad, stillBad).findings, { introduced: [], resolved: [] });
  });

  it('findings without an entry match by rule and message (a YAML error that moved is not new)', () => {
    const broken = edit(BASE_CHARTER, 'mission: Merchants get paid within one day of every sale.', 'mission: [Merchants get paid');
    const brokenMoved = edit(broken, 'charter: 1\n', 'charter: 1\n# note\n');
    const syntax = diff(broken, brokenMoved).findings;
    assert.deepEqual(syntax, { introduced: [], resolved: [] });
  });
});

describe('diff: broken, added and deleted charters', () => {
  it('broken YAML on the head side is reported as introduced, the rest is still compared, nothing throws', () => {
    let head = edit(BASE_CHARTER, '    due: 2027-02-15\n', '    due: 2027-03-01\n');
    head = edit(head, 'mission: Merchants get paid within one day of every sale.', 'mission: "Merchants get paid');
    const result = diff(BASE_CHARTER, head);
    assert.ok(result.syntaxErrors.head > 0);
    assert.equal(result.syntaxErrors.base, 0);
    assert.ok(result.findings.introduced.some((f) => f.rule === 'yaml-syntax' && f.severity === 'error'));
    assert.deepEqual(diff(head, BASE_CHARTER).findings.introduced.filter((f) => f.rule === 'yaml-syntax'), []);
    assert.ok(diff(head, BASE_CHARTER).findings.resolved.some((f) => f.rule === 'yaml-syntax'), 'fixing the YAML resolves the finding');
  });

  it('broken YAML that still parses in part keeps the parsed changes', () => {
    const head = edit(edit(BASE_CHARTER, '    due: 2027-02-15\n', '    due: 2027-03-01\n'), '  covers: [progress, changes, issues]\n', '  covers: [progress, changes, issues]\n  covers: [progress]\n');
    const result = diff(BASE_CHARTER, head);
    assert.ok(result.findings.introduced.some((f) => f.rule === 'yaml-syntax'), 'a duplicate key is a YAML error');
    assert.ok(result.changes.some((c) => c.message === 'milestone "pilot": due moved from 2027-02-15 to 2027-03-01, 14 days later'));
  });

  it('an added charter lists its decisions and check-ins as added and all findings as introduced', () => {
    const result = diff(undefined, edit(BASE_CHARTER, '    owner: ben\n    boundary: team\n', '    boundary: team\n'));
    assert.equal(result.status, 'added');
    assert.deepEqual(result.changes.filter((c) => c.category === 'decisions').map((c) => c.message), [
      'decision "payout-batching" added (no owner, boundary team)',
      'decision "fee-changes" added (owner "ana", boundary escalate)',
    ]);
    assert.ok(result.changes.some((c) => c.message === 'check-in "weekly-sync" added (cadence weekly, participants "ana", "ben")'));
    assert.deepEqual(result.findings.introduced.map((f) => f.rule), ['owner-missing']);
  });

  it('a deleted charter lists what went away and resolves its findings', () => {
    const result = diff(edit(BASE_CHARTER, '    owner: ben\n    boundary: team\n', '    boundary: team\n'), undefined);
    assert.equal(result.status, 'deleted');
    assert.ok(result.changes.some((c) => c.message === 'decision "fee-changes" removed (owner "ana", boundary escalate)'));
    assert.deepEqual(result.findings.resolved.map((f) => f.rule), ['owner-missing']);
    assert.deepEqual(result.findings.introduced, []);
  });

  it('odd documents never throw: empty, a list, a scalar, wrong shapes, aliases, unclosed structures', () => {
    const odd = [
      '',
      '- a\n- b\n',
      'just text',
      'charter: 1\ndecisions: nope\ncheckins: {a: 1}\nmilestones: [1, null, [2]]\n',
      'charter: 1\ndecisions:\n  - id: d\n    owner: {name: ana}\n    boundary: [team]\n    consult: 3\ncheckins:\n  - id: c\n    cadence: [weekly]\n    participants: ana\nmilestones:\n  - id: m\n    due: 20270101\n    done: [[a], {b: c}, null]\n',
      'charter: 1\nbase: &b {id: x, owner: ana}\ndecisions: [*b, *b, *missing]\n',
      'decisions:\n  - id: d\n    owner: "ana\n',
      '\t- tab\n:\n',
      'intent: {done: }\nupdates: [1]\n',
    ];
    odd.forEach((a, i) => {
      for (const b of [odd[(i + 1) % odd.length], BASE_CHARTER, undefined]) {
        assert.doesNotThrow(() => diff(a, b), `${JSON.stringify(a)} → ${JSON.stringify(b)}`);
        assert.doesNotThrow(() => diff(b, a), `${JSON.stringify(b)} → ${JSON.stringify(a)}`);
      }
    });
  });

  it('a side above the size limit is one finding and no structural changes', () => {
    const huge = BASE_CHARTER + '# ' + 'x'.repeat(200) + '\n';
    const result = diffCharters(BASE_CHARTER, huge, { today: TODAY, maxFileSize: BASE_CHARTER.length + 10 });
    assert.deepEqual(result.changes, []);
    assert.equal(result.syntaxErrors.head, 1);
    assert.deepEqual(result.findings.introduced.map((f) => f.rule), ['yaml-syntax']);
  });
});

describe('diff: options reach both sides', () => {
  it('a config that turns a rule off hides it on both sides, so it is neither introduced nor resolved', () => {
    const noOwner = edit(BASE_CHARTER, '    owner: ben\n    boundary: team\n', '    boundary: team\n');
    const result = diffCharters(BASE_CHARTER, noOwner, { today: TODAY, config: { rules: { 'owner-missing': 'off' } } });
    assert.deepEqual(result.findings, { introduced: [], resolved: [] });
    assert.deepEqual(result.changes.map((c) => c.message), ['decision "payout-batching": owner removed (was "ben")']);
  });
});

describe('diff: the team, mission and vision', () => {
  it('team renamed, team id changed (other charters may break), parent set and moved', () => {
    const renamed = edit(BASE_CHARTER, '  id: payments\n  name: Payments\n', '  id: payouts\n  name: Payouts\n  parent: commerce\n');
    assert.deepEqual(messages(BASE_CHARTER, renamed), [
      'team renamed from "Payments" to "Payouts"',
      'team id changed from "payments" to "payouts": references to it from other charters (parent, stakeholders of kind team) may break',
      'team parent set to "commerce"',
    ]);
    assert.deepEqual(diff(BASE_CHARTER, renamed).changes.map((c) => [c.kind, c.category]), [['team-renamed', 'team'], ['team-id-changed', 'team'], ['parent-moved', 'team']]);
    const moved = edit(renamed, 'parent: commerce', 'parent: ../finance/team-charter.yaml');
    const change = only(renamed, moved, 'parent-moved');
    assert.deepEqual([change.from, change.to, change.message], ['commerce', '../finance/team-charter.yaml', 'team parent moved from "commerce" to "../finance/team-charter.yaml"']);
  });

  it('mission and vision changed, added, removed, in full; reflowing the text is no change', () => {
    const long = 'Merchants get paid within one hour of every sale, in every currency we support, on every day of the year.';
    const reworded = only(BASE_CHARTER, edit(BASE_CHARTER, 'mission: Merchants get paid within one day of every sale.', `mission: ${long}`), 'text-changed');
    assert.deepEqual([reworded.field, reworded.change, reworded.category], ['mission', 'reworded', 'team']);
    assert.equal(reworded.message, `mission changed from "Merchants get paid within one day of every sale." to "${long}"`);
    const folded = edit(BASE_CHARTER, 'mission: Merchants get paid within one day of every sale.', 'mission: >\n  Merchants get paid within\n  one day of every sale.');
    assert.deepEqual(messages(BASE_CHARTER, folded), []);
    const withVision = edit(BASE_CHARTER, '\nroles:', 'vision: Same-day payouts everywhere.\n\nroles:');
    assert.deepEqual(messages(BASE_CHARTER, withVision), ['vision added: "Same-day payouts everywhere."']);
    assert.deepEqual(messages(withVision, BASE_CHARTER), ['vision removed (was "Same-day payouts everywhere.")']);
  });

  it("the intent's what and why reworded", () => {
    const head = edit(BASE_CHARTER, '  why: Merchants choose us for cash flow.', '  why: Merchants choose us for predictable cash flow.');
    assert.deepEqual(messages(BASE_CHARTER, head), ['intent: why reworded from "Merchants choose us for cash flow." to "Merchants choose us for predictable cash flow."']);
  });
});

describe('diff: priorities', () => {
  const list = (...items: Array<[string, string]>) => items.map(([id, title]) => `  - id: ${id}\n    title: ${title}\n    why: Because.\n`).join('');
  const PRIORITY = '  - id: payouts\n    title: Next-day payouts\n    why: Slow payouts are the top reason merchants leave.\n';
  const withPriorities = (...items: Array<[string, string]>) => edit(BASE_CHARTER, PRIORITY, list(...items));
  const A: [string, string] = ['speed', 'Payout API p95 under 250 ms'];
  const B: [string, string] = ['fraud', 'Hold fraudulent payouts'];
  const C: [string, string] = ['reports', 'Monthly reports'];

  it('the top priority moved to third: that one is reported, with full-list ranks old → new', () => {
    const change = only(withPriorities(A, B, C), withPriorities(B, C, A), 'priority-moved');
    assert.deepEqual([change.id, change.fromRank, change.toRank, change.category], ['speed', 1, 3, 'priorities']);
    assert.equal(change.message, 'priority "speed": reordered, rank 1 → 3');
  });

  it('a priority added at the top or one removed shifts ranks but reorders nothing', () => {
    assert.deepEqual(messages(withPriorities(A, B), withPriorities(C, A, B)), ['priority "reports" added (rank 1: "Monthly reports")']);
    assert.deepEqual(messages(withPriorities(A, B, C), withPriorities(B, C)), ['priority "speed" removed (rank 1: "Payout API p95 under 250 ms")']);
  });

  it('two priorities swapped: the one that moved up is reported; ranks count the priorities added too', () => {
    assert.deepEqual(messages(withPriorities(A, B), withPriorities(B, A)), ['priority "fraud": reordered, rank 2 → 1']);
    // fraud keeps rank 2 while speed falls from 1 to 3: the report names the move a reader would see.
    const changes = diff(withPriorities(A, B), withPriorities(C, B, A)).changes;
    assert.deepEqual(changes.map((c) => c.message), ['priority "reports" added (rank 1: "Monthly reports")', 'priority "speed": reordered, rank 1 → 3']);
  });

  it('a long list reversed reports all but one, and a very long one does not hang', () => {
    const many = Array.from({ length: 12 }, (_, i): [string, string] => [`p${i + 1}`, `Priority ${i + 1}`]);
    assert.equal(diff(withPriorities(...many), withPriorities(...[...many].reverse())).changes.length, 11);
    const huge = Array.from({ length: 3000 }, (_, i): [string, string] => [`p${i + 1}`, `P${i + 1}`]);
    const shuffled = [...huge.slice(1500), ...huge.slice(0, 1500)];
    assert.equal(diff(withPriorities(...huge), withPriorities(...shuffled)).changes.filter((c) => c.kind === 'priority-moved').length, 1500);
  });

  it('a priority retitled ("250 ms" → "300 ms") names both titles in full', () => {
    const change = only(withPriorities(A, B), withPriorities(['speed', 'Payout API p95 under 300 ms'], B), 'priority-retitled');
    assert.equal(change.message, 'priority "speed": retitled from "Payout API p95 under 250 ms" to "Payout API p95 under 300 ms"');
    assert.deepEqual([change.from, change.to], ['Payout API p95 under 250 ms', 'Payout API p95 under 300 ms']);
  });
});

describe('diff: members, roles and stakeholders', () => {
  const BEN = '  - id: ben\n    name: Ben Okafor\n    role: engineer\n    experience: proficient\n';

  it('a member added and removed, with role and experience', () => {
    const head = edit(BASE_CHARTER, BEN, `${BEN}  - id: lena\n    name: Lena Park\n    role: engineer\n    experience: new\n`);
    const added = only(BASE_CHARTER, head, 'entry-added');
    assert.deepEqual([added.category, added.message], ['people', 'member "lena" added (role "engineer", experience new)']);
    assert.deepEqual(messages(head, BASE_CHARTER), ['member "lena" removed (role "engineer", experience new)']);
  });

  it("a member's role and experience changed", () => {
    const head = edit(BASE_CHARTER, '    role: engineer\n    experience: proficient\n', '    role: lead\n    experience: expert\n');
    assert.deepEqual(diff(BASE_CHARTER, head).changes.map((c) => [c.kind, c.message]), [
      ['role-changed', 'member "ben": role changed from "engineer" to "lead"'],
      ['experience-changed', 'member "ben": experience changed from proficient to expert'],
    ]);
  });

  it('roles added and removed', () => {
    const head = edit(BASE_CHARTER, '    title: Software engineer\n', '    title: Software engineer\n  - id: sre\n    title: Site reliability engineer\n');
    assert.deepEqual(messages(BASE_CHARTER, head), ['role "sre" added (title "Site reliability engineer")']);
    assert.deepEqual(messages(head, BASE_CHARTER), ['role "sre" removed (title "Site reliability engineer")']);
  });

  it('stakeholders added, removed, and their kind changed', () => {
    const head = edit(BASE_CHARTER, '    kind: team\n', '    kind: group\n  - id: legal\n    name: Legal\n    kind: group\n');
    assert.deepEqual(messages(BASE_CHARTER, head), ['stakeholder "legal" added (kind group)', 'stakeholder "finance": kind changed from team to group']);
    assert.deepEqual(diff(BASE_CHARTER, head).changes[1].kind, 'stakeholder-kind-changed');
  });
});

describe('diff: who is consulted, informed, escalated to, who agreed; revisit, until, minutes; scope and purpose', () => {
  it('consult and inform lists, and escalate_to, of a decision', () => {
    let head = edit(BASE_CHARTER, '    consult: [ben]\n', '    consult: [finance]\n    inform: [ben]\n');
    head = edit(head, '    escalate_to: finance\n', '    escalate_to: ben\n');
    assert.deepEqual(diff(BASE_CHARTER, head).changes.map((c) => [c.kind, c.category, c.message]), [
      ['list-changed', 'decisions', 'decision "fee-changes": consult added "finance"; removed "ben"'],
      ['list-changed', 'decisions', 'decision "fee-changes": inform added "ben"'],
      ['owner-changed', 'ownership', 'decision "fee-changes": escalate_to moved from "finance" to "ben"'],
    ]);
  });

  it("a check-in's agreed_with", () => {
    const change = only(BASE_CHARTER, edit(BASE_CHARTER, 'agreed_with: [ben]', 'agreed_with: [ben, ana]'), 'list-changed');
    assert.deepEqual([change.field, change.added, change.removed, change.message], ['agreed_with', ['ana'], [], 'check-in "weekly-sync": agreed_with added "ana"']);
  });

  it('revisit and until moved, set and removed, in days', () => {
    const withRevisit = edit(BASE_CHARTER, '    escalate_to: finance\n', '    escalate_to: finance\n    revisit: 2027-03-31\n');
    assert.deepEqual(messages(BASE_CHARTER, withRevisit), ['decision "fee-changes": revisit set to 2027-03-31']);
    const later = only(withRevisit, edit(withRevisit, 'revisit: 2027-03-31', 'revisit: 2027-06-30'), 'date-changed');
    assert.deepEqual([later.field, later.days, later.direction, later.message], ['revisit', 91, 'later', 'decision "fee-changes": revisit moved from 2027-03-31 to 2027-06-30, 91 days later']);
    const withUntil = edit(BASE_CHARTER, '    agreed_with: [ben]\n', '    agreed_with: [ben]\n    until: 2027-01-31\n');
    assert.deepEqual(messages(withUntil, BASE_CHARTER), ['check-in "weekly-sync": until removed (was 2027-01-31)']);
  });

  it('minutes changed; writing out the default 30 is no change', () => {
    const AGREED = '    agreed_with: [ben]\n';
    assert.deepEqual(messages(BASE_CHARTER, edit(BASE_CHARTER, AGREED, `${AGREED}    minutes: 30\n`)), []);
    const longer = only(BASE_CHARTER, edit(BASE_CHARTER, AGREED, `${AGREED}    minutes: 45\n`), 'minutes-changed');
    assert.deepEqual([longer.from, longer.to, longer.message], [null, 45, 'check-in "weekly-sync": minutes set to 45 (was the default 30)']);
    const m60 = edit(BASE_CHARTER, AGREED, `${AGREED}    minutes: 60\n`);
    assert.deepEqual(messages(m60, edit(BASE_CHARTER, AGREED, `${AGREED}    minutes: 15\n`)), ['check-in "weekly-sync": minutes changed from 60 to 15']);
  });

  it('scope and purpose reworded, both texts in full', () => {
    const head = edit(edit(BASE_CHARTER, 'scope: Any change to merchant fees', 'scope: Any change to merchant fees or fee caps'), 'purpose: Progress on payouts, blocked decisions, risks.', 'purpose: Progress and risks.');
    assert.deepEqual(messages(BASE_CHARTER, head), [
      'decision "fee-changes": scope reworded from "Any change to merchant fees" to "Any change to merchant fees or fee caps"',
      'check-in "weekly-sync": purpose reworded from "Progress on payouts, blocked decisions, risks." to "Progress and risks."',
    ]);
  });
});

describe('diff: risks and updates', () => {
  const MITIGATION = '    mitigation: A second bank can take over within four hours.\n';

  it("a risk's mitigation reworded, removed and added", () => {
    const reworded = only(BASE_CHARTER, edit(BASE_CHARTER, MITIGATION, '    mitigation: A second bank can take over within one hour.\n'), 'text-changed');
    assert.deepEqual([reworded.category, reworded.change], ['risks', 'reworded']);
    assert.equal(reworded.message, 'risk "bank-outage": mitigation reworded from "A second bank can take over within four hours." to "A second bank can take over within one hour."');
    const without = edit(BASE_CHARTER, MITIGATION, '');
    assert.deepEqual(messages(BASE_CHARTER, without), ['risk "bank-outage": mitigation removed (was "A second bank can take over within four hours.")']);
    assert.deepEqual(messages(without, BASE_CHARTER), ['risk "bank-outage": mitigation added: "A second bank can take over within four hours."']);
  });

  it('updates: channel and covers', () => {
    const head = edit(edit(BASE_CHARTER, 'channel: "#payments-updates"', 'channel: "#payouts"'), 'covers: [progress, changes, issues]', 'covers: [progress, changes, risks]');
    assert.deepEqual(diff(BASE_CHARTER, head).changes.map((c) => [c.category, c.message]), [
      ['updates', 'updates: channel changed from "#payments-updates" to "#payouts"'],
      ['updates', 'updates: covers added "risks"; removed "issues"'],
    ]);
  });

  it('a milestone status, a field with no change kind of its own, is still reported', () => {
    assert.deepEqual(messages(BASE_CHARTER, edit(BASE_CHARTER, 'status: in-progress', 'status: done')), ['milestone "pilot": status changed from "in-progress" to "done"']);
  });

  it('keys outside the format are left to the findings, not listed as changes', () => {
    const head = edit(BASE_CHARTER, '    experience: expert\n', '    experience: expert\n    x-desk: 4th floor\n    contct: ana@example.com\n');
    assert.deepEqual(messages(BASE_CHARTER, head), []);
  });
});

describe('diff: decision rights (the picture)', () => {
  it('a changed decision carries every edge: kept, added, removed, by letter', () => {
    const head = edit(BASE_CHARTER, '    consult: [ben]\n    risk_owner: ana\n', '    consult: [finance]\n    risk_owner: ana\n');
    assert.deepEqual(diff(BASE_CHARTER, head).decisionRights, [
      {
        decision: 'fee-changes',
        status: 'changed',
        edges: [
          { party: 'ana', letter: 'O', status: 'kept' },
          { party: 'finance', letter: 'A', status: 'kept' },
          { party: 'ben', letter: 'C', status: 'removed' },
          { party: 'finance', letter: 'C', status: 'added' },
          { party: 'ana', letter: 'R', status: 'kept' },
          { party: 'finance', letter: 'E', status: 'kept' },
        ],
      },
    ]);
  });

  it('a scope reworded, a decision renamed or reordered changes no rights; an added decision is all new edges', () => {
    const head = edit(edit(BASE_CHARTER, 'scope: Any change to merchant fees', 'scope: Fees'), 'id: payout-batching', 'id: batching');
    assert.deepEqual(diff(BASE_CHARTER, head).decisionRights, []);
    const added = edit(BASE_CHARTER, '\n\ncheckins:', '\n  - id: bank-choice\n    scope: Which bank pays out\n    owner: ana\n    risk_owner: ana\n\ncheckins:');
    assert.deepEqual(diff(BASE_CHARTER, added).decisionRights, [{ decision: 'bank-choice', status: 'added', edges: [{ party: 'ana', letter: 'O', status: 'added' }, { party: 'ana', letter: 'R', status: 'added' }] }]);
  });
});

describe('diff: organisation findings (computed by the organisation layer, matched here)', () => {
  const orgFinding = (message: string, line: number) => ({
    rule: 'parent-unknown',
    severity: 'error' as const,
    message,
    range: { start: { line, character: 2 }, end: { line, character: 10 } },
    fixes: [],
    docs: 'docs/rules/parent-unknown.md',
  });

  it('introduced and resolved like the charter findings (not by line), marked organisation', () => {
    const a = orgFinding('team "payments" names parent "commerce", which no charter defines', 4);
    const b = orgFinding('team "payments" names parent "platform", which no charter defines', 4);
    const moved = { ...a, range: { start: { line: 9, character: 2 }, end: { line: 9, character: 10 } } };
    assert.deepEqual(diffCharters(BASE_CHARTER, BASE_CHARTER, { today: TODAY, organisation: { base: [a], head: [moved] } }).findings, { introduced: [], resolved: [] });
    const result = diffCharters(BASE_CHARTER, BASE_CHARTER, { today: TODAY, organisation: { base: [a, b], head: [] } });
    assert.deepEqual(result.findings.resolved.map((f) => [f.rule, f.organisation]), [['parent-unknown', true], ['parent-unknown', true]]);
    const introduced = diffCharters(BASE_CHARTER, BASE_CHARTER, { today: TODAY, organisation: { base: [], head: [a] } }).findings.introduced;
    assert.deepEqual(introduced.map((f) => [f.message, f.organisation]), [[a.message, true]]);
  });
});
