import assert from 'node:assert/strict';
import fs from 'node:fs';
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { lint } from '../../server/src/lint';
import { WARM_UP_RUNS, warmUp, warmUpCharter } from '../../server/src/lsp/warm-up';
import { yamlFilesUnder } from '../helpers/fixtures';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Node kinds (scalar style and value type, block or flow collection) and where comments and blank lines sit. */
function yamlShapes(text: string): Set<string> {
  const shapes = new Set<string>();
  visit(parseDocument(text), {
    Node(_key, node) {
      const kind = isScalar(node) ? `scalar:${node.type}:${node.value === null ? 'null' : typeof node.value}` : isMap(node) || isSeq(node) ? `${isMap(node) ? 'map' : 'seq'}:${node.flow ? 'flow' : 'block'}` : isAlias(node) ? 'alias' : 'other';
      shapes.add(kind);
      for (const place of ['commentBefore', 'comment', 'spaceBefore'] as const) if (node[place]) shapes.add(`${kind.split(':')[0]}+${place}`);
    },
  });
  return shapes;
}

describe('language server: warm-up after start', () => {
  it('over a dozen runs, makes the mistakes most rules report (their message and fix code runs too)', () => {
    const rules = new Set(Array.from({ length: 12 }, (_, run) => lint(warmUpCharter(run), { today: '2026-01-01' }).map((f) => f.rule)).flat());
    assert.ok(rules.size >= 35, `only ${rules.size}: ${[...rules].join(', ')}`);
  });

  it('has every YAML shape the examples and the corpus use: comments, blank lines, quoting, block scalars, flow maps', () => {
    const warm = new Set(Array.from({ length: 4 }, (_, run) => [...yamlShapes(warmUpCharter(run))]).flat());
    const files = [...yamlFilesUnder('examples'), ...yamlFilesUnder('test/corpus')];
    assert.ok(files.length > 10);
    for (const file of files) {
      // Anchors and aliases are rare in charters and make the server parse the whole text anyway.
      const missing = [...yamlShapes(fs.readFileSync(file, 'utf8'))].filter((s) => !warm.has(s) && s !== 'alias');
      assert.deepEqual(missing, [], file);
    }
  });

  it('keeps each run short (a charter opened meanwhile waits for one run) and varies the text between runs', () => {
    const lines = warmUpCharter(0).split('\n').length;
    assert.ok(lines >= 60 && lines <= 130, `${lines} lines`);
    assert.notEqual(warmUpCharter(1), warmUpCharter(2));
    assert.ok(lint(warmUpCharter(3), { today: '2026-01-01' }).length > 0);
  });

  it('lints a limited number of times, and stops as soon as a charter is open', async () => {
    let runs = 0;
    warmUp(() => false, () => Infinity, '2026-01-01', () => runs++);
    await sleep(200);
    assert.ok(runs > 5 && runs <= WARM_UP_RUNS, `${runs} runs`);
    let opened = 0;
    runs = 0;
    warmUp(() => runs >= 2 && ++opened > 0, () => Infinity, '2026-01-01', () => runs++);
    await sleep(200);
    assert.equal(runs, 2);
  });

  it('does not lint while a message is arriving, and resumes after it', async () => {
    let runs = 0;
    let arriving = true;
    warmUp(() => false, () => (arriving ? 0 : Infinity), '2026-01-01', () => runs++);
    await sleep(150);
    assert.equal(runs, 0);
    arriving = false;
    await sleep(150);
    assert.ok(runs > 0);
  });
});
