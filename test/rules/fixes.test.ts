import assert from 'node:assert/strict';
import { fixAll, lint } from '../../server/src/lint';
import { fixtureFolders, loadFixtures } from '../helpers/fixtures';
import { checkFix } from '../helpers/fix-checks';

describe('fixes on the rule fixtures', () => {
  for (const rule of fixtureFolders()) {
    for (const f of loadFixtures(rule).filter((x) => x.kind === 'bad')) {
      const options = { config: f.config, today: f.today };
      const withFixes = lint(f.text, options).filter((x) => x.fixes.length > 0);
      if (withFixes.length === 0) continue;
      it(`${rule}/${f.name}: each fix gives valid YAML, keeps comments and other lines, removes its finding`, () => {
        const problems = withFixes.flatMap((finding) => finding.fixes.flatMap((fix) => checkFix(f.text, finding, fix, options)));
        assert.deepEqual(problems, []);
      });
      it(`${rule}/${f.name}: the same holds with CRLF line endings`, () => {
        const crlf = f.text.replace(/\r?\n/g, '\r\n');
        const findings = lint(crlf, options);
        assert.deepEqual(findings.map((x) => `${x.range.start.line}:${x.rule}`), lint(f.text, options).map((x) => `${x.range.start.line}:${x.rule}`));
        const problems = findings.filter((x) => x.fixes.length).flatMap((finding) => finding.fixes.flatMap((fix) => checkFix(crlf, finding, fix, options)));
        assert.deepEqual(problems, []);
      });
      it(`${rule}/${f.name}: applying all safe fixes reaches a fixed point within 3 rounds`, () => {
        const once = fixAll(f.text, options);
        assert.ok(once.passes <= 3, `took ${once.passes} rounds`);
        const twice = fixAll(once.text, options);
        assert.equal(twice.text, once.text);
        assert.equal(lint(once.text, options).filter((x) => x.fixes.some((fx) => fx.safe)).length, 0);
      });
    }
  }
});
