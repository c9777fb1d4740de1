// Re-parsing one list item (engine/reparse.ts) must be invisible: after any edit, the findings and
// the data are exactly those of parsing the whole text, and the previous analysis is left as it was.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fc from 'fast-check';
import { analyze } from '../../server/src/lint';
import type { Analysis } from '../../server/src/lint';
import { generateCharter } from '../bench/generate';
import { RUNS, fcParams, generatedCharter, sampleCharters } from './arbitraries';
import { yamlFilesUnder } from '../helpers/fixtures';

const TODAY = '2026-11-25';
const check = (text: string, previous?: Analysis) => analyze(text, { today: TODAY, previous });

function corpus(): string[] {
  return yamlFilesUnder('test/corpus').map((f) => fs.readFileSync(f, 'utf8'));
}

/** Everything a user sees of an analysis, plus the data the schema checks. */
function visible(a: Analysis) {
  return { findings: a.findings, data: a.model.data, syntax: a.model.syntaxErrors };
}

function assertSameAsFullParse(text: string, previous: Analysis): Analysis {
  const reused = check(text, previous);
  assert.deepEqual(visible(reused), visible(check(text)));
  return reused;
}

/** Suppression comments (suppress.ts) typed anywhere: their lines and offsets must follow the re-parse. */
const DIRECTIVES = [' # charter-disable-line', '\n    # charter-disable-next-line placeholder-text', '\n# charter-disable', ' # charter-enable owner-missing'];

function edit(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

/** Offset of the end of the first line matching `re` at or after line `from`. */
function endOfLine(text: string, re: RegExp, from = 0): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i >= from && re.test(lines[i])) return offset + lines[i].length;
    offset += lines[i].length + 1;
  }
  throw new Error(`no line matches ${re}`);
}

describe('engine: re-parsing one list item after an edit', function () {
  this.timeout(0);
  const big = generateCharter({ lines: 2000, seed: 5 }).text;
  const bigAt = endOfLine(big, /^ {4}scope: [A-Za-z]/, 1000);

  it('typing inside a decision re-parses only that decision, with the findings of a full parse', () => {
    let previous = check(big);
    let text = big;
    for (const [i, ch] of [...' TODO later'].entries()) {
      text = edit(text, bigAt + i, 0, ch);
      const next = assertSameAsFullParse(text, previous);
      assert.equal(next.model.reparsed, true, `keystroke ${i}`);
      previous = next;
    }
    // The placeholder typed into the scope is reported where it was typed.
    const typed = previous.findings.find((f) => f.rule === 'placeholder-text' && previous.model.lines.rangeOf(bigAt, bigAt).start.line === f.range.start.line);
    assert.ok(typed, 'placeholder-text on the edited line');
  });

  it('suppression comments inside, before and after the edited item keep working', () => {
    const scopeLine = big.lastIndexOf('\n', bigAt - 1) + 1;
    // A rest-of-file disable before the edit, and a comment in the edited decision that silences the placeholder typed next.
    const firstMember = big.indexOf('\n  - id: ', big.indexOf('\nmembers:'));
    let text = edit(big, firstMember, 0, '\n  # charter-disable checkin-not-agreed');
    let previous = check(text);
    const shift = text.length - big.length;
    for (const [at, insert] of [
      [scopeLine + shift, '    # charter-disable-next-line placeholder-text\n'],
      [bigAt + shift + '    # charter-disable-next-line placeholder-text\n'.length, ' TODO'],
    ] as const) {
      text = edit(text, at, 0, insert);
      previous = assertSameAsFullParse(text, previous);
      assert.equal(previous.model.reparsed, true, JSON.stringify(insert));
    }
    assert.ok(previous.suppressions.some((s) => s.rules.includes('placeholder-text') && s.used.has('placeholder-text')), 'the new comment silenced the typed TODO');
    assert.ok(!previous.findings.some((f) => f.rule === 'checkin-not-agreed'), 'the disable before the edited item still applies');
  });

  it('leaves the previous analysis as it was', () => {
    const previous = check(big);
    const before = JSON.stringify({ ...visible(previous), contents: previous.model.doc.contents?.toJSON(), range: previous.model.doc.range });
    const ranges = (a: Analysis) => JSON.stringify(a.model.lists.milestones.map((m) => m.node.range));
    const rangesBefore = ranges(previous);
    const next = check(edit(big, bigAt, 0, ' and more words'), previous);
    assert.equal(next.model.reparsed, true);
    assert.equal(JSON.stringify({ ...visible(previous), contents: previous.model.doc.contents?.toJSON(), range: previous.model.doc.range }), before);
    assert.equal(ranges(previous), rangesBefore);
    assert.notEqual(ranges(next), rangesBefore);
  });

  it('parses everything when the edit is not inside one item that has a next one', () => {
    const previous = check(big);
    const scopeValue = big.lastIndexOf('\n', bigAt) + 1 + '    scope: '.length;
    const lastDecision = big.lastIndexOf('\n  - id: ', big.indexOf('\ncheckins:'));
    const cases: Array<[string, string]> = [
      ['a new item', edit(big, bigAt, 0, '\n  - id: inserted-decision')],
      ['a line moved to column 0', edit(big, bigAt, 0, '\nstray: value')],
      ['a line at the dash column', edit(big, bigAt, 0, '\n  owner: nobody')],
      ['an anchor', edit(big, scopeValue, 0, '&anchor ')],
      ['the list item marker', edit(big, big.lastIndexOf('\n  - ', bigAt) + 3, 1, '')],
      ['a map section', edit(big, endOfLine(big, /^ {2}name: /), 0, 'x')],
      ['the last item of a list', edit(big, lastDecision + 12, 0, 'x')],
      ['a quote left open', edit(big, scopeValue, 0, '"')],
    ];
    for (const [what, text] of cases) {
      const next = assertSameAsFullParse(text, previous);
      assert.equal(next.model.reparsed, undefined, what);
    }
  });

  it(`random edit sequences on real and generated charters give the findings of a full parse (${RUNS} runs)`, () => {
    const texts = [...sampleCharters(), ...corpus(), generateCharter({ lines: 400, seed: 9 }).text];
    const piece = fc.constantFrom('a', 'x', ' ', '  ', '\n', '\n  ', '\n    ', '\n  - ', '- ', ': ', '#', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '|', '>', '\t', 'TODO', 'owner: ', '\r\n', '', ...DIRECTIVES);
    const step = fc.tuple(fc.nat(), fc.nat({ max: 4 }), piece);
    let reparsed = 0;
    let steps = 0;
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...texts), generatedCharter), fc.array(step, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let text = start;
        let previous = check(text);
        for (const [at, remove, insert] of edits) {
          text = edit(text, at % (text.length + 1), remove, insert);
          previous = assertSameAsFullParse(text, previous);
          steps++;
          if (previous.model.reparsed) reparsed++;
        }
      }),
      fcParams(Math.max(RUNS, 120)),
    );
    // Not vacuous: some random edits land inside one item and take the short path.
    assert.ok(reparsed / steps > 0.05, `${reparsed} of ${steps} edits re-parsed one item`);
  });

  it('random edits inside the lists of a generated charter: often one item re-parsed, always the findings of a full parse', () => {
    const start = generateCharter({ lines: 600, seed: 11 }).text;
    const first = check(start);
    const piece = fc.constantFrom('a', ' ', '\n', '\n    ', '\n      - ', '- ', ': ', '#', '"', '[', ']', '{', '&a ', '*a', '|', '\t', 'TODO', 'x, y', '\r\n', '', ...DIRECTIVES);
    let reparsed = 0;
    let steps = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 200, max: start.length - 2000 }), fc.nat({ max: 3 }), piece), { minLength: 1, maxLength: 4 }), (edits) => {
        let text = start;
        let previous = first;
        for (const [at, remove, insert] of edits) {
          text = edit(text, Math.min(at, text.length), remove, insert);
          previous = assertSameAsFullParse(text, previous);
          steps++;
          if (previous.model.reparsed) reparsed++;
        }
      }),
      fcParams(RUNS),
    );
    assert.ok(reparsed / steps > 0.2, `${reparsed} of ${steps} edits re-parsed one item`);
  });
});
