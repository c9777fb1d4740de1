// Hostile names in the repository: a folder holding `ESC[2J`, a line break, `::error`, `%0A`,
// a bidi override. Each output medium escapes them its own way: the terminal shows them as escapes
// (nothing clears the screen or forges a line), GitHub workflow commands encode them so no second
// command can start, SARIF keeps them in JSON strings and encoded URIs.
import assert from 'node:assert/strict';
import { escapeTerminal, terminalLine } from '../../server/src/cli/formats/escape-terminal';
import { escapeData, escapeProperty } from '../../server/src/cli/formats/escape-github';
import { MISSING_OWNER, charterWith, lintIn, runCli, tempTree } from './cli-helpers';
import { assertValidSarif } from './sarif-schema';

const ESC = '\x1b';
const CLEAR = `${ESC}[2J`;
const HOSTILE_FOLDERS = [`clear${CLEAR}screen`, 'two\nlines', '::error file=x::forged', 'pct%0Aenc', 'a,b:c', 'rtl\u202Eevil'];
/** A finding quoting a value with a bidi override and an escape sequence (YAML's `\e`). */
const HOSTILE_VALUE: [string, string] = ['    owner: ana\n    boundary: escalate', '    owner: "ana\u202Eevil\\e[2J"\n    boundary: escalate'];

function hostileTree(): string {
  const files: Record<string, string> = {};
  for (const folder of HOSTILE_FOLDERS) files[`${folder}/team-charter.yaml`] = charterWith(MISSING_OWNER, HOSTILE_VALUE);
  return tempTree(files);
}

/** No character that drives a terminal: controls (but the line breaks between lines), DEL, C1, bidi. */
function assertInert(text: string, what: string): void {
  const bad = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.exec(text);
  assert.equal(bad, null, `${what} holds U+${bad?.[0].charCodeAt(0).toString(16).padStart(4, '0')}: ${JSON.stringify(text.slice(Math.max(0, (bad?.index ?? 0) - 40), (bad?.index ?? 0) + 40))}`);
}

describe('output escaping: the terminal', () => {
  it('escapeTerminal shows controls, DEL, C1 and bidi controls as escapes and leaves other text alone', () => {
    assert.equal(escapeTerminal(`a${CLEAR}b`), 'a\\x1b[2Jb');
    assert.equal(escapeTerminal('x\ny\rz\tw'), 'x\\ny\\rz\\tw');
    assert.equal(escapeTerminal('\x00\x7f\x9b\u202e\u2066\u2028'), '\\x00\\x7f\\x9b\\u202e\\u2066\\u2028');
    assert.equal(escapeTerminal('Équipe « paiements » — 支付 ✓ C:\\path'), 'Équipe « paiements » — 支付 ✓ C:\\path');
  });

  it('terminalLine joins a message onto one line (blanks around line breaks become one space), then escapes it', () => {
    assert.equal(terminalLine('first  \n\n  second\r\nthird'), 'first second third');
    assert.equal(terminalLine(`no break ${CLEAR}`), 'no break \\x1b[2J');
    assert.equal(terminalLine('ends with a break\n'), 'ends with a break ');
  });

  it('a long run of spaces is joined in linear time', () => {
    const run = ' '.repeat(200_000);
    const started = process.cpuUsage();
    assert.equal(terminalLine(`a${run}b\n${run}c`), `a${run}b c`);
    const used = process.cpuUsage(started);
    assert.ok((used.user + used.system) / 1000 < 500);
  });

  it('lint --format text: a folder holding ESC[2J, a line break or ::error cannot clear the screen or forge a line', () => {
    const dir = hostileTree();
    const r = lintIn(dir);
    assert.equal(r.code, 1, r.stderr);
    assertInert(r.stdout, 'stdout');
    const lines = r.stdout.trimEnd().split('\n');
    // One line per finding, then the summary: a line break in a path or a value adds no line.
    const [, errors, warnings, infos] = /^(\d+) errors, (\d+) warnings, (\d+) infos in 6 files$/.exec(lines.at(-1)!)!.map(Number);
    assert.equal(lines.length - 1, errors + warnings + infos, r.stdout);
    for (const line of lines.slice(0, -1)) assert.match(line, /^\S.*:\d+:\d+  (error|warning|info)  /, line);
    assert.ok(lines.some((l) => l.startsWith('clear\\x1b[2Jscreen/team-charter.yaml:')), r.stdout);
    assert.ok(lines.some((l) => l.startsWith('two\\nlines/team-charter.yaml:')), r.stdout);
    assert.ok(lines.some((l) => l.startsWith('rtl\\u202eevil/team-charter.yaml:')), r.stdout);
  });

  it('lint --format text with colour: only our own colour sequences reach the terminal', () => {
    const dir = hostileTree();
    const r = runCli(['lint', '--today', '2026-11-25'], dir, { FORCE_COLOR: '1' });
    assertInert(r.stdout.replace(/\x1b\[[0-9;]*m/g, ''), 'stdout without colour codes');
    assert.doesNotMatch(r.stdout, /\x1b\[2J/);
  });

  it('a message quoting a value with a bidi override or an escape shows them as escapes', () => {
    const dir = tempTree({ 'team-charter.yaml': charterWith(HOSTILE_VALUE, ['    escalate_to: finance\n', '    escalate_to: "fin\u202Eance\\e[2J"\n']) });
    const r = lintIn(dir);
    assertInert(r.stdout, 'stdout');
    // The engine quotes values with bidi controls as code points, in every medium.
    assert.match(r.stdout, /finU\+202Eance/);
  });

  it('stderr: a file name holding ESC[2J in an error is shown escaped', () => {
    const dir = tempTree({ 'team-charter.yaml': charterWith() });
    const r = lintIn(dir, '--config', `missing${CLEAR}.yaml`);
    assert.equal(r.code, 2);
    assertInert(r.stderr, 'stderr');
    assert.match(r.stderr, /missing\\x1b\[2J\.yaml/);
  });

  it('report: a file name holding ESC[2J or a line break in an error is shown escaped on one line, as lint shows it', () => {
    const dir = tempTree({ 'team-charter.yaml': charterWith() });
    const r = runCli(['report', '.', '--out', `no${CLEAR}\nsuch/report.html`], dir);
    assert.equal(r.code, 2);
    assertInert(r.stderr, 'stderr');
    assert.equal(r.stderr, 'team-charter: no\\x1b[2J such/report.html: its folder does not exist\n');
  });

  it('diff --format text: hostile file names and quoted values are escaped', () => {
    const dir = tempTree({
      [`base${CLEAR}.yaml`]: charterWith(),
      'head\nforged.yaml': charterWith(MISSING_OWNER, ['    owner: ana\n    boundary: escalate', '    owner: "ana\u202Eevil"\n    boundary: escalate']),
    });
    const r = runCli(['diff', '--today', '2026-11-25', `base${CLEAR}.yaml`, 'head\nforged.yaml'], dir);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assertInert(r.stdout, 'stdout');
    assert.match(r.stdout, /head\\nforged\.yaml/);
  });
});

describe('output escaping: GitHub workflow commands', () => {
  /** What the runner reads back from a property or the message (its decoding rules). */
  const decode = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

  it('escapeData and escapeProperty encode %, CR, LF (and : , in properties); other controls become visible escapes', () => {
    assert.equal(escapeData(`100% done\r\n::error::x${CLEAR}`), '100%25 done%0D%0A::error::x\\x1b[2J');
    assert.equal(escapeProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
    assert.equal(decode(escapeProperty('pct%0Aenc,x:y')), 'pct%0Aenc,x:y');
  });

  it('lint --format github: one command per finding, the file property decodes to the path, nothing forged', () => {
    const dir = hostileTree();
    const r = lintIn(dir, '--format', 'github');
    assert.equal(r.code, 1, r.stderr);
    assertInert(r.stdout, 'stdout');
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^,:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/, line);
    const files = new Set(lines.map((l) => decode(/^::\w+ file=([^,]*),/.exec(l)![1])));
    assert.deepEqual(
      [...files].sort(),
      // Line breaks are encoded (and decoded back); other controls are shown as escapes.
      HOSTILE_FOLDERS.map((f) => `${f.split('\n').map(escapeTerminal).join('\n')}/team-charter.yaml`).sort(),
    );
  });
});

describe('output escaping: JSON and SARIF', () => {
  it('lint --format json: DEL, C1, separators and bidi controls are \\u escapes; the parsed paths are the real ones', () => {
    const dir = hostileTree();
    const r = lintIn(dir, '--format', 'json');
    assertInert(r.stdout, 'stdout');
    const report = JSON.parse(r.stdout) as { files: Array<{ path: string }> };
    assert.deepEqual(report.files.map((f) => f.path).sort(), HOSTILE_FOLDERS.map((f) => `${f}/team-charter.yaml`).sort());
  });

  it('hostile paths stay valid SARIF: URIs are percent-encoded and decode to the path', () => {
    const dir = hostileTree();
    const r = lintIn(dir, '--format', 'sarif');
    assert.equal(r.code, 1, r.stderr);
    assertInert(r.stdout, 'stdout');
    const log = JSON.parse(r.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    assertValidSarif(log);
    const uris = log.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri);
    for (const uri of uris) assert.match(uri, /^[A-Za-z0-9\-_.!~*'()%/]+$/, uri);
    assert.deepEqual([...new Set(uris.map(decodeURIComponent))].sort(), HOSTILE_FOLDERS.map((f) => `${f}/team-charter.yaml`).sort());
  });
});
