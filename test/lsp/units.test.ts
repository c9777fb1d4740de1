// In-process checks of the server's pure helpers: where the cursor is, minimal diffs, file names.
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/lint';
import { isCharterUri } from '../../server/src/contract/files';
import { cursorContexts } from '../../server/src/service/cursor';
import type { CursorContext } from '../../server/src/service/cursor';
import { diffEdits } from '../../server/src/service/text-diff';

/** Contexts at the `¦` in `text`, as `kind path` strings. */
function contexts(text: string): CursorContext[] {
  const at = text.indexOf('¦');
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = before.length - before.lastIndexOf('\n') - 1;
  return cursorContexts(text.replace('¦', '').split('\n'), line, character);
}
const summary = (text: string) => contexts(text).map((c) => `${c.kind} ${c.path.join('.')}`);

describe('cursor position in the YAML structure', () => {
  it('a key position inside a list entry, with the keys already above and below it', () => {
    const [ctx] = contexts('decisions:\n  - id: a\n    sc¦\n    owner: b\n');
    assert.equal(ctx.kind, 'key');
    assert.deepEqual(ctx.path, ['decisions', 0]);
    assert.deepEqual([...(ctx as Extract<CursorContext, { kind: 'key' }>).siblings].sort(), ['id', 'owner']);
    assert.equal(ctx.prefix, 'sc');
  });

  it('counts list items to find the entry index', () => {
    assert.deepEqual(summary('checkins:\n  - id: a\n    cadence: weekly\n  - id: b\n    owner: ¦\n'), ['value checkins.1.owner']);
  });

  it('values in flow lists, block lists and quotes', () => {
    const flow = contexts('decisions:\n  - consult: [ana, b¦]\n')[0] as Extract<CursorContext, { kind: 'value' }>;
    assert.deepEqual([flow.kind, flow.path, flow.prefix, flow.present, flow.listItem], ['value', ['decisions', 0, 'consult'], 'b', ['ana'], true]);
    assert.ok(summary('decisions:\n  - id: a\n    consult:\n      - ana\n      - ¦\n').includes('value decisions.0.consult'));
    const quoted = contexts('updates:\n  cadence: "wee¦"\n')[0] as Extract<CursorContext, { kind: 'value' }>;
    assert.deepEqual([quoted.path, quoted.prefix, quoted.quoted], [['updates', 'cadence'], 'wee', true]);
  });

  it('a blank line at the dash column of a list is both a new item and (compact lists) a key position', () => {
    assert.deepEqual(summary('decisions:\n  - id: a\n    scope: x\n  ¦\n'), ['key decisions', 'item decisions']);
    assert.deepEqual(summary('decisions:\n- id: a\n  scope: x\n¦\n'), ['key ', 'item decisions']);
  });

  it('nothing inside comments, block scalars or multi-line plain text', () => {
    assert.deepEqual(summary('mission: x # a ¦\n'), []);
    assert.deepEqual(summary('mission: |\n  hello\n  wor¦\n'), []);
    assert.deepEqual(summary('mission: hello\n  wor¦\n'), []);
  });

  it('reads very long or pathological lines in linear time', () => {
    const n = 200_000;
    const started = Date.now();
    for (const line of ['a' + ' '.repeat(n) + 'b', 'x: ' + '&'.repeat(n) + ' a', '"' + 'a'.repeat(n), '- '.repeat(n / 2) + 'x', 'k: ' + 'x'.repeat(n) + ' ', ':'.repeat(n)]) {
      cursorContexts([line, line], 1, line.length);
      cursorContexts([line], 0, line.length - 1);
    }
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
  });

  it('survives lines that do not parse and positions past the end', () => {
    assert.deepEqual(summary('team:\n  id: [unclosed\n  na¦'), ['key team']);
    assert.deepEqual(cursorContexts(['a: 1'], 5, 0), []);
    assert.deepEqual(cursorContexts(['a: 1'], 0, 999).map((c) => c.kind), ['value']);
  });
});

describe('minimal diff edits', () => {
  const cases: Array<[string, string]> = [
    ['a\nb\nc\n', 'a\nB\nc\n'],
    ['a\nb\nc\n', 'a\nc\n'],
    ['a\nb\nc\n', 'a\nb\nb2\nc\n'],
    ['x: 1\r\ny: 2\r\n', 'x: 1\r\ny: 3\r\nz: 4\r\n'],
    ['', 'new\n'],
    ['old', ''],
    ['a 😀 b\n', 'a 😁 b\n'],
    ['one\ntwo\nthree\nfour\nfive\n', 'zero\none\nthree\nFOUR\nfive\nsix\n'],
  ];
  for (const [before, after] of cases) {
    it(`${JSON.stringify(before)} → ${JSON.stringify(after)}`, () => {
      const edits = diffEdits(before, after);
      assert.equal(applyEdits(before, edits), after);
      const changed = edits.reduce((n, e) => n + e.newText.length, 0);
      assert.ok(changed <= after.length, 'never more text than the result');
    });
  }

  it('touches only what changed in a long text', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `line ${i}: value`);
    const before = lines.join('\n');
    const after = before.replace('line 250: value', 'line 250: VALUE');
    assert.deepEqual(diffEdits(before, after), [{ range: { start: { line: 250, character: 10 }, end: { line: 250, character: 15 } }, newText: 'VALUE' }]);
  });

  it('never splits a surrogate pair', () => {
    const [edit] = diffEdits('😀', '😁');
    assert.deepEqual([edit.range.start.character, edit.range.end.character, edit.newText], [0, 2, '😁']);
  });
});

describe('charter file names', () => {
  it('team-charter.y(a)ml and *.charter.y(a)ml, nothing else', () => {
    for (const yes of ['file:///x/team-charter.yaml', 'file:///x/team-charter.yml', 'file:///x/payments.charter.yaml', 'file:///c%3A/x/a.charter.yml', 'untitled:team-charter.yaml']) assert.ok(isCharterUri(yes), yes);
    for (const no of ['file:///x/charter.yaml', 'file:///x/team-charter.yaml.bak', 'file:///x/.charter.yaml', 'file:///x/docker-compose.yml', 'file:///x/team-charter.json']) assert.ok(!isCharterUri(no), no);
  });
});
