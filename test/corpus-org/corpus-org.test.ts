// Blind organisation repositories (test/corpus-org/<repo>/, each folder the root of one set),
// written from the spec alone with every expected finding marked `# expect: rule-id`. Scored as the
// hidden repositories are: the multiset of (file, line, rule) over every charter of the set.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { expectedMarkers, DEFAULT_TODAY, ROOT } from '../helpers/fixtures';
import { checkCharterSet } from '../helpers/charter-set';

const BASE = path.join(ROOT, 'test/corpus-org');
const repos = fs.readdirSync(BASE, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe('blind organisation repositories (spec-only charter sets)', () => {
  let expectedTotal = 0;
  let foundTotal = 0;
  let reportedTotal = 0;
  let matchedTotal = 0;
  const rulesSeen = new Set<string>();

  for (const repo of repos) {
    it(`${repo}: every finding of the set is at its marker`, () => {
      const root = path.join(BASE, repo);
      const results = checkCharterSet(root, DEFAULT_TODAY);
      const expected: string[] = [];
      const actual: string[] = [];
      let reportedErrorsWarnings = 0;
      for (const r of results) {
        for (const m of expectedMarkers(r.text)) expected.push(`${r.file}:${m}`);
        for (const f of r.findings) {
          actual.push(`${r.file}:${f.range.start.line}:${f.rule}`);
          if (f.severity !== 'info') reportedErrorsWarnings++;
          rulesSeen.add(f.rule);
        }
      }
      const missing = difference(expected, actual);
      const unexpected = difference(actual, expected);
      expectedTotal += expected.length;
      foundTotal += expected.length - missing.length;
      reportedTotal += reportedErrorsWarnings;
      matchedTotal += reportedErrorsWarnings - unexpected.filter((u) => results.some((r) => r.findings.some((f) => `${r.file}:${f.range.start.line}:${f.rule}` === u && f.severity !== 'info'))).length;
      assert.deepEqual({ missing: human(missing), unexpected: human(unexpected) }, { missing: [], unexpected: [] });
    });
  }

  after(() => {
    if (expectedTotal) console.log(`corpus-org: recall ${((foundTotal / expectedTotal) * 100).toFixed(1)}% (${foundTotal}/${expectedTotal}), precision ${((matchedTotal / Math.max(reportedTotal, 1)) * 100).toFixed(1)}% on errors and warnings`);
  });
});

const human = (keys: string[]) => keys.map((k) => k.replace(/:(\d+):/, (_, l) => `:${Number(l) + 1}: `));

function difference(a: string[], b: string[]): string[] {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i === -1) return true;
    rest.splice(i, 1);
    return false;
  });
}
