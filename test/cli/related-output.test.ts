// rules.md "Related output": JSON `related` on every finding that has related places (same file
// too), SARIF `relatedLocations` and `partialFingerprints` (teamCharter/v1, stable when lines
// move), the text format's `(see PATH:LINE)` for a place in another charter, and each SARIF rule's
// `help` from its docs page, bundled into the CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { formatSarif } from '../../server/src/cli/formats/sarif';
import { formatText } from '../../server/src/cli/formats/text';
import { formatJson } from '../../server/src/cli/formats/json';
import type { FileReport } from '../../server/src/cli/formats/lint-report';
import { ruleDocsUrl, rules } from '../../server/src/lint';
import type { Finding } from '../../server/src/lint';
import { MISSING_OWNER, ROOT, UNKNOWN_KEY, charterWith, lintIn, tempTree } from './cli-helpers';
import { assertValidSarif } from './sarif-schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed SARIF, checked by the schema
type Sarif = any;

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

/** A finding about member "ana" with one related place in its own file and one in another charter. */
function crossCharterFinding(): Finding {
  return {
    rule: 'duplicate-id',
    severity: 'error',
    message: 'member "ana" is declared twice',
    range: range(20, 8, 11),
    entry: { section: 'members', id: 'ana', index: 1 },
    related: [
      { range: range(14, 8, 11), message: 'first member with id "ana"' },
      { range: range(3, 4, 7), message: 'declared in the parent team too', file: 'teams/parent/team-charter.yaml' },
    ],
    fixes: [],
    docs: ruleDocsUrl('duplicate-id'),
  };
}

const REPORT: FileReport[] = [{ path: 'teams/child/team-charter.yaml', findings: [crossCharterFinding()] }];
/** As the CLI will: the root-relative path made relative to the current folder. */
const resolveRelated = (file: string) => `../${file}`;

describe('related output', () => {
  it('JSON: related: [{ path, range, message }], the own path for a same-file place, the resolved path for another charter', () => {
    const json = JSON.parse(formatJson(REPORT, { resolveRelated })) as { files: Array<{ findings: Array<{ related?: unknown }> }> };
    assert.deepEqual(json.files[0].findings[0].related, [
      { path: 'teams/child/team-charter.yaml', range: range(14, 8, 11), message: 'first member with id "ana"' },
      { path: '../teams/parent/team-charter.yaml', range: range(3, 4, 7), message: 'declared in the parent team too' },
    ]);
  });

  it('SARIF: relatedLocations point at the right file each, and the log stays valid', () => {
    const log = JSON.parse(formatSarif(REPORT, { toolVersion: '1.0.0', rules, docsUrl: (id) => ruleDocsUrl(id), executionSuccessful: true, resolveRelated })) as Sarif;
    assertValidSarif(log);
    const related = log.runs[0].results[0].relatedLocations;
    assert.deepEqual(
      related.map((r: Sarif) => [r.id, r.physicalLocation.artifactLocation.uri, r.physicalLocation.region.startLine, r.message.text]),
      [
        [0, 'teams/child/team-charter.yaml', 15, 'first member with id "ana"'],
        [1, '../teams/parent/team-charter.yaml', 4, 'declared in the parent team too'],
      ],
    );
  });

  it('text: "(see PATH:LINE)" for a place in another charter only', () => {
    const line = formatText(REPORT, { color: false, resolveRelated }).split('\n')[0];
    assert.equal(line, 'teams/child/team-charter.yaml:21:9  error  member "ana" is declared twice (see ../teams/parent/team-charter.yaml:4)  duplicate-id');
    const sameFileOnly: FileReport[] = [{ path: 'a.yaml', findings: [{ ...crossCharterFinding(), related: crossCharterFinding().related!.slice(0, 1) }] }];
    assert.doesNotMatch(formatText(sameFileOnly, { color: false }), /\(see /);
  });

  it('the CLI: a duplicate id carries its first declaration as related, in JSON and SARIF', () => {
    const dir = tempTree({ 'team-charter.yaml': charterWith(['  - id: ben\n', '  - id: ana\n']) });
    const json = JSON.parse(lintIn(dir, '--format', 'json').stdout) as { files: Array<{ findings: Array<{ rule: string; related?: Array<{ path: string; range: unknown; message: string }> }> }> };
    const duplicate = json.files[0].findings.find((f) => f.rule === 'duplicate-id');
    assert.ok(duplicate?.related?.length, JSON.stringify(json));
    assert.equal(duplicate.related[0].path, 'team-charter.yaml');
    assert.match(duplicate.related[0].message, /first member with id "ana"/);
    const sarif = JSON.parse(lintIn(dir, '--format', 'sarif').stdout) as Sarif;
    assertValidSarif(sarif);
    const result = sarif.runs[0].results.find((r: Sarif) => r.ruleId === 'duplicate-id');
    assert.equal(result.relatedLocations[0].physicalLocation.artifactLocation.uri, 'team-charter.yaml');
  });
});

describe('SARIF partialFingerprints', () => {
  const sarifResults = (dir: string): Sarif[] => {
    const log = JSON.parse(lintIn(dir, '--format', 'sarif').stdout) as Sarif;
    assertValidSarif(log);
    return log.runs[0].results;
  };
  const fingerprints = (dir: string): Map<string, string> =>
    new Map(sarifResults(dir).map((r: Sarif) => [`${r.ruleId} ${r.message.text}`, r.partialFingerprints['teamCharter/v1']]));

  it('every result has a teamCharter/v1 fingerprint, all different within a run', () => {
    const dir = tempTree({ 'a/team-charter.yaml': charterWith(MISSING_OWNER, UNKNOWN_KEY, ['    colour: blue\n', '    colour: blue\n    shade: red\n']), 'b/team-charter.yaml': charterWith(MISSING_OWNER) });
    const prints: string[] = sarifResults(dir).map((r) => r.partialFingerprints['teamCharter/v1']);
    assert.ok(prints.length >= 4);
    for (const p of prints) assert.match(p, /^[0-9a-f]{64}$/);
    assert.equal(new Set(prints).size, prints.length);
  });

  it('stay the same when lines move above the findings, and change with the rule, the entry or the file', () => {
    const original = tempTree({ 'team-charter.yaml': charterWith(MISSING_OWNER, UNKNOWN_KEY) });
    const shifted = tempTree({ 'team-charter.yaml': '# A comment\n# and another\n\n' + charterWith(MISSING_OWNER, UNKNOWN_KEY).replace('mission:', 'vision: Paid on time.\nmission:') });
    const lineOf = (dir: string) => sarifResults(dir).find((r) => r.ruleId === 'owner-missing').locations[0].physicalLocation.region.startLine;
    assert.equal(lineOf(shifted), lineOf(original) + 4);
    const before = fingerprints(original);
    assert.deepEqual(fingerprints(shifted), before);
    const renamed = fingerprints(tempTree({ 'other.charter.yaml': charterWith(MISSING_OWNER, UNKNOWN_KEY) }));
    for (const [k, v] of before) assert.notEqual(renamed.get(k), v, k);
  });
});

describe('SARIF rule help', () => {
  it('every rule carries help (text and markdown) from its docs page, with links made absolute', () => {
    const log = JSON.parse(formatSarif([], { toolVersion: '1.0.0', rules, docsUrl: (id) => ruleDocsUrl(id), executionSuccessful: true })) as Sarif;
    assertValidSarif(log);
    for (const rule of log.runs[0].tool.driver.rules) {
      const page = fs.readFileSync(path.join(ROOT, 'docs/rules', `${rule.id}.md`), 'utf8');
      assert.ok(rule.help, rule.id);
      // The page without its title; relative links resolved against the page's own address.
      assert.ok(page.includes(rule.help.markdown.split('\n')[0]), rule.id);
      assert.ok(rule.help.markdown.includes('## Why'), rule.id);
      for (const [, href] of rule.help.markdown.matchAll(/\]\(([^)\s]+)\)/g)) assert.match(href, /^https:\/\//, `${rule.id}: ${href}`);
      assert.doesNotMatch(rule.help.text, /```|\*\*|^##/m, rule.id);
      assert.match(rule.help.text, /^severity: (error|warning|info); fix: /, rule.id);
    }
  });

  it('the CLI bundles it: a copy of bin/ and dist/ without docs/ still writes help', () => {
    const dir = tempTree({ 'team-charter.yaml': charterWith(MISSING_OWNER) });
    const copy = path.join(dir, 'installed');
    fs.mkdirSync(path.join(copy, 'bin'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'bin/team-charter.js'), path.join(copy, 'bin/team-charter.js'));
    fs.cpSync(path.join(ROOT, 'dist'), path.join(copy, 'dist'), { recursive: true });
    const r = spawnSync(process.execPath, [path.join(copy, 'bin/team-charter.js'), 'lint', '--format', 'sarif', '--today', '2026-11-25', 'team-charter.yaml'], { cwd: dir, encoding: 'utf8' });
    const log = JSON.parse(r.stdout) as Sarif;
    const owner = log.runs[0].tool.driver.rules.find((x: Sarif) => x.id === 'owner-missing');
    assert.match(owner.help.markdown, /## Why/);
  });
});
