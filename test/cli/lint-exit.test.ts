import assert from 'node:assert/strict';
import { MISSING_OWNER, UNKNOWN_KEY, UNUSED_SUPPRESSION, charterWith, lintIn, lintJson, ruleIds, runCli, tempTree } from './cli-helpers';

describe('cli lint exit status and filters', () => {
  it('exits 0 with warnings and infos only, 1 with an error', () => {
    const warn = tempTree({ 'team-charter.yaml': charterWith(UNKNOWN_KEY, UNUSED_SUPPRESSION) });
    assert.equal(lintIn(warn).code, 0);
    const err = tempTree({ 'team-charter.yaml': charterWith(MISSING_OWNER) });
    assert.equal(lintIn(err).code, 1);
  });

  it('--quiet reports and counts errors only', () => {
    const dir = tempTree({ 'team-charter.yaml': charterWith(MISSING_OWNER, UNKNOWN_KEY, UNUSED_SUPPRESSION) });
    const r = lintIn(dir, '--quiet');
    assert.equal(r.code, 1);
    assert.deepEqual(r.stdout.trimEnd().split('\n').map((l) => l.split('  ').at(-1)), ['owner-missing', '1 error, 0 warnings, 0 infos in 1 file']);
    const warnOnly = tempTree({ 'team-charter.yaml': charterWith(UNKNOWN_KEY) });
    const q = lintIn(warnOnly, '--quiet', '--max-warnings', '0');
    assert.equal(q.code, 0, 'warnings are not counted under --quiet');
    assert.equal(q.stdout, '0 errors, 0 warnings, 0 infos in 1 file\n');
  });

  it('--max-warnings N exits 1 only when warnings exceed N', () => {
    const dir = tempTree({
      'a.charter.yaml': charterWith(UNKNOWN_KEY),
      'b.charter.yaml': charterWith(UNKNOWN_KEY),
    });
    assert.equal(lintIn(dir, '--max-warnings', '2').code, 0);
    const over = lintIn(dir, '--max-warnings', '1');
    assert.equal(over.code, 1);
    assert.match(over.stderr, /too many warnings: 2, more than --max-warnings 1/);
    assert.equal(lintIn(dir, '--max-warnings=0').code, 1);
    assert.equal(lintIn(dir).code, 0, 'no limit by default');
  });

  it('--today changes what milestone-overdue reports', () => {
    const dir = tempTree({ 'team-charter.yaml': charterWith() });
    const before = runCli(['lint', '--format', 'json', '--today', '2027-02-15'], dir);
    assert.equal(before.code, 0, before.stdout);
    const after = runCli(['lint', '--format', 'json', '--today', '2027-02-16'], dir);
    assert.equal(after.code, 0);
    const findings = JSON.parse(after.stdout).files[0].findings;
    assert.deepEqual(findings.map((f: { rule: string }) => f.rule), ['milestone-overdue']);
    assert.match(findings[0].message, /pilot/);
  });

  it('the default today is the system date (a milestone due long ago is overdue)', () => {
    const dir = tempTree({ 'team-charter.yaml': charterWith(['due: 2027-02-15', 'due: 2001-01-01']) });
    const r = runCli(['lint', '--format', 'json'], dir);
    assert.deepEqual(ruleIds(JSON.parse(r.stdout)), ['team-charter.yaml milestone-overdue']);
  });

  describe('usage errors exit 2 with a one-line message and a usage hint', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--bogus'], /unknown option "--bogus"/],
      [['-z'], /unknown option "-z"/],
      [['--format', 'xml'], /unknown format "xml" \(expected text, json, sarif, github\)/],
      [['--format'], /option "--format" needs a value/],
      [['--today', '2026-02-30'], /--today must be a date like 2026-11-25, not "2026-02-30"/],
      [['--today', 'tomorrow'], /--today must be a date/],
      [['--max-warnings', 'many'], /--max-warnings must be a whole number, not "many"/],
      [['--max-warnings=-1'], /--max-warnings must be a whole number/],
      [['--max-file-size', '0'], /--max-file-size must be a whole number of at least 1/],
      [['--fix=yes'], /option "--fix" does not take a value/],
    ];
    for (const [args, message] of cases) {
      it(args.join(' '), () => {
        const dir = tempTree({ 'team-charter.yaml': charterWith() });
        const r = runCli(['lint', ...args], dir);
        assert.equal(r.code, 2);
        assert.equal(r.stdout, '');
        const lines = r.stderr.trimEnd().split('\n');
        assert.equal(lines.length, 2, r.stderr);
        assert.match(lines[0], message);
        assert.equal(lines[1], 'Run "team-charter lint --help" for usage.');
      });
    }
  });

  it('--help prints the options and exits 0', () => {
    const r = runCli(['lint', '--help'], tempTree());
    assert.equal(r.code, 0);
    for (const option of ['--format', '--fix', '--today', '--config', '--max-warnings', '--quiet', '--max-file-size']) {
      assert.ok(r.stdout.includes(option), option);
    }
  });

  it('--max-file-size: a larger file gets one finding instead of being checked', () => {
    const dir = tempTree({ 'team-charter.yaml': charterWith(MISSING_OWNER) });
    const { result, report } = lintJson(dir, '--max-file-size', '100');
    assert.equal(result.code, 1);
    assert.equal(report.files[0].findings.length, 1);
    assert.match(report.files[0].findings[0].message, /size limit/);
  });
});
