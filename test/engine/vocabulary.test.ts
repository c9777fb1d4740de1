// The shared word lists behind done-vague and the cadence rules, checked against rules.md's wording.
import assert from 'node:assert/strict';
import { CADENCE_WORDS, hasMeasurableSignal, isDate, parseCadence, phraseMatcher, placeholderIn, vagueness, weakWord } from '../../server/src/engine/vocabulary';

describe('vocabulary: vagueness (done-vague)', () => {
  it('a weak word without a measurable signal makes a criterion vague, and the message names the word', () => {
    assert.equal(vagueness('Payouts are much faster and more reliable.'), '"faster" is not observable');
    assert.equal(vagueness('The payout service is robust under load'), '"robust" is not observable');
    assert.equal(vagueness('Merchants have a SEAMLESS onboarding experience'), '"SEAMLESS" is not observable');
  });

  it('weak phrases match whole, case-insensitively, with a space or a hyphen between their words', () => {
    for (const text of [
      'Payout reports are high quality for merchants',
      'Payout reports are High-Quality for merchants',
      'The new payout screen is user friendly for merchants',
      'We ship the payout flow as soon as possible',
      'Refunds, chargebacks, disputes, etc',
      'The payout flow is done when done',
    ]) assert.ok(vagueness(text), text);
  });

  it('a word that only contains a weak word is not weak', () => {
    assert.equal(weakWord('Unstable payout jobs are removed already'), undefined);
    assert.equal(weakWord('Merchants are goodwill ambassadors for the product'), undefined);
    assert.equal(vagueness('Unstable payout jobs are removed from the scheduler'), undefined);
  });

  it('fewer than 4 words is vague even without a weak word', () => {
    assert.equal(vagueness('Shipped.'), 'it is too short to be checked');
    assert.equal(vagueness('Pilot merchants onboarded'), 'it is too short to be checked');
    assert.equal(vagueness('Pilot merchants are onboarded'), undefined);
    // Punctuation on its own is not a word.
    assert.equal(vagueness('Pilot merchants — onboarded'), 'it is too short to be checked');
    // Words as Unicode segments them: a hyphen splits two words, Japanese counts per word.
    assert.equal(vagueness('Merchant-facing payouts onboarded'), undefined);
    assert.equal(vagueness('Payouts onboarded'), 'it is too short to be checked');
    assert.equal(vagueness('加盟店が登録された'), undefined);
    assert.equal(vagueness('登録'), 'it is too short to be checked');
  });

  it('any measurable signal clears a weak word or a short text', () => {
    for (const text of [
      'Payouts are faster for all merchants',
      'Ready by 2027-06-30',
      'Faster payouts: 95% on time',
      'Good enough within a day',
      'At least half of merchants are happy',
      'Zero failed payouts',
      'Done for every merchant',
      'None lost',
      '3 banks',
    ]) assert.equal(vagueness(text), undefined, text);
  });
});

describe('vocabulary: phraseMatcher (checkin-task-level phrases, extraWeakWords)', () => {
  const match = (phrases: string[], text: string) => phraseMatcher(phrases)?.exec(text)?.[1];

  it('matches whole phrases in any case, a space or hyphen between words, next to punctuation', () => {
    assert.equal(match(['every ticket', 'line by line'], 'We go LINE-BY-LINE.'), 'LINE-BY-LINE');
    assert.equal(match(['every ticket'], '(every   ticket)'), 'every   ticket');
    assert.equal(match(['task'], 'multitasking and tasks'), undefined);
    assert.equal(match(['café'], 'the cafés'), undefined);
    assert.equal(match(['café'], 'CAFÉ review'), 'CAFÉ');
  });

  it('keeps the list order when several phrases match at the same place, across CJK and other phrases', () => {
    assert.equal(match(['review', 'review each', 'レビュー'], 'review each ticket'), 'review');
    assert.equal(match(['review each', 'review'], 'review each ticket'), 'review each');
    assert.equal(match(['OK済', 'ok', '全件'], 'OK済み'), 'OK済');
    assert.equal(match(['ok', 'OK済', '全件'], 'OK済み'), 'OK済', '"ok" runs into a letter, so the later phrase matches');
  });

  it('matches a phrase starting or ending with a CJK character as a substring', () => {
    assert.equal(match(['全件確認'], '毎週全件確認する'), '全件確認');
    assert.equal(match(['x', '全件確認', 'y'], '毎週全件確認する'), '全件確認');
  });

  it('has nothing to match when every phrase is blank', () => {
    assert.equal(phraseMatcher(['', '  ']), undefined);
  });
});

describe('vocabulary: hasMeasurableSignal', () => {
  it('recognises digits, dates, percent signs and the catalogue phrases', () => {
    for (const text of ['50 merchants', 'by 2027-01-31', '%', 'no more than a day', 'fewer than ten tickets', 'less than an hour', 'more than half', 'at most one outage', 'within a day', 'zero', 'none', 'every merchant', 'all merchants', 'ALL merchants'])
      assert.ok(hasMeasurableSignal(text), text);
  });

  it('does not find a signal inside other words', () => {
    for (const text of ['Finally shipped', 'Everyone happy', 'Nonetheless better', 'a tall order', 'Merchants like it'])
      assert.equal(hasMeasurableSignal(text), false, text);
  });
});

describe('vocabulary: parseCadence', () => {
  it('gives every fixed cadence word its interval from charter-format.md', () => {
    const days = Object.fromEntries(CADENCE_WORDS.map((w) => [w, parseCadence(w)]));
    assert.deepEqual(days, {
      daily: { kind: 'interval', days: 1 },
      'twice-weekly': { kind: 'interval', days: 3.5 },
      weekly: { kind: 'interval', days: 7 },
      biweekly: { kind: 'interval', days: 14 },
      monthly: { kind: 'interval', days: 30 },
      quarterly: { kind: 'interval', days: 91 },
      'on-milestone': { kind: 'on-milestone' },
    });
  });

  it('reads "every N days" and "every N weeks" for any N ≥ 1', () => {
    assert.deepEqual(parseCadence('every 1 days'), { kind: 'interval', days: 1 });
    assert.deepEqual(parseCadence('every 10 days'), { kind: 'interval', days: 10 });
    assert.deepEqual(parseCadence('every 3 weeks'), { kind: 'interval', days: 21 });
    assert.deepEqual(parseCadence('every 52 weeks'), { kind: 'interval', days: 364 });
    assert.deepEqual(parseCadence('every 12000 days'), { kind: 'interval', days: 12000 });
  });

  it('rejects values the format does not spell that way (as the schema does)', () => {
    for (const value of ['Weekly', 'bi-weekly', 'fortnightly', 'every 0 days', 'every 02 days', 'every 2 week', 'every two weeks', 'every  2 weeks', 'every 2 months', '7', '', 'on milestone'])
      assert.equal(parseCadence(value), undefined, value);
  });
});

describe('vocabulary: placeholderIn (placeholder-text, owner-placeholder)', () => {
  it('finds every placeholder form, in any case, as written', () => {
    const cases: Array<[string, string]> = [
      ['TODO', 'TODO'],
      ['ToDo: ask finance', 'ToDo'],
      ['owner is tbd', 'tbd'],
      ['TBA', 'TBA'],
      ['FixMe later', 'FixMe'],
      ['xxx', 'xxx'],
      ['Lorem   Ipsum dolor', 'Lorem   Ipsum'],
      ['who decides ???', '???'],
      ['  <team name>  ', '<team name>'],
      ['Método TODO', 'TODO'],
    ];
    for (const [text, found] of cases) assert.equal(placeholderIn(text), found, text);
  });

  it('finds nothing in ordinary text, in words that only contain a placeholder, or in partial forms', () => {
    for (const text of ['Ship the payout flow', 'todos are tracked in Jira', 'Métodotodo', 'a < b and c > d', 'is it ready??', 'lorem', 'tbdx', '']) {
      assert.equal(placeholderIn(text), undefined, text);
    }
  });
});

describe('vocabulary: isDate (due, revisit, until; the schema\'s date format)', () => {
  it('accepts days that exist, leap days by the Gregorian rule', () => {
    for (const d of ['2026-12-06', '2024-02-29', '2000-02-29', '2026-01-31', '2026-04-30', '0050-06-15']) assert.ok(isDate(d), d);
  });

  it('rejects days that do not exist and anything not written YYYY-MM-DD', () => {
    for (const d of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-5', '2026-01-05 ', '20260105', 'soon']) assert.ok(!isDate(d), d);
  });
});
