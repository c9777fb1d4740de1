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
    const head = edit(growth, '\ncheckins:', '  - id: pricing-tests\n    scope: Which price points we test\n    owner: priya\n    boundary: escalate\n    approver: vp-product\n    risk_owner: priya\n    escalate_to: vp-product\n\ncheckins:');
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
