// The charter set on the command line: linting one file builds the set from the repository root
// and reports only that file, with related places in other charters as paths from the current
// folder (JSON related[].path, SARIF relatedLocations, text "(see PATH:LINE)"); --no-org checks
// each charter alone, and the per-charter findings are the same either way.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE_CHARTER, lintIn, lintJson, runCli, tempTree, TODAY } from './cli-helpers';

const teamed = (id: string, extra: Array<[string, string]> = []) => {
  let text = BASE_CHARTER.replace('team:\n  id: payments\n', `team:\n  id: ${id}\n`);
  for (const [from, to] of extra) text = text.replace(from, to);
  return text;
};

describe('cli lint: the charter set', () => {
  function repo(): string {
    const dir = tempTree({});
    fs.mkdirSync(path.join(dir, '.git'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write('teams/payments/team-charter.yaml', teamed('payments'));
    // Same team id, and a parent nobody declares.
    write('teams/billing/team-charter.yaml', teamed('payments', [['  name: Payments\n', '  name: Billing\n  parent: finance\n']]));
    write('teams/growth.charter.yaml', teamed('growth', [['  name: Payments\n', '  name: Growth\n  parent: ../teams/payments/team-charter.yaml\n']]));
    return dir;
  }

  it('one file named from a sub-folder: the set is the repository, only that file is reported, related paths from the current folder', () => {
    const dir = repo();
    const cwd = path.join(dir, 'teams/payments');
    const r = runCli(['lint', '--today', TODAY, '--format', 'json', 'team-charter.yaml'], cwd);
    const json = JSON.parse(r.stdout) as { files: Array<{ path: string; findings: Array<{ rule: string; related?: Array<{ path: string; range: { start: { line: number } } }> }> }> };
    assert.deepEqual(json.files.map((f) => f.path), ['team-charter.yaml']);
    const duplicate = json.files[0].findings.find((f) => f.rule === 'team-id-duplicate');
    assert.deepEqual(duplicate?.related?.map((x) => [x.path, x.range.start.line]), [['../billing/team-charter.yaml', 3]]);
    assert.equal(r.code, 1);
  });

  it('text names the other charter; SARIF relates it; --no-org leaves the per-charter findings unchanged', () => {
    const dir = repo();
    const text = lintIn(dir, 'teams/payments/team-charter.yaml');
    assert.match(text.stdout, /^teams\/payments\/team-charter\.yaml:4:7 {2}error {2}team id "payments" is also declared by teams\/billing\/team-charter\.yaml.*team-id-duplicate/m);
    assert.match(text.stdout, /\(see teams\/billing\/team-charter\.yaml:4\)/);
    const sarif = JSON.parse(lintIn(dir, '--format', 'sarif', 'teams/payments/team-charter.yaml').stdout);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'team-id-duplicate');
    assert.equal(result.relatedLocations[0].physicalLocation.artifactLocation.uri, 'teams/billing/team-charter.yaml');

    const withOrg = lintJson(dir).report.files.flatMap((f) => f.findings.map((x) => `${f.path} ${x.rule}`));
    const alone = lintJson(dir, '--no-org').report.files.flatMap((f) => f.findings.map((x) => `${f.path} ${x.rule}`));
    const orgRules = new Set(['team-id-duplicate', 'parent-unknown', 'parent-cycle', 'party-name-mismatch', 'org-approval-bottleneck', 'checkin-load', 'scope-claimed-twice']);
    assert.deepEqual(withOrg.filter((k) => !orgRules.has(k.split(' ')[1])), alone);
    assert.deepEqual(withOrg.filter((k) => orgRules.has(k.split(' ')[1])).sort(), [
      'teams/billing/team-charter.yaml parent-unknown',
      'teams/billing/team-charter.yaml team-id-duplicate',
      'teams/payments/team-charter.yaml team-id-duplicate',
    ]);
    assert.ok(!alone.some((k) => orgRules.has(k.split(' ')[1])));
  });

  it('a suppression naming an organisation rule is not "unused" under --no-org, and is when the rule runs and finds nothing', () => {
    const dir = tempTree({ 'team-charter.yaml': BASE_CHARTER.replace('team:\n', '# charter-disable-next-line team-id-duplicate\nteam:\n') });
    fs.mkdirSync(path.join(dir, '.git'));
    assert.deepEqual(lintJson(dir, '--no-org').report.files[0].findings.map((f) => f.rule), []);
    // A set of one: team-id-duplicate cannot fire there, so its suppression is not reported either.
    assert.deepEqual(lintJson(dir).report.files[0].findings.map((f) => f.rule), []);
    fs.writeFileSync(path.join(dir, 'other.charter.yaml'), teamed('other'));
    assert.deepEqual(lintJson(dir, 'team-charter.yaml').report.files[0].findings.map((f) => f.rule), ['unused-suppression']);
  });
});
