// The HTML report as a reader sees it: `team-charter report` on the fixtures, opened in headless
// Chromium with JavaScript disabled and every request intercepted. It must show every decision,
// party and check-in, the right letters in the matrix, and load nothing from anywhere.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { ROOT } from '../helpers/fixtures';
import { runCli } from '../cli/cli-helpers';
import { TODAY, fixtureReport, fixturesCopy } from './helpers';

/** Runs in the browser on an element (this project compiles without the DOM types). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const BACKGROUND = (el: any): string => (globalThis as any).getComputedStyle(el).backgroundColor;

describe('report --format html in a browser with JavaScript disabled', function () {
  this.timeout(60000);
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const html = runCli(['report', '--today', TODAY, 'org'], fixturesCopy());
  const data = fixtureReport('org');

  before(async () => {
    assert.equal(html.code, 0, html.stderr);
    browser = await launchChromium();
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    // Any request at all (a font, a stylesheet, an image, a prefetch) is recorded and refused.
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(html.stdout, { waitUntil: 'load' });
  });
  after(async () => browser?.close());

  it('makes no network request and holds no script', async () => {
    assert.deepEqual(requests, []);
    assert.equal(await page.locator('script').count(), 0);
    assert.doesNotMatch(html.stdout, /<link\b|src=|@import|url\((?!#)/i, 'no external asset of any kind (url(#id) points inside the page)');
  });

  it('shows every decision as a row of its charter\'s matrix, and every party as a column', async () => {
    for (const [i, charter] of data.charters.entries()) {
      const section = page.locator(`#c${i}`);
      const rows = await section.locator('table.matrix tbody th[scope=row] .id').allInnerTexts();
      assert.deepEqual(rows, charter.matrix.rows.map((r) => r.id), charter.path);
      const parties = await section.locator('table.matrix thead th.party .id').allInnerTexts();
      assert.deepEqual(parties, charter.matrix.columns.map((c) => c.id), charter.path);
      assert.ok(await section.locator('table.matrix').isVisible(), `${charter.path}: matrix visible`);
    }
  });

  it('puts the right letters in the cells, each with a title saying the role', async () => {
    const payments = page.locator('#c3'); // org/payments (charters sorted by path)
    assert.match(await payments.locator('h2').innerText(), /Payments/);
    const cells = await payments.locator('table.matrix tbody tr').evaluateAll((rows) =>
      rows.map((tr) => [...tr.querySelectorAll('td.cell')].map((td) => td.textContent)),
    );
    // columns: carla dan lead engineer ana platform
    assert.deepEqual(cells, [
      ['OR', 'C', '', '', 'AE', ''],
      ['', '', 'OR', '', '', 'AE'],
      ['CE', 'OR', '', '', '', ''],
    ]);
    const titles = await payments.locator('table.matrix tbody tr').first().locator('td.cell').nth(4).locator('abbr').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    assert.deepEqual(titles, ['approver: must approve it', 'escalate to: where a blocked or contested call goes']);
  });

  it('shows the boundary as a colour and as its word in its own column', async () => {
    const boundary = page.locator('#c3 table.matrix tbody tr').first().locator('td.boundary');
    assert.equal((await boundary.innerText()).trim(), 'escalate');
    const team = page.locator('#c3 table.matrix tbody tr').nth(2).locator('td.boundary');
    const colour = (l: typeof team) => l.evaluate(BACKGROUND);
    assert.notEqual(await colour(boundary), await colour(team), 'escalate and consult differ in colour');
    assert.notEqual(await colour(boundary), 'rgba(0, 0, 0, 0)');
  });

  it('shows every check-in and every calendar person, with weekly minutes and who agreed', async () => {
    for (const [i, charter] of data.charters.entries()) {
      const calendar = page.locator(`#c${i} table.calendar`);
      if (charter.calendar.checkins.length === 0) continue;
      const checkins = await calendar.locator('thead th .id').allInnerTexts();
      assert.deepEqual(checkins, charter.calendar.checkins.map((c) => c.id), charter.path);
      const people = await calendar.locator('tbody th[scope=row] .id').allInnerTexts();
      assert.deepEqual(people, charter.calendar.people.map((p) => p.id), charter.path);
    }
    const payments = page.locator('#c3 table.calendar tbody tr');
    assert.deepEqual(await payments.first().locator('td').allInnerTexts(), ['expert', '112', 'runs it', 'takes part\n✓ agreed']);
  });

  it('marks rows with findings and links them to the finding, and links each rule to its page', async () => {
    const row = page.locator('#c1 table.matrix tbody tr').first(); // checkout: button-copy has owner-multiple
    assert.match((await row.getAttribute('class')) ?? '', /has-findings/);
    const href = await row.locator('a.mark').getAttribute('href');
    assert.match(href!, /^#c1-f\d+$/);
    assert.ok(await page.locator(href!).isVisible(), 'the linked finding exists');
    const rule = page.locator('#c1 .findings h4 a', { hasText: 'owner-multiple' });
    assert.match((await rule.getAttribute('href'))!, /docs\/rules\/owner-multiple\.md$/);
  });

  it('draws the organisation view: the tree as inline SVG, the load table', async () => {
    const org = page.locator('#organisation');
    assert.equal(await org.locator('svg.tree g.team').count(), data.charters.length);
    assert.equal(await org.locator('svg.tree polyline.edge').count(), 4, 'payments→platform, checkout→payments, and the two-team cycle');
    const ana = org.locator('table.loads tbody tr', { has: page.locator('th .id', { hasText: /^ana$/ }) });
    assert.deepEqual((await ana.locator('td').allInnerTexts()).slice(2), ['1', '1', '1', '1.1']);
  });

  it('draws a broken charter from what parsed, under a banner', async () => {
    const broken = page.locator('#c0');
    assert.match(await broken.locator('.banner').innerText(), /does not parse \(line 16: the quote " opened here is never closed/);
    assert.equal(await broken.locator('table.matrix tbody tr').count(), 2);
  });

  it('switches colours for a dark colour scheme and hides the table of contents in print', async () => {
    const bg = () => page.locator('body').evaluate(BACKGROUND);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await bg();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await bg();
    assert.notEqual(light, dark);
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    assert.equal(await page.locator('nav.toc').isVisible(), false);
    assert.ok(await page.locator('#c3 table.matrix').isVisible());
    await page.emulateMedia({ media: 'screen' });
  });

  it('writes a screenshot for the docs when asked (UPDATE_DOCS_IMAGES=1)', async function () {
    if (process.env.UPDATE_DOCS_IMAGES !== '1') this.skip();
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.locator('#c3').screenshot({ path: path.join(ROOT, 'docs/images/report.png') });
    assert.ok(fs.statSync(path.join(ROOT, 'docs/images/report.png')).size > 10_000);
  });
});

describe('report --format html escapes every value', function () {
  this.timeout(60000);
  it('shows hostile names and scopes as text: no element, attribute or script comes from them', async () => {
    const run = runCli(['report', '--today', TODAY, 'hostile'], fixturesCopy());
    assert.equal(run.code, 0, run.stderr);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ javaScriptEnabled: false });
      await page.setContent(run.stdout);
      assert.equal(await page.locator('script, img, [onerror]').count(), 0);
      assert.equal(await page.locator('td b, h1 *').count(), 0);
      assert.match(await page.locator('h1').innerText(), /Ops \| <script>alert\(1\)<\/script> `rm -rf` @everyone/);
      assert.match(await page.locator('table.matrix tbody td').first().innerText(), /<b>x<\/b> @org\/team & &#64;mention \\ " \]\]; end click/);
    } finally {
      await browser.close();
    }
  });
});
