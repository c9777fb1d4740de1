import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lint, rules } from '../../server/src/lint';
import { ROOT, fixtureFolders, loadFixtures } from '../helpers/fixtures';

describe('rule fixtures: findings match the `# expect:` markers', () => {
  it('every rule has a fixture folder and a docs page, and every folder is a rule', () => {
    const ids = rules.map((r) => r.id).sort();
    assert.deepEqual(fixtureFolders(), ids);
    for (const id of ids) assert.ok(fs.existsSync(path.join(ROOT, 'docs/rules', `${id}.md`)), `docs/rules/${id}.md is missing`);
  });

  for (const rule of fixtureFolders()) {
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
