// `report --format markdown` against golden files (UPDATE_GOLDEN=1 rewrites them after a
// deliberate change), hostile values kept inert, and `--format mermaid` parsed by mermaid itself.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/fixtures';
import { MermaidParser } from '../helpers/mermaid-report';
import { runCli } from '../cli/cli-helpers';
import { TODAY, fixturesCopy } from './helpers';

const GOLDEN = path.join(ROOT, 'test/report/golden');

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, actual);
  }
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept a deliberate change)`);
}

const report = (...args: string[]) => {
  const run = runCli(['report', '--today', TODAY, ...args], fixturesCopy());
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
};

/** The cells of a GFM table row: split on pipes that are not backslash-escaped. */
const cells = (row: string) => row.slice(1, -1).split(/(?<!\\)\|/);

describe('report --format markdown', () => {
  it('writes the organisation view and every charter\'s tables (golden)', () => {
    const md = report('--format', 'markdown', 'org');
    golden('org.md', md);
    for (const heading of ['## Organisation', '### Teams by parent', '### Load across teams', '### Approvals across teams', '### Decision rights', '### Check-in calendar', '### Findings']) {
      assert.ok(md.includes(`\n${heading}\n`), heading);
    }
    assert.match(md, /\| fee-changes \(line 39\) \| Any change to merchant fees \| 🟥 escalate \| OR \| C \| {3}\| {3}\| AE \| {3}\|/);
  });

  it('keeps hostile values inert: no HTML, no code span, no mention, no broken table (golden)', () => {
    const md = report('--format', 'markdown', 'hostile');
    golden('hostile.md', md);
    assert.doesNotMatch(md, /(?<!\\)<\/?[a-z]/i, 'no raw tag');
    assert.doesNotMatch(md, /(?<!\\)`/, 'every backtick escaped');
    assert.doesNotMatch(md, /@(?!\u200b)/, 'every @ broken by a zero-width space');
    assert.doesNotMatch(md, /(?<!\\)&#/, 'no entity');
    for (const table of md.split('\n\n').filter((b) => b.startsWith('| '))) {
      const rows = table.split('\n');
      const width = cells(rows[0]).length;
      for (const row of rows) assert.equal(cells(row).length, width, `a value split a cell: ${row}`);
    }
    assert.ok(md.split('\n').every((l) => !/^#+ .*heading/.test(l)), 'a newline in a value cannot start a heading');
  });
});

describe('report --format mermaid, parsed by mermaid\'s own parser', function () {
  this.timeout(60000);
  let mermaid: MermaidParser;
  before(async () => (mermaid = await MermaidParser.start()));
  after(async () => mermaid?.stop());

  it('on one charter: its decision graph, parties → decisions labelled by letter', async () => {
    const text = report('--format', 'mermaid', 'org/payments');
    assert.equal(await mermaid.parse(text), 'flowchart-v2');
    assert.match(text, /^flowchart LR\n/);
    assert.match(text, /p0 -->\|"OR"\| d0/, 'carla → fee-changes: OR');
    assert.match(text, /p4 -->\|"AE"\| d0/, 'ana → fee-changes: AE');
    assert.match(text, /p2 -->\|"OR"\| d1/, 'lead (role) → payout-provider');
  });

  it('on a set: the teams by parent and the cross-team approvals', async () => {
    const text = report('--format', 'mermaid', 'org');
    assert.equal(await mermaid.parse(text), 'flowchart-v2');
    assert.match(text, /^flowchart BT\n/);
    assert.match(text, /t3 -->\|"parent"\| t4/, 'payments → platform');
    assert.match(text, /t1 -->\|"parent"\| t3/, 'checkout → payments (by path)');
    assert.match(text, /t3 -\.->\|"approval by ana: fee-changes"\| t4/);
    assert.match(text, /t2 -->\|"parent \(cycle\)"\| t5/);
  });

  it('with --no-org on a set: one subgraph per charter', async () => {
    const text = report('--format', 'mermaid', '--no-org', 'org');
    assert.equal(await mermaid.parse(text), 'flowchart-v2');
    assert.equal(text.match(/^ {2}subgraph /gm)?.length, 6);
  });

  it('keeps hostile values inside their labels', async () => {
    const text = report('--format', 'mermaid', 'hostile');
    assert.equal(await mermaid.parse(text), 'flowchart-v2');
    assert.doesNotMatch(text, /<script|click|%%\{/);
  });
});
