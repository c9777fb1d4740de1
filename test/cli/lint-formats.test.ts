import assert from 'node:assert/strict';
import { assertValidSarif } from './sarif-schema';
import { escapeData, escapeProperty } from '../../server/src/cli/formats/escape-github';
import { useColor } from '../../server/src/cli/io';
import { MISSING_OWNER, UNKNOWN_KEY, UNUSED_SUPPRESSION, charterWith, lintIn, lintJson, runCli, tempTree } from './cli-helpers';

// One error, one warning and one info in a charter inside a sub-folder (paths must show with '/').
function sample(): string {
  return tempTree({
    'teams/payments/team-charter.yaml': charterWith(MISSING_OWNER, UNKNOWN_KEY, UNUSED_SUPPRESSION),
    'teams/identity.charter.yaml': charterWith(),
  });
}

describe('cli lint --format text', () => {
  it('prints path:LINE:COL  severity  message  rule-id with 1-based positions, then the summary', () => {
    const dir = sample();
    const r = lintIn(dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.slice(0, -1).map((l) => l.replace(/  .*  /, '  …  ')),
      [
        'teams/payments/team-charter.yaml:28:5  …  schema-unknown-key',
        'teams/payments/team-charter.yaml:41:9  …  owner-missing',
        'teams/payments/team-charter.yaml:54:1  …  unused-suppression',
      ],
    );
    // Severity and message columns carry the finding's own values.
    const messages = lintJson(dir).report.files[1].findings.map((f) => `  ${f.severity}  ${f.message}  `);
    lines.slice(0, -1).forEach((line, i) => assert.ok(line.includes(messages[i]), line));
    assert.match(lines[1], /  error  decision "payout-batching" has no owner/);
    assert.equal(lines.at(-1), '1 error, 1 warning, 1 info in 2 files');
  });

  it('a clean charter prints only the summary and exits 0', () => {
    const dir = tempTree({ 'team-charter.yaml': charterWith() });
    const r = lintIn(dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '0 errors, 0 warnings, 0 infos in 1 file\n');
  });

  it('colours only with FORCE_COLOR (stdout is not a TTY here), never with NO_COLOR', () => {
    const dir = sample();
    const plain = runCli(['lint', '--today', '2026-11-25'], dir);
    assert.doesNotMatch(plain.stdout, /\x1b\[/);
    const forced = runCli(['lint', '--today', '2026-11-25'], dir, { FORCE_COLOR: '1' });
    assert.match(forced.stdout, /\x1b\[31merror\x1b\[0m/);
    assert.equal(forced.stdout.replace(/\x1b\[[0-9;]*m/g, ''), plain.stdout);
    const noColor = runCli(['lint', '--today', '2026-11-25'], dir, { NO_COLOR: '1' });
    assert.doesNotMatch(noColor.stdout, /\x1b\[/);
    const forcedOff = runCli(['lint', '--today', '2026-11-25'], dir, { FORCE_COLOR: '0' });
    assert.doesNotMatch(forcedOff.stdout, /\x1b\[/);
  });
});

describe('cli colour decision', () => {
  it('colours a terminal unless NO_COLOR or TERM=dumb; FORCE_COLOR wins both ways', () => {
    const cases: Array<[boolean, Record<string, string>, boolean]> = [
      [true, {}, true],
      [false, {}, false],
      [true, { NO_COLOR: '1' }, false],
      [true, { NO_COLOR: '' }, true],
      [true, { TERM: 'dumb' }, false],
      [false, { FORCE_COLOR: '1' }, true],
      [false, { FORCE_COLOR: '' }, true],
      [true, { FORCE_COLOR: '0' }, false],
      [true, { FORCE_COLOR: 'false' }, false],
      [false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ];
    for (const [isTTY, env, expected] of cases) assert.equal(useColor({ isTTY, env }), expected, JSON.stringify({ isTTY, env }));
  });
});

describe('cli lint --format json', () => {
  it('has cli.md\'s shape: version 1, files with relative paths, 0-based ranges, fixes with edits', () => {
    const dir = sample();
    const { result, report } = lintJson(dir);
    assert.equal(result.code, 1);
    assert.equal(report.version, 1);
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['teams/identity.charter.yaml', 'teams/payments/team-charter.yaml'],
    );
    assert.deepEqual(report.files[0].findings, []);
    const owner = report.files[1].findings.find((f) => f.rule === 'owner-missing');
    assert.ok(owner);
    assert.deepEqual(Object.keys(owner), ['rule', 'severity', 'message', 'range', 'fixes']);
    assert.equal(owner.severity, 'error');
    assert.match(owner.message, /^decision "payout-batching" has no owner/);
    assert.deepEqual(owner.range, { start: { line: 40, character: 8 }, end: { line: 40, character: 23 } });
    assert.deepEqual(owner.fixes.map((f) => f.safe), [false]);
    assert.match(owner.fixes[0].title, /ana/);
    assert.match(owner.fixes[0].edits[0].newText, /owner: ana/);
    const unused = report.files[1].findings.find((f) => f.rule === 'unused-suppression');
    assert.equal(unused?.fixes[0].safe, true);
  });
});

describe('cli lint --format sarif', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed SARIF log, checked by the schema above
  type SarifLog = any;

  it('is valid SARIF 2.1.0 with the tool, every rule and 1-based regions', () => {
    const dir = sample();
    const r = lintIn(dir, '--format', 'sarif');
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    assertValidSarif(log);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    const driver = run.tool.driver;
    assert.equal(driver.name, 'team-charter');
    assert.match(driver.informationUri, /^https:\/\//);
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    const ownerRule = driver.rules.find((x: { id: string }) => x.id === 'owner-missing');
    assert.ok(ownerRule.shortDescription.text.length > 0);
    assert.match(ownerRule.helpUri, /docs\/rules\/owner-missing\.md$/);
    assert.equal(ownerRule.defaultConfiguration.level, 'error');

    assert.equal(run.results.length, 3);
    for (const res of run.results) assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
    const levels = Object.fromEntries(run.results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level]));
    assert.deepEqual(levels, { 'schema-unknown-key': 'warning', 'owner-missing': 'error', 'unused-suppression': 'note' });
    const owner = run.results.find((x: { ruleId: string }) => x.ruleId === 'owner-missing');
    assert.deepEqual(owner.locations[0].physicalLocation, {
      artifactLocation: { uri: 'teams/payments/team-charter.yaml' },
      region: { startLine: 41, startColumn: 9, endLine: 41, endColumn: 24 },
    });
    assert.match(owner.message.text, /has no owner/);
  });

  it('is valid with no results, and encodes odd file names as URIs', () => {
    const dir = tempTree({ 'my team #1.charter.yaml': charterWith(MISSING_OWNER) });
    const r = lintIn(dir, '--format', 'sarif');
    const log = JSON.parse(r.stdout) as SarifLog;
    assertValidSarif(log);
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'my%20team%20%231.charter.yaml');
    const clean = tempTree({ 'team-charter.yaml': charterWith() });
    const empty = JSON.parse(lintIn(clean, '--format', 'sarif').stdout) as SarifLog;
    assertValidSarif(empty);
    assert.deepEqual(empty.runs[0].results, []);
  });
});

describe('cli lint --format github', () => {
  it('prints one workflow command per finding: ::error / ::warning / ::notice', () => {
    const dir = sample();
    const r = lintIn(dir, '--format', 'github');
    assert.equal(r.code, 1);
    const messages = lintJson(dir).report.files[1].findings.map((f) => f.message);
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      `::warning file=teams/payments/team-charter.yaml,line=28,col=5,endLine=28,endColumn=11,title=schema-unknown-key::${messages[0]}`,
      `::error file=teams/payments/team-charter.yaml,line=41,col=9,endLine=41,endColumn=24,title=owner-missing::${messages[1]}`,
      `::notice file=teams/payments/team-charter.yaml,line=54,col=1,endLine=54,endColumn=42,title=unused-suppression::${messages[2]}`,
    ]);
  });

  it('escapes %, line breaks, "," and ":" in properties as GitHub requires', () => {
    const dir = tempTree({ 'a,b:c%.charter.yaml': charterWith(['    kind: team\n', '    kind: team\n    "50%\\nof: it": blue\n']) });
    const r = lintIn(dir, '--format', 'github');
    assert.equal(r.code, 0, r.stderr);
    const line = r.stdout.trimEnd();
    assert.ok(line.startsWith('::warning file=a%2Cb%3Ac%25.charter.yaml,line=28,col=5,'), line);
    assert.match(line, /::unknown key "50%25%0Aof: it" in stakeholder "finance"/);
    assert.equal(line.split('\n').length, 1);
  });

  it('escapes data and property values per the workflow-command rules', () => {
    assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
  });
});
