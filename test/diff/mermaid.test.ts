// The Mermaid pictures of `diff --format markdown`, checked with Mermaid's own parser (its browser
// bundle in headless Chromium, test/helpers/mermaid.ts): every block of every golden markdown file,
// hostile labels (rendered: they read as typed and inject nothing), and the 30-decision limit.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { formatDiffMarkdown } from '../../server/src/cli/formats/diff-markdown';
import { MAX_DRAWN_DECISIONS } from '../../server/src/cli/formats/diff-mermaid';
import { diffCharters } from '../../server/src/diff';
import { mermaidBlocks, mermaidUnavailable, openMermaid } from '../helpers/mermaid';
import type { MermaidPage } from '../helpers/mermaid';
import { ROOT } from '../helpers/fixtures';
import { BASE_CHARTER, GOLDEN, TODAY, edit } from './helpers';

const withPictures = [...fs.readdirSync(GOLDEN).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(GOLDEN, f)), ...['docs/pr-review.md', 'docs/cli.md'].map((f) => path.join(ROOT, f))];

/** A charter whose decisions d1…dN are owned by `owner`. */
function manyDecisions(n: number, owner: string): string {
  const decisions = Array.from({ length: n }, (_, i) => `  - id: d${i + 1}\n    scope: Decision ${i + 1}\n    owner: ${owner}\n    risk_owner: ana\n`).join('');
  const start = BASE_CHARTER.indexOf('  - id: payout-batching');
  return BASE_CHARTER.slice(0, start) + decisions + BASE_CHARTER.slice(BASE_CHARTER.indexOf('\ncheckins:'));
}

describe("diff markdown: the Mermaid pictures parse with Mermaid's own parser", function () {
  this.timeout(180_000);
  let mermaid: MermaidPage;

  before(async function () {
    const missing = mermaidUnavailable();
    if (missing) {
      console.warn(`      skipped: ${missing}`);
      this.skip();
    }
    mermaid = await openMermaid();
  });
  after(async () => mermaid?.close());

  it('the parser is real: a broken flowchart is rejected', async () => {
    const result = await mermaid.parse('flowchart LR\n  p1 ==>|O| \n');
    assert.equal(result.ok, false);
  });

  it('every ```mermaid block of the golden markdown files and of the docs is a flowchart', async () => {
    let count = 0;
    for (const file of withPictures) {
      for (const block of mermaidBlocks(fs.readFileSync(file, 'utf8'))) {
        count++;
        assert.deepEqual(await mermaid.parse(block), { ok: true, diagramType: 'flowchart-v2' }, `${file}:\n${block}`);
      }
    }
    assert.ok(count >= 8, `only ${count} pictures in ${withPictures.join(', ')}`);
  });

  it('hostile party names render as typed, and add no image, script or link', async () => {
    const [block] = mermaidBlocks(fs.readFileSync(path.join(GOLDEN, 'injection.md'), 'utf8'));
    const { labels, injected } = await mermaid.render(block);
    assert.deepEqual(injected, []);
    for (const party of ['@payments/reviewers', 'x"]) --> evil["pwned', '<img src=x onerror=alert(1)>', 'end', 'a`b```c']) {
      assert.ok(labels.includes(party), `${party} not among ${JSON.stringify(labels)}`);
    }
  });

  it(`at most ${MAX_DRAWN_DECISIONS} decisions are drawn, then a line says how many more`, async () => {
    const changes = diffCharters(manyDecisions(34, 'ana'), manyDecisions(34, 'ben'), { today: TODAY });
    const md = formatDiffMarkdown({ base: 'a', head: 'b', charters: [{ path: 'team-charter.yaml', ...changes }] });
    const [block] = mermaidBlocks(md);
    assert.equal(block.match(/^ {2}d\d+\[/gm)?.length, MAX_DRAWN_DECISIONS);
    assert.match(md, /^…and 4 more decisions whose parties changed, not drawn \(listed below\)\.$/m);
    assert.deepEqual(await mermaid.parse(block), { ok: true, diagramType: 'flowchart-v2' });
  });

  it('a decision added with a party named like a Mermaid keyword or an edge still parses', async () => {
    const head = edit(BASE_CHARTER, '\n\ncheckins:', '\n  - id: graph\n    scope: "subgraph end; click x call alert(1)"\n    owner: "end"\n    consult: ["-->", "%%{init: {}}%%", "style p1 fill:#f00"]\n\ncheckins:');
    const md = formatDiffMarkdown({ base: 'a', head: 'b', charters: [{ path: 'team-charter.yaml', ...diffCharters(BASE_CHARTER, head, { today: TODAY }) }] });
    const [block] = mermaidBlocks(md);
    assert.deepEqual(await mermaid.parse(block), { ok: true, diagramType: 'flowchart-v2' }, block);
    const { labels, injected } = await mermaid.render(block);
    assert.deepEqual(injected, []);
    for (const label of ['graph (new)', 'end', '-->', '%%{init: {}}%%', 'style p1 fill:#f00']) assert.ok(labels.includes(label), `${label} not among ${JSON.stringify(labels)}`);
  });
});
