import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { runCli, tempTree } from './cli-helpers';

describe('cli init', () => {
  it('writes ./team-charter.yaml and says what to do next', () => {
    const dir = tempTree();
    const r = runCli(['init'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^wrote team-charter\.yaml/);
    assert.match(r.stdout, /\nnext: team-charter lint\n$/);
    const text = fs.readFileSync(path.join(dir, 'team-charter.yaml'), 'utf8');
    assert.equal(parseDocument(text).errors.length, 0);
  });

  it('has every section of the format', () => {
    const dir = tempTree();
    runCli(['init'], dir);
    const doc = parseDocument(fs.readFileSync(path.join(dir, 'team-charter.yaml'), 'utf8')).toJS();
    assert.deepEqual(Object.keys(doc), [
      'charter', 'team', 'mission', 'vision', 'roles', 'members', 'stakeholders', 'priorities',
      'intent', 'decisions', 'checkins', 'milestones', 'updates', 'risks',
    ]);
    assert.deepEqual(doc.decisions.map((d: { boundary: string }) => d.boundary), ['team', 'consult', 'escalate']);
  });

  it('linting the starter reports its placeholders and nothing else', () => {
    const dir = tempTree();
    runCli(['init'], dir);
    const r = runCli(['lint', '--format', 'json'], dir);
    const findings = JSON.parse(r.stdout).files[0].findings as Array<{ rule: string }>;
    assert.deepEqual([...new Set(findings.map((f) => f.rule))], ['placeholder-text']);
    assert.ok(findings.length >= 20, `one per placeholder, got ${findings.length}`);
    assert.equal(r.code, 0, 'placeholders are warnings');
  });

  it('writes into a folder given as PATH, creating it, or to a file path', () => {
    const dir = tempTree({ 'existing/readme.md': 'x' });
    assert.equal(runCli(['init', 'existing'], dir).code, 0);
    assert.ok(fs.existsSync(path.join(dir, 'existing/team-charter.yaml')));
    const r = runCli(['init', 'teams/payments'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /next: team-charter lint teams\/payments\/team-charter\.yaml\n$/);
    assert.ok(fs.existsSync(path.join(dir, 'teams/payments/team-charter.yaml')));
    assert.equal(runCli(['init', 'org/identity.charter.yml'], dir).code, 0);
    assert.ok(fs.existsSync(path.join(dir, 'org/identity.charter.yml')));
  });

  it('notes when the file name is not one lint finds in a folder', () => {
    const dir = tempTree();
    const r = runCli(['init', 'charter.yaml'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /note: .*team-charter\.yaml or NAME\.charter\.yaml/);
  });

  it('refuses a new file name that is not YAML (exit 2) instead of making a folder of that name', () => {
    const dir = tempTree();
    const r = runCli(['init', 'docs/notes.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^team-charter init: docs\/notes\.txt is not a YAML file name/);
    assert.ok(!fs.existsSync(path.join(dir, 'docs')));
  });

  it('refuses to overwrite an existing file (exit 2), leaving it untouched', () => {
    const dir = tempTree({ 'team-charter.yaml': 'mine\n', 'a/team-charter.yaml': 'mine too\n' });
    for (const args of [['init'], ['init', 'team-charter.yaml'], ['init', 'a']]) {
      const r = runCli(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^team-charter: (a\/)?team-charter\.yaml already exists; not overwritten/);
    }
    assert.equal(fs.readFileSync(path.join(dir, 'team-charter.yaml'), 'utf8'), 'mine\n');
    assert.equal(fs.readFileSync(path.join(dir, 'a/team-charter.yaml'), 'utf8'), 'mine too\n');
  });

  it('rejects unknown options and extra arguments with exit 2', () => {
    const dir = tempTree();
    assert.equal(runCli(['init', '--force'], dir).code, 2);
    assert.equal(runCli(['init', 'a', 'b'], dir).code, 2);
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});
