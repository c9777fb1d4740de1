// Hostile and odd input: each gets a clear finding and no crash, hang or range outside the text.
import assert from 'node:assert/strict';
import { DEFAULT_MAX_FILE_SIZE, applyEdits, fixAll, lint } from '../../server/src/lint';
import type { Finding } from '../../server/src/lint';
import { invariantProblems } from '../helpers/invariants';
import { BASE_CHARTER as base } from '../helpers/fixtures';

const TODAY = '2026-11-25';

function check(text: string, options = {}): Finding[] {
  const findings = lint(text, { today: TODAY, ...options });
  assert.deepEqual(invariantProblems(text, findings), []);
  return findings;
}
const rulesOf = (fs: Finding[]) => [...new Set(fs.map((f) => f.rule))].sort();

describe('hostile input', () => {
  it('a "billion laughs" alias bomb is cut off with a yaml-syntax finding, quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `charter: 1\nx-bomb:\n  ${levels.join('\n  ')}\n`;
    const started = Date.now();
    const findings = check(text);
    assert.ok(Date.now() - started < 2000, 'took too long');
    const bomb = findings.find((f) => f.rule === 'yaml-syntax' && /alias/i.test(f.message));
    assert.ok(bomb, `no alias finding in ${JSON.stringify(findings.map((f) => f.message))}`);
  });

  it('a self-referencing alias does not loop', () => {
    check('charter: 1\nteam: &t\n  id: x\n  name: y\n  x-self: *t\nmembers: &m [*m]\n');
  });

  it('100-level nesting is reported, not a stack overflow', () => {
    let nested = 'leaf';
    for (let i = 0; i < 100; i++) nested = `{k${i}: ${nested}}`;
    const findings = check(`charter: 1\nx-deep: ${nested}\nmission: ${nested}\n`);
    assert.ok(findings.some((f) => f.rule === 'schema-invalid-value' && f.range.start.line === 2));
    let block = 'leaf';
    for (let i = 0; i < 100; i++) block = `k${i}:\n${block.replace(/^/gm, '  ')}`;
    check(`charter: 1\nmission:\n${block.replace(/^/gm, '  ')}\n`);
  });

  it(`a file over the size limit is skipped with one explanatory finding`, () => {
    const big = base + '\n' + '# padding line to make the file large\n'.repeat(Math.ceil((20 * 1024 * 1024) / 38));
    assert.ok(big.length > DEFAULT_MAX_FILE_SIZE);
    const started = Date.now();
    const findings = check(big);
    assert.ok(Date.now() - started < 1000);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /size limit/);
    // The limit is a setting: a higher one checks the file.
    assert.equal(check(base, { maxFileSize: 10 }).length, 1);
  });

  it('binary data gets findings, not a crash', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const findings = check(bytes.toString('latin1'));
    assert.ok(findings.length > 0);
  });

  it('control characters YAML forbids (NUL, U+0001, DEL, C1) are yaml-syntax errors at their place, never printed raw', () => {
    const text = base.replace('  name: Payments', '  name: "Pay\u0000ments"').replace('mission: ', 'mission: \u0001').replace('\nmembers:', '\nx-note: a\u007fb\u0085c\u0090\nmembers:');
    const findings = check(text);
    const lines = text.split('\n');
    const syntax = findings.filter((f) => f.rule === 'yaml-syntax');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle));
    assert.deepEqual(
      syntax.map((f) => [f.range.start.line, f.range.start.character]),
      [
        [lineOf('Pay\u0000ments'), lines[lineOf('Pay\u0000ments')].indexOf('\u0000')],
        [lineOf('mission:'), lines[lineOf('mission:')].indexOf('\u0001')],
        [lineOf('x-note'), lines[lineOf('x-note')].indexOf('\u007f')],
      ],
    );
    assert.match(syntax[0].message, /U\+0000 is not allowed in YAML/);
    // U+0085 (NEL) is allowed; the U+0090 on the same line is the same line's finding.
    for (const f of findings) assert.doesNotMatch(f.message, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/, f.message);
  });

  it('a UTF-8 BOM does not shift findings below the first line', () => {
    const plain = check(base.replace('    owner: ben\n    boundary: team', '    boundary: team'));
    const bom = check('\uFEFF' + base.replace('    owner: ben\n    boundary: team', '    boundary: team'));
    assert.deepEqual(bom.map((f) => `${f.range.start.line}:${f.rule}`), plain.map((f) => `${f.range.start.line}:${f.rule}`));
    assert.ok(plain.length > 0);
  });

  it('CRLF files: same lines and columns as LF; fixes keep CRLF', () => {
    // A safe fix that inserts a line (charter: 1), and quick fixes that insert lines (risk_owner).
    const lf = base.replace('    risk_owner: ben\n', '').replace('charter: 1\n', '');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = check(lf);
    const b = check(crlf);
    assert.deepEqual(b.map((f) => f.range), a.map((f) => f.range));
    assert.ok(b.some((f) => f.fixes.length));
    const fixed = fixAll(crlf, { today: TODAY }).text;
    assert.notEqual(fixed, crlf);
    assert.ok(!/(^|[^\r])\n/.test(fixed), 'a bare LF was introduced');
    for (const f of b) for (const fix of f.fixes) assert.ok(!/(^|[^\r])\n/.test(applyEdits(crlf, fix.edits)), `${f.rule}: ${fix.title}`);
  });

  it('lone-CR files (classic Mac) are read line by line, as YAML defines, and fixes keep their line breaks', () => {
    // owner-missing (no safe fix), risk-owner-missing (a safe fix inserting a line), cadence-invalid (a safe fix in place).
    const lf = base.replace('    owner: ben\n    boundary: team\n    risk_owner: ben\n', '    boundary: team\n').replace('    cadence: weekly\n    owner: ana', '    cadence: weekyl\n    owner: ana');
    const cr = lf.replace(/\n/g, '\r');
    const expected = check(lf);
    assert.deepEqual(rulesOf(expected), ['cadence-invalid', 'owner-missing', 'risk-owner-missing']);
    const found = check(cr);
    assert.deepEqual(found.map((f) => [f.rule, f.range, f.message]), expected.map((f) => [f.rule, f.range, f.message]));
    const fixed = fixAll(cr, { today: TODAY }).text;
    assert.equal(fixed, fixAll(lf, { today: TODAY }).text.replace(/\n/g, '\r'));
    assert.notEqual(fixed, cr);
  });

  for (const [name, text, expected] of [
    ['a list', '- id: a\n- id: b\n', /list/],
    ['a scalar', 'just some text\n', /single value/],
    ['an empty file', '', /empty/],
    ['only comments', '# nothing here yet\n# still nothing\n', /empty/],
  ] as const) {
    it(`a charter that is ${name} gets one clear finding`, () => {
      const findings = check(text);
      assert.equal(findings.length, 1, JSON.stringify(findings));
      assert.match(findings[0].message, expected);
    });
  }

  it('tabs, duplicate keys and a second document are yaml-syntax errors, and the rest is still checked', () => {
    const text = base.replace('mission:', '\tx-tab: 1\nmission:').replace('team:\n', 'team:\n  id: dup\n') + '---\nsecond: doc\n';
    const findings = check(text);
    assert.ok(findings.filter((f) => f.rule === 'yaml-syntax').length >= 2, JSON.stringify(rulesOf(findings)));
  });
});

describe('a tab in indentation', () => {
  const where = (fs: Finding[]) => fs.map((f) => `${f.range.start.line + 1}:${f.rule}`);
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

  for (const [name, from, to] of [
    ['inside a member', '    name: Ben Okafor', '\tname: Ben Okafor'],
    ['after spaces', '    name: Ben Okafor', '  \tname: Ben Okafor'],
    ['after a dash', '  - id: ben', '  -\tid: ben'],
    ['inside a decision', '    boundary: escalate', '\tboundary: escalate'],
    ['inside updates', '  channel: "#payments-updates"', '\tchannel: "#payments-updates"'],
  ] as const) {
    it(`${name}: one yaml-syntax finding on that line, and the rest of the file is still read`, () => {
      const text = base.replace(from, to);
      assert.notEqual(text, base);
      const findings = check(text);
      // The parser alone loses everything after the tab: sections would look missing, entries lose keys.
      assert.deepEqual(where(findings), [`${lineOf(text, to) + 1}:yaml-syntax`]);
      assert.match(findings[0].message, /tab/);
      assert.equal(findings[0].range.start.character, 0);
    });
  }

  it('findings on the re-indented line point at the source columns, and fixes edit the source', () => {
    const text = base.replace('    risk_owner: ben\n  - id: fee', '\trisk_owner: zed\n  - id: fee');
    const line = lineOf(text, '\trisk_owner: zed');
    const findings = check(text);
    const unknown = findings.find((f) => f.rule === 'unknown-reference')!;
    assert.deepEqual(unknown.range, { start: { line, character: 13 }, end: { line, character: 16 } });
    const change = unknown.fixes.find((f) => f.title.includes('ben'))!;
    assert.ok(applyEdits(text, change.edits).includes('\trisk_owner: ben\n'));
    assert.ok(findings.every((f) => f.fixes.every((x) => !x.safe)), 'a guess at the structure is never fixed automatically');
    assert.equal(fixAll(text, { today: TODAY }).text, text);
  });

  it('a file indented with tabs throughout gets one yaml-syntax finding per tab-indented line and nothing else', () => {
    const text = base
      .split('\n')
      .map((l) => l.replace(/^( +)/, (m) => '\t'.repeat(m.length / 2)))
      .join('\n');
    const findings = check(text);
    const tabLines = text.split('\n').flatMap((l, i) => (l.startsWith('\t') ? [`${i + 1}:yaml-syntax`] : []));
    assert.deepEqual(where(findings), tabLines);
  });
});

describe('fixes on broken YAML', () => {
  it('are offered as quick fixes, but none is safe, so --fix and fix-all leave the file alone', () => {
    // An over-indented line: the parser cannot tell which map it belongs to.
    const text = base.replace('    boundary: team\n    risk_owner: ben\n', '    boundary: team\n       risk_owner: ben\n').replace('    owner: ben\n    boundary: team', '    boundary: team');
    const findings = check(text);
    assert.ok(findings.some((f) => f.rule === 'yaml-syntax'));
    assert.ok(findings.some((f) => f.fixes.length > 0), 'quick fixes are still offered');
    assert.ok(findings.every((f) => f.fixes.every((x) => !x.safe)));
    assert.equal(fixAll(text, { today: TODAY }).text, text);
  });
});

describe('lone CR line breaks (as LSP clients count them)', () => {
  it('start a new line for ranges, so positions match what the editor shows', () => {
    const withoutOwner = base.replace('    owner: ben\n    boundary: team', '    boundary: team');
    // A lone CR inside a comment ends the line, as YAML defines it and as editors show it.
    const text = withoutOwner.replace('# A small charter', '# A small\r# charter');
    const lf = check(withoutOwner);
    assert.ok(lf.length > 0);
    assert.deepEqual(
      check(text).map((f) => `${f.range.start.line}:${f.range.start.character}:${f.rule}`),
      lf.map((f) => `${f.range.start.line + 1}:${f.range.start.character}:${f.rule}`),
    );
  });
});
