// Repeated keys are found by our own linear check (engine/duplicate-keys.ts), not by yaml's
// quadratic comparison. It must report exactly what yaml reported: the same errors at the same
// places, and the same first error on each line, so yaml-syntax's findings do not move. (One
// difference, on purpose: after an empty value yaml points at the line before the repeated key.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fc from 'fast-check';
import { Composer, Parser } from 'yaml';
import { isScalar } from 'yaml';
import type { Document, Node, YAMLParseError } from 'yaml';
import { LineIndex } from '../../server/src/engine/text';
import { parseCharter } from '../../server/src/engine/parse';
import { lint } from '../../server/src/lint';
import { DuplicateKeys } from '../../server/src/engine/duplicate-keys';
import { yamlFilesUnder } from '../helpers/fixtures';
import { YAML_EDGE_CASES } from '../helpers/yaml-edge-cases';
import { RUNS, arbitraryText, fcParams, mutatedCharter, sampleCharters } from '../fuzz/arbitraries';
import { BASE_CHARTER } from '../helpers/fixtures';

const OPTIONS = { prettyErrors: false, keepSourceTokens: false, merge: false, strict: true } as const;

/**
 * The first document as yaml's own check reads it, or as ours does. yaml's is `uniqueKeys: true`
 * (its equality, compared with every earlier key), except that each DUPLICATE_KEY it raises is
 * placed at the repeated key: after an empty value yaml points at the line before it, or at the
 * start of a previous item. (The place is pinned by the finding tests below.)
 */
function firstDocument(text: string, check: 'yaml' | 'ours'): Document.Parsed {
  const ours = new DuplicateKeys(text);
  let repeated: Node | undefined;
  const yamlEquality = (a: Node, b: Node) => {
    const equal = a === b || (isScalar(a) && isScalar(b) && a.value === b.value);
    if (equal) repeated = b;
    return equal;
  };
  const composer = new Composer({ ...OPTIONS, uniqueKeys: check === 'yaml' ? yamlEquality : ours.uniqueKeys });
  if (check === 'ours') ours.attach(composer);
  const doc = [...composer.compose(new Parser().parse(text), true, text.length)][0];
  if (check === 'yaml') {
    // Keys are compared in document order, one error each: the k-th error is the k-th repeat.
    const repeats: Node[] = [];
    const spy = new Composer({ ...OPTIONS, uniqueKeys: (a: Node, b: Node) => (yamlEquality(a, b) ? (repeats.push(repeated!), true) : false) });
    [...spy.compose(new Parser().parse(text), true, text.length)];
    let k = 0;
    for (const e of doc.errors) {
      if (e.code !== 'DUPLICATE_KEY') continue;
      const key = repeats[k++];
      const at = key.range && key.range[1] > key.range[0] ? key.range[0] : nextToken(text, e.pos[0]);
      e.pos = [at, at + 1];
    }
  }
  return doc;
}

/** Past blanks and comments. */
function nextToken(text: string, offset: number): number {
  let at = offset;
  for (;;) {
    if (/[ \t\r\n]/.test(text[at] ?? '')) at++;
    else if (text[at] === '#') while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
    else return at;
  }
}

const describeError = (e: YAMLParseError) => `${e.code}@${e.pos[0]}-${e.pos[1]}:${e.message.split('\n')[0]}`;

/**
 * What a reader of the errors can see: all of them, and the first one of each line (yaml-syntax
 * reports one error per line, the first in yaml's order). The order across lines is not seen.
 */
function observable(text: string, doc: Document.Parsed): { all: string[]; firstOfLine: string[] } {
  const lines = new LineIndex(text);
  const first = new Map<number, string>();
  for (const e of doc.errors) {
    const line = lines.lineOf(e.pos[0]);
    if (!first.has(line)) first.set(line, describeError(e));
  }
  return { all: doc.errors.map(describeError).sort(), firstOfLine: [...first].sort((a, b) => a[0] - b[0]).map(([line, e]) => `${line}: ${e}`) };
}

function assertSameAsYaml(text: string): void {
  const theirs = firstDocument(text, 'yaml');
  const ours = firstDocument(text, 'ours');
  assert.deepEqual(observable(text, ours), observable(text, theirs), JSON.stringify(text.slice(0, 300)));
}

const CASES = [
  'a: 1\nb: 2\na: 3\n',
  'a: 1\n"a": 2\n\'a\': 3\n',
  '1: a\n1.0: b\n0x1: c\n"1": d\n',
  'true: a\nTrue: b\n~: c\nnull: d\n: e\n',
  '.nan: a\n.nan: b\n0: c\n-0: d\n',
  '&x a: 1\n!!str a: 2\n*x : 3\n',
  '{a: 1, b: 2, a: "unterminated\n',
  '{a: [1, {b: 1, b: 2}], a: 3}\n',
  'm:\n  - {k: 1, k: 2}\n  - k: 1\n    k: [x, x]\n    k: {k: 1, k: 1}\n',
  '? [a, b]\n: 1\n? [a, b]\n: 2\n? {a: 1, a: 2}\n: 3\n',
  'a: 1\na: "broken\nb: 2\n',
  'a: 1\n  a: 2\na: 3\n',
  'x:\n  id: a\n  id: b\n  id:\n',
  'a: 1\n---\na: 2\na: 3\n',
  '- a: 1\n  a: 2\n- [a: 1, a: 2]\n',
];

describe('duplicate keys: our linear check reports what yaml reported', () => {
  it('hand-written cases: scalars equal by value, quoted and plain, flow and block, nested, keys that are maps', () => {
    for (const text of CASES) assertSameAsYaml(text);
  });

  it('every YAML file in the repository and the YAML edge cases', () => {
    for (const file of [...yamlFilesUnder('examples'), ...yamlFilesUnder('test/rules')]) assertSameAsYaml(fs.readFileSync(file, 'utf8'));
    for (const text of YAML_EDGE_CASES) assertSameAsYaml(text);
  });

  it('random and mutated text, and text made of repeated keys and broken collections', () => {
    const samples = sampleCharters();
    const piece = fc.constantFrom('a: 1', 'a:', '"a": x', "'a': [", '1: x', '1.0: y', '- a: 1', '  a: 2', '    a: 3', '? a', ': b', '{a: 1, a: 2', '{a: 1, a: "x', '[a: 1, a: 1]', '&x a: 1', '*x : 2', '"open', '{', '}', ']', ',', '\t', '#c', ' ', '---');
    const keyed = fc.array(fc.tuple(piece, fc.constantFrom('\n', ' ', ', ', '')), { maxLength: 30 }).map((ps) => ps.map(([p, sep]) => p + sep).join(''));
    fc.assert(fc.property(fc.oneof(arbitraryText, mutatedCharter(samples), keyed), (text) => assertSameAsYaml(text)), fcParams(4 * RUNS));
  });

  it('a repeated key is one yaml-syntax finding at the repeated key, and the first value counts', () => {
    const text = BASE_CHARTER.replace('  name: Payments', '  name: Payments\n  id: other-team');
    const model = parseCharter(text);
    assert.equal(model.team?.text('id'), 'payments');
    const syntax = lint(text, { today: '2026-11-25' }).filter((f) => f.rule === 'yaml-syntax');
    const line = text.split('\n').findIndex((l) => l === '  id: other-team');
    assert.deepEqual(syntax.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]), [[line, 2, 4]]);
    assert.match(syntax[0].message, /key "id" appears twice in the same map/);
  });

  it('a key repeated after an empty value is reported at itself, not at the end of the line before', () => {
    const text = BASE_CHARTER.replace('  name: Payments', '  name:\n  name: Payments');
    const syntax = lint(text, { today: '2026-11-25' }).filter((f) => f.rule === 'yaml-syntax');
    const line = text.split('\n').indexOf('  name: Payments');
    assert.deepEqual(syntax.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]), [[line, 2, 6]]);
    assert.match(syntax[0].message, /key "name" appears twice/);
  });

  it('a map of 40,000 keys, some repeated, is checked in linear time', () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `x-k${i % 39_990}: v`).join('\n');
    const text = `${BASE_CHARTER}${keys}\n`;
    const started = process.cpuUsage();
    const syntax = lint(text, { today: '2026-11-25' }).filter((f) => f.rule === 'yaml-syntax');
    const used = process.cpuUsage(started);
    assert.equal(syntax.length, 10);
    assert.ok((used.user + used.system) / 1000 < 3000, `took ${Math.round((used.user + used.system) / 1000)} ms of CPU`);
  });
});
