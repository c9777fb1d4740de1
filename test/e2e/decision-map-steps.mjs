// The decision map in the real workbench: opened from the palette beside the charter, it shows the
// matrix, follows an edit as you type, reveals a line when a cell is clicked, and offers the
// organisation view of the workspace's charters. Runs after steps.mjs in the same workbench.
import fs from 'node:fs';
import { EDITOR, cursorPosition, gotoLine, lineOf, runCommand, until } from './ui.mjs';

/** The webview frame holding the decision map (VS Code nests it in two iframes). */
async function mapFrame(page) {
  return until(async () => {
    for (const frame of page.frames()) {
      const found = await frame.evaluate(() => Boolean(document.querySelector('body.tc table.matrix'))).catch(() => false);
      if (found) return frame;
    }
    return undefined;
  }, 'the decision map webview with its matrix');
}

const rowIds = (frame) => frame.locator('table.matrix tbody th[scope=row] .id').allInnerTexts();

/**
 * @param {{ page: import('playwright-core').Page, charter: string, shot: (name: string) => Promise<void> }} t
 * @param {(name: string, fn: () => Promise<object|void>) => Promise<any>} step
 */
export async function decisionMapJourney(t, step) {
  const { page, charter, shot } = t;
  let frame;

  await step('"Team Charter: Show decision map" opens the matrix beside the charter', async () => {
    await page.locator('.tab', { hasText: 'team-charter.yaml' }).first().click();
    await page.locator(`${EDITOR} .view-lines`).first().click();
    // The output panel of the last step closes (Ctrl+J toggles it), so the map has the height.
    if (await page.locator('.part.panel').isVisible()) await page.keyboard.press('Control+J');
    await runCommand(page, 'Team Charter: Show decision map');
    await page.locator('.tab', { hasText: 'Decision map: Payments' }).first().waitFor();
    frame = await mapFrame(page);
    const rows = await until(async () => {
      const r = await rowIds(frame);
      return ['payout-batching', 'vendor-choice', 'fee-changes'].every((id) => r.includes(id)) && r;
    }, 'the three decisions as rows');
    const fee = frame.locator('table.matrix tbody tr', { has: frame.locator('th .id', { hasText: /^fee-changes$/ }) });
    const finance = await fee.locator('td.cell[data-party="finance"]').innerText();
    if (finance.trim() !== 'AE') throw new Error(`fee-changes × finance shows "${finance}", expected AE`);
    const csp = await frame.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    if (!/default-src 'none'/.test(csp) || !/script-src 'nonce-[A-Za-z0-9]{32}'/.test(csp)) throw new Error(`weak Content-Security-Policy: ${csp}`);
    // Besides ours, VS Code puts one script of its own in every webview (it defines acquireVsCodeApi).
    const scripts = await frame.evaluate(() => [...document.scripts].map((s) => ({ nonce: Boolean(s.nonce), text: (s.textContent || s.src).slice(0, 200) })));
    const foreign = scripts.filter((s) => !s.nonce && !/acquireVsCodeApi/.test(s.text));
    if (foreign.length || scripts.filter((s) => s.nonce).length !== 1) throw new Error(`unexpected scripts in the decision map: ${JSON.stringify(scripts)}`);
    await shot('14-decision-map.png');
    return { rows, csp };
  });

  await step('the decision map follows an edit as you type', async () => {
    const line = lineOf(fs.readFileSync(charter, 'utf8'), /^ {2}- id: fee-changes$/);
    await page.locator(`${EDITOR} .view-lines`).first().click();
    await gotoLine(page, line, 1);
    await page.keyboard.press('End');
    await page.keyboard.type('-v2');
    const rows = await until(async () => {
      const r = await rowIds(await mapFrame(page));
      return r.includes('fee-changes-v2') && r;
    }, 'the row renamed to fee-changes-v2 in the map');
    return { rows };
  });

  await step('clicking a matrix cell reveals its line in the editor', async () => {
    frame = await mapFrame(page);
    const fee = frame.locator('table.matrix tbody tr', { has: frame.locator('th .id', { hasText: /^fee-changes-v2$/ }) });
    const cell = fee.locator('td.cell[data-party="finance"]');
    const target = Number(await cell.getAttribute('data-line')) + 1;
    const text = fs.readFileSync(charter, 'utf8').split('\n');
    if (!/^ {4}approver: finance$/.test(text[target - 1] ?? '')) throw new Error(`the cell points at line ${target}: "${text[target - 1]}"`);
    await gotoLine(page, 1, 1);
    // A click can land while the map swaps in the content of the previous step's edit (a fresh
    // machine is slow to settle): a user clicks again, and so does this step, at most three times.
    let clicks = 0;
    await until(async () => {
      if (clicks === 3) return false;
      clicks++;
      const current = await mapFrame(page);
      await current.locator('table.matrix tbody tr', { has: current.locator('th .id', { hasText: /^fee-changes-v2$/ }) }).locator('td.cell[data-party="finance"]').click();
      return until(async () => (await cursorPosition(page))?.line === target, 'the cursor', 8000).catch(() => false);
    }, `the cursor on line ${target} (approver: finance)`, 40000, 0);
    await shot('15-decision-map-reveal.png');
    return { revealed: target, clicks };
  });

  await step('with several charters, the organisation tab shows the teams', async () => {
    frame = await mapFrame(page);
    const tab = frame.locator('#tab-organisation');
    await tab.waitFor({ state: 'visible' });
    await tab.click();
    await frame.locator('#organisation svg.tree').waitFor({ state: 'visible' });
    const teams = await frame.locator('#organisation table.teams tbody th').allInnerTexts();
    if (teams.length !== 2) throw new Error(`expected 2 teams, saw ${JSON.stringify(teams)}`);
    await shot('16-organisation.png');
    await frame.locator('#tab-charter').click();
    return { teams };
  });
}
