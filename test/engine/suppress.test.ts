// Inline suppression comments, as a user writes them in a charter.
import assert from 'node:assert/strict';
import { Parser } from 'yaml';
import { applyEdits, lint } from '../../server/src/lint';
import type { CharterConfig, Finding } from '../../server/src/lint';
import { BASE_CHARTER as BASE, baseCharterWith as charter } from '../helpers/fixtures';

const TODAY = '2026-11-25';

function run(text: string, config?: CharterConfig): Finding[] {
  return lint(text, { today: TODAY, config });
}

/** `line:rule` (1-based lines) of every finding. */
function at(text: string, config?: CharterConfig): string[] {
  return run(text, config).map((f) => `${f.range.start.line + 1}:${f.rule}`);
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

// Two decisions without an owner: one finding each, on their id lines.
const TWO_OWNERLESS = charter(
  ['    scope: How payouts are batched and scheduled\n    owner: ben\n', '    scope: How payouts are batched and scheduled\n'],
  ['    scope: Any change to merchant fees\n    owner: ana\n', '    scope: Any change to merchant fees\n'],
);

describe('inline suppression', () => {
  it('the base text has the two owner-missing findings the tests below silence', () => {
    assert.deepEqual(at(TWO_OWNERLESS), [`${lineOf(TWO_OWNERLESS, '- id: payout-batching')}:owner-missing`, `${lineOf(TWO_OWNERLESS, '- id: fee-changes')}:owner-missing`]);
  });

  it('charter-disable-next-line silences the named rule on the next line only', () => {
    const text = TWO_OWNERLESS.replace('  - id: payout-batching', '  # charter-disable-next-line owner-missing\n  - id: payout-batching');
    assert.deepEqual(at(text), [`${lineOf(text, '- id: fee-changes')}:owner-missing`]);
  });

  it('charter-disable-next-line does not reach two lines down', () => {
    const text = TWO_OWNERLESS.replace('  - id: payout-batching', '  # charter-disable-next-line owner-missing\n\n  - id: payout-batching');
    const comment = lineOf(text, 'charter-disable-next-line');
    assert.deepEqual(at(text), [`${comment}:unused-suppression`, `${comment + 2}:owner-missing`, `${lineOf(text, '- id: fee-changes')}:owner-missing`]);
  });

  it('charter-disable silences later lines only, to the end of the file', () => {
    const text = TWO_OWNERLESS.replace('    boundary: team\n', '    boundary: team\n  # charter-disable owner-missing\n');
    assert.deepEqual(at(text), [`${lineOf(text, '- id: payout-batching')}:owner-missing`]);
  });

  it('charter-enable ends an earlier charter-disable for the rules it names', () => {
    const text = TWO_OWNERLESS.replace('decisions:\n', '# charter-disable owner-missing\ndecisions:\n').replace('    risk_owner: ben\n', '    risk_owner: ben\n  # charter-enable owner-missing\n');
    assert.deepEqual(at(text), [`${lineOf(text, '- id: fee-changes')}:owner-missing`]);
  });

  it('charter-disable-line silences findings that start on the comment\'s own line', () => {
    const text = TWO_OWNERLESS.replace('  - id: payout-batching', '  - id: payout-batching # charter-disable-line owner-missing');
    assert.deepEqual(at(text), [`${lineOf(text, '- id: fee-changes')}:owner-missing`]);
  });

  it('a directive after a value on the same line still applies to the next line', () => {
    const text = TWO_OWNERLESS.replace('    risk_owner: ben\n', '    risk_owner: ben # charter-disable-next-line owner-missing\n');
    assert.deepEqual(at(text), [`${lineOf(text, '- id: payout-batching')}:owner-missing`]);
  });

  it('a reason after " -- " is ignored, and ids may be separated by commas or spaces', () => {
    const text = TWO_OWNERLESS.replace('  - id: payout-batching', '  #charter-disable-next-line owner-missing,scope-missing  risk-owner-missing -- agreed with Ana, owner-missing until June\n  - id: payout-batching');
    const findings = run(text);
    assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}:${f.rule}`), [
      `${lineOf(text, 'charter-disable-next-line')}:unused-suppression`,
      `${lineOf(text, '- id: fee-changes')}:owner-missing`,
    ]);
    // Only the two ids that silenced nothing are named: the reason's words are not ids.
    assert.match(findings[0].message, /^"scope-missing", "risk-owner-missing" in this suppression silence nothing/);
  });

  it('a suppression with no rule ids silences every rule on the next line', () => {
    const text = TWO_OWNERLESS.replace('  - id: payout-batching', '  # charter-disable-next-line\n  - id: payout-batching');
    assert.deepEqual(at(text), [`${lineOf(text, '- id: fee-changes')}:owner-missing`]);
  });

  it('a "# charter-disable…" line inside a block scalar is text, not a directive', () => {
    const text = TWO_OWNERLESS.replace('    purpose: Progress on payouts, blocked decisions, risks.\n', '    purpose: |\n      Progress on payouts.\n      # charter-disable owner-missing\n');
    assert.deepEqual(at(text), [`${lineOf(text, '- id: payout-batching')}:owner-missing`, `${lineOf(text, '- id: fee-changes')}:owner-missing`]);
  });

  it('"# charter-disable…" inside a quoted string is text, not a directive', () => {
    const text = TWO_OWNERLESS.replace('  channel: "#payments-updates"', '  channel: "# charter-disable owner-missing"').replace('decisions:\n', 'x-note: "# charter-disable owner-missing"\ndecisions:\n');
    assert.equal(at(text).filter((f) => f.endsWith(':owner-missing')).length, 2);
    assert.equal(at(text).filter((f) => f.endsWith(':unused-suppression')).length, 0);
  });

  it('a suppression that silences nothing is reported on the comment, with a safe fix removing the line', () => {
    const text = charter(['decisions:\n', '# charter-disable-next-line owner-missing\ndecisions:\n']);
    const [finding] = run(text);
    assert.equal(finding.rule, 'unused-suppression');
    assert.equal(finding.severity, 'info');
    assert.equal(finding.range.start.line + 1, lineOf(text, 'charter-disable-next-line'));
    assert.match(finding.message, /silences nothing: no "owner-missing" finding on the next line/);
    const fix = finding.fixes[0];
    assert.equal(fix.safe, true);
    assert.equal(applyEdits(text, fix.edits), BASE);
  });

  it('the unused ids of a partly used suppression are removed by its fix, keeping the reason', () => {
    const text = TWO_OWNERLESS.replace('  - id: payout-batching', '  # charter-disable-next-line owner-missing, scope-missing -- agreed\n  - id: payout-batching');
    const finding = run(text).find((f) => f.rule === 'unused-suppression')!;
    assert.match(finding.message, /^"scope-missing" in this suppression silences nothing/);
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.ok(fixed.includes('  # charter-disable-next-line owner-missing -- agreed\n  - id: payout-batching'), fixed);
    assert.deepEqual(at(fixed), [`${lineOf(fixed, '- id: fee-changes')}:owner-missing`]);
  });

  it('a misspelt rule id is called out, with a quick fix to the closest id', () => {
    const text = TWO_OWNERLESS.replace('  - id: payout-batching', '  # charter-disable-next-line owner-mising\n  - id: payout-batching');
    const finding = run(text).find((f) => f.rule === 'unused-suppression')!;
    assert.match(finding.message, /"owner-mising" is not a rule id \(did you mean "owner-missing"\?\)/);
    const rename = finding.fixes.find((f) => f.title.includes('owner-missing'))!;
    assert.equal(rename.safe, false);
    assert.deepEqual(at(applyEdits(text, rename.edits)), [`${lineOf(text, '- id: fee-changes')}:owner-missing`]);
  });

  it('a suppression for a rule turned off in config counts as unused', () => {
    const text = TWO_OWNERLESS.replace('  - id: payout-batching', '  # charter-disable-next-line owner-missing\n  - id: payout-batching');
    assert.deepEqual(at(text, { rules: { 'owner-missing': 'off' } }), [`${lineOf(text, 'charter-disable-next-line')}:unused-suppression`]);
  });

  it('unused-suppression itself is silenced only by a comment naming it', () => {
    const unused = charter(['decisions:\n', '# charter-disable-next-line owner-missing\ndecisions:\n']);
    const blanket = '# charter-disable\n' + unused;
    assert.deepEqual(at(blanket).map((f) => f.split(':')[1]), ['unused-suppression', 'unused-suppression']);
    const named = '# charter-disable unused-suppression\n' + unused;
    assert.deepEqual(at(named), []);
  });

  it('works the same on CRLF files', () => {
    const text = TWO_OWNERLESS.replace('  - id: payout-batching', '  # charter-disable-next-line owner-missing\n  - id: payout-batching');
    assert.deepEqual(at(text.replace(/\n/g, '\r\n')), at(text));
    const unused = charter(['decisions:\n', '# charter-disable-next-line owner-missing\ndecisions:\n']).replace(/\n/g, '\r\n');
    const [finding] = run(unused);
    assert.equal(applyEdits(unused, finding.fixes[0].edits), BASE.replace(/\n/g, '\r\n'));
  });
});

describe('inline suppression: one parse', () => {
  // Directives are read from the comments of the parse the rules use: a charter with a
  // suppression used to be parsed twice, which doubled the check of a large file.
  function parses(check: () => void): number {
    const original = Parser.prototype.parse;
    let calls = 0;
    Parser.prototype.parse = function (this: Parser, ...args: Parameters<Parser['parse']>) {
      calls++;
      return original.apply(this, args);
    };
    try {
      check();
    } finally {
      Parser.prototype.parse = original;
    }
    return calls;
  }

  it('a charter with directives is parsed once, and the directives apply', () => {
    const text = TWO_OWNERLESS.replace('  - id: payout-batching', '  # charter-disable-next-line owner-missing\n  - id: payout-batching');
    let findings: string[] = [];
    assert.equal(parses(() => (findings = at(text))), 1);
    assert.deepEqual(findings, [`${lineOf(text, '- id: fee-changes')}:owner-missing`]);
  });

  it('a directive in a second YAML document still counts (the document itself is not checked)', () => {
    const text = `${TWO_OWNERLESS}---\n# charter-disable-next-line owner-missing\nx: 1\n`;
    const rules = run(text).map((f) => f.rule);
    assert.ok(rules.includes('yaml-syntax'), 'the second document is a syntax error');
    assert.ok(rules.includes('unused-suppression'), 'its directive is seen (and silences nothing)');
  });
});
