import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lint, rules } from '../../server/src/lint';
import { DEFAULT_TODAY, FIXTURES, ROOT, expectedMarkers, fixtureFolders, loadFixtures } from '../helpers/fixtures';
import { checkCharterSet } from '../helpers/charter-set';

describe('rule fixtures: findings match the `# expect:` markers', () => {
  it('every rule has a fixture folder and a docs page, and every folder is a rule', () => {
    const ids = rules.map((r) => r.id).sort();
    assert.deepEqual(fixtureFolders(), ids);
    for (const id of ids) assert.ok(fs.existsSync(path.join(ROOT, 'docs/rules', `${id}.md`)), `docs/rules/${id}.md is missing`);
  });

  for (const rule of fixtureFolders().filter((id) => !isSetRule(id))) {
    describe(rule, () => {
      const files = loadFixtures(rule);
      it('has a failing and a passing charter', () => {
        assert.ok(files.some((f) => f.kind === 'bad'), 'no bad*.yaml');
        assert.ok(files.some((f) => f.kind === 'good'), 'no good*.yaml');
      });
      for (const f of files) {
        it(`${f.name}: ${f.kind === 'bad' ? `reports exactly the marked findings (incl. ${rule})` : 'has no findings'}`, () => {
          const actual = lint(f.text, { config: f.config, today: f.today }).map((x) => `${x.range.start.line}:${x.rule}`).sort();
          const describe = (list: string[]) => list.map((s) => { const [l, r] = s.split(':'); return `line ${Number(l) + 1}: ${r}`; });
          const missing = diff(f.expected, actual);
          const unexpected = diff(actual, f.expected);
          assert.deepEqual({ missing: describe(missing), unexpected: describe(unexpected) }, { missing: [], unexpected: [] }, `${f.file}`);
          if (f.kind === 'bad') assert.ok(f.expected.some((e) => e.endsWith(`:${rule}`)), `${f.name} marks no ${rule} finding`);
          else assert.equal(f.expected.length, 0, 'good fixtures carry no markers');
        });
      }
    });
  }
});

// Organisation rules: each bad*/ or good*/ sub-folder is the root of a small charter set.
for (const rule of fixtureFolders().filter(isSetRule)) {
  describe(`organisation rule fixtures: ${rule}`, () => {
    const dir = path.join(FIXTURES, rule);
    const sets = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && /^(bad|good)/.test(d.name)).map((d) => d.name).sort();
    it('has a failing and a passing charter set', () => {
      assert.ok(sets.some((s) => s.startsWith('bad')), 'no bad*/ folder');
      assert.ok(sets.some((s) => s.startsWith('good')), 'no good*/ folder');
    });
    for (const set of sets) {
      it(`${set}/: ${set.startsWith('bad') ? `reports exactly the marked findings (incl. ${rule})` : 'has no findings'}`, () => {
        const results = checkCharterSet(path.join(dir, set), DEFAULT_TODAY);
        const expected = results.flatMap((r) => expectedMarkers(r.text).map((m) => `${r.file}:${m}`)).sort();
        const actual = results.flatMap((r) => r.findings.map((f) => `${r.file}:${f.range.start.line}:${f.rule}`)).sort();
        assert.deepEqual({ missing: diff(expected, actual), unexpected: diff(actual, expected) }, { missing: [], unexpected: [] });
        if (set.startsWith('bad')) assert.ok(expected.some((e) => e.endsWith(`:${rule}`)), `${set} marks no ${rule} finding`);
        else assert.equal(expected.length, 0, 'good fixtures carry no markers');
      });
    }
  });
}

function isSetRule(id: string): boolean {
  return rules.find((r) => r.id === id)?.checkSet !== undefined;
}

/** Multiset difference a − b. */
function diff(a: string[], b: string[]): string[] {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i === -1) return true;
    rest.splice(i, 1);
    return false;
  });
}
