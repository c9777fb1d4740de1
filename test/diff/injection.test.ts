// Hostile paths and values in `diff --format markdown`: a folder name holding a newline and
// `# Approved :white_check_mark:`, backticks, `|`, `@mentions`, `<img>`, links, `#123`: rendered
// with a GFM renderer (marked), each shows as typed and adds no markup, HTML, heading or cell.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { marked } from 'marked';
import { escapeMarkdownText, markdownCode, markdownTableRow } from '../../server/src/cli/formats/escape-markdown';
import { mermaidLabel } from '../../server/src/cli/formats/diff-mermaid';
import { BASE_CHARTER, TODAY, edit, golden, runCli } from './helpers';

const ZWSP = /\u200b/g;
const HOSTILE = [
  '# Approved :white_check_mark:',
  'line one\n# Approved\n\n- [x] done',
  'a ``` fence and `code` and ``double``',
  '| cell | cell |',
  '@payments/reviewers and @ana',
  '<img src=x onerror=alert(1)> <script>alert(1)</script> &lt;b&gt;',
  '[click](javascript:alert(1)) ![i](x.png) <https://evil.example>',
  'fixes #123 and GH-45 and owner/repo#7',
  '**bold** _it_ ~~strike~~ $x^2$ \\* \\',
  'tab\there\u0007bell',
];

/** The text of rendered HTML as GitHub's mention, reference, emoji and link filters see it: tags dropped, entities decoded. */
function renderedText(html: string): string {
  const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|amp|quot|#39);/g, (_, e: string) => entities[e])
    .trim();
}

/** What a reader sees: the rendered text without the zero-width spaces. */
const visibleText = (html: string) => renderedText(html).replace(ZWSP, '');

/** What GitHub would turn into a mention, an issue link, an emoji or a link, in rendered text. */
const LINKED = /@\w|#\d|:[\w+-]+:|gh-\d|:\/\/|www\./i;

const render = (md: string) => marked.parse(md, { gfm: true, async: false }) as string;

describe('escape-markdown: hostile text renders as typed and adds nothing', () => {
  for (const value of HOSTILE) {
    it(`text ${JSON.stringify(value)}`, () => {
      const html = render(`- ${escapeMarkdownText(value)}`);
      assert.equal(html.match(/<li>/g)?.length, 1, html);
      assert.doesNotMatch(html, /<(img|script|a|h\d|strong|em|del|code|input|table)\b/, html);
      const expected = value.replace(/\s*\n\s*/g, ' ').replace(/\t/g, ' ').replace(/\u0007/g, '\\u0007');
      assert.equal(visibleText(html), expected.trim());
      // GitHub links these after rendering: each is broken by an invisible space.
      assert.doesNotMatch(renderedText(html), LINKED);
    });

    it(`code span ${JSON.stringify(value)}`, () => {
      const html = render(`### ${markdownCode(value)}`);
      assert.match(html, /^<h3><code>[^<]*<\/code><\/h3>\n$/, html);
      assert.equal(visibleText(html), value.replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\u0007/g, '\\u0007').trim());
    });
  }

  it('is linear in its input: 100 KB of spaces around line breaks escapes in well under a second', () => {
    const start = process.hrtime.bigint();
    assert.equal(escapeMarkdownText(' '.repeat(100_000) + 'x'), 'x');
    assert.equal(escapeMarkdownText(' '.repeat(50_000) + '\n' + ' '.repeat(50_000) + 'x'), 'x');
    assert.ok(Number(process.hrtime.bigint() - start) / 1e6 < 1000, 'took a second or more');
  });

  it('a table row keeps its columns whatever a cell holds', () => {
    const html = render([markdownTableRow(['a', 'b']), markdownTableRow(['---', '---']), ...HOSTILE.map((v) => markdownTableRow([markdownCode(v), escapeMarkdownText(v)]))].join('\n'));
    const rows = html.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    assert.equal(rows.length, HOSTILE.length + 1);
    for (const row of rows) assert.equal(row.match(/<t[dh]>/g)?.length, 2, row);
  });

  it('Mermaid labels hold only letters, digits, spaces, a few safe signs and #N; entity codes', () => {
    for (const value of HOSTILE) assert.match(mermaidLabel(value), /^(?:[\p{L}\p{N} .,_()/+-]|#\d+;)*$/u);
    assert.equal(mermaidLabel('a"]) --> b["c'), 'a#34;#93;) --#62; b#91;#34;c');
  });
});

describe('diff --format markdown with hostile paths and charter values (golden)', () => {
  let dir: string;
  const BASE_DIR = 'base\n# Approved :white_check_mark:';
  const HEAD_DIR = 'head `x` ``y`` |z| @team <img src=x>';

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-inject-'));
    let head = edit(BASE_CHARTER, 'mission: Merchants get paid within one day of every sale.', 'mission: "# Approved :white_check_mark:\\n\\n<img src=x onerror=alert(1)> @payments/reviewers fixes #123"');
    head = edit(head, '    owner: ben\n    boundary: team\n', '    owner: "@payments/reviewers"\n    boundary: team\n');
    head = edit(head, '    consult: [ben]\n', '    consult: [ben, "x\\"]) --> evil[\\"pwned", "<img src=x onerror=alert(1)>", "end", "a`b```c"]\n');
    head = edit(head, '    title: Next-day payouts\n', '    title: "**Next-day** | payouts ~~now~~ $x^2$ [go](javascript:alert(1))"\n');
    for (const [folder, text] of [[BASE_DIR, BASE_CHARTER], [HEAD_DIR, head]]) {
      fs.mkdirSync(path.join(dir, folder));
      fs.writeFileSync(path.join(dir, folder, 'team-charter.yaml'), text);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const diff = (format: string) => runCli(['diff', '--today', TODAY, '-f', format, `${BASE_DIR}/team-charter.yaml`, `${HEAD_DIR}/team-charter.yaml`], { cwd: dir });

  it('renders only its own structure: two headings, one table, list items, and links to rule pages only', async () => {
    const md = (await diff('markdown')).stdout;
    golden('injection.md', md);
    const html = render(md);
    assert.deepEqual(html.match(/<h\d>/g), ['<h2>', '<h3>']);
    assert.doesNotMatch(html, /<(img|script|iframe|del|em|input)\b/);
    for (const href of html.match(/href="[^"]*"/g) ?? []) assert.match(href, /^href="https:\/\/github\.com\/team-charter\/team-charter\/blob\/main\/docs\/rules\/[a-z-]+\.md"$/);
    const rows = html.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    assert.equal(rows.length, 2);
    assert.equal(rows[0].match(/<th/g)?.length, rows[1].match(/<td/g)?.length);
    // The paths, shown as typed (a line break as \n) in code spans.
    assert.ok(html.includes(`<h3><code>${HEAD_DIR.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}/team-charter.yaml</code></h3>`), html);
    assert.match(md, /^Base: `base\\n# Approved :white_check_mark:\/team-charter\.yaml`$/m);
  });

  it('each change reads as its json message (line breaks as spaces), with no mention, emoji or issue link', async () => {
    const md = (await diff('markdown')).stdout;
    const messages: string[] = JSON.parse((await diff('json')).stdout).charters[0].changes.map((c: { message: string }) => c.message);
    const items = (render(md).match(/<li>[\s\S]*?<\/li>/g) ?? []).map(visibleText);
    for (const m of messages) assert.ok(items.includes(m.replace(/\s*\n\s*/g, ' ')), `not rendered as typed: ${m}\n${items.join('\n')}`);
    // Only the icon a finding starts with (ours) may be an emoji code; nothing may become a mention or link.
    for (const line of md.split('\n').filter((l) => l.startsWith('- '))) {
      assert.doesNotMatch(renderedText(render(line.replace(/^- :(x|warning|white_check_mark|information_source): /, '- '))), LINKED, line);
    }
  });

  it('the Mermaid block holds the hostile parties as entity codes only', async () => {
    const md = (await diff('markdown')).stdout;
    const block = /```mermaid\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
    assert.ok(block, md);
    for (const line of block.trim().split('\n').slice(1)) assert.match(line, /^ {2}(?:[dp]\d+\["[^"\n`]*"\]|[dp]\d+\(\["[^"\n`]*"\]\)|p\d+ (?:-->|==>|-\.->)\|[OACIRE]+\| d\d+)$/, line);
  });
});
