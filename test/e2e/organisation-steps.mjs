// The organisation view in the real workbench: a second charter that declares the same team id
// is created on disk (never opened); the open charter's Problems show team-id-duplicate, and its
// related information, clicked, opens the other charter. Runs after the other journeys.
import fs from 'node:fs';
import path from 'node:path';
import { problemRows, until } from './ui.mjs';

/**
 * @param {{ page: import('playwright-core').Page, wb: import('./workbench.mjs').Workbench, charter: string, shot: (name: string) => Promise<void> }} t
 * @param {(name: string, fn: () => Promise<object|void>) => Promise<any>} step
 */
export async function organisationJourney(t, step) {
  const { page, wb, charter, shot } = t;
  const other = path.join(wb.workspace, 'billing/team-charter.yaml');

  await step('a charter created on disk with the same team id: team-id-duplicate in the Problems panel', async () => {
    fs.mkdirSync(path.dirname(other), { recursive: true });
    fs.writeFileSync(other, fs.readFileSync(charter, 'utf8').replace(/^ {2}name: Payments$/m, '  name: Billing'));
    await page.locator('.tab', { hasText: 'team-charter.yaml' }).first().click();
    if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    const row = await until(async () => (await problemRows(page)).find((r) => r.text.includes('team-id-duplicate') && r.text.includes('also declared by billing/team-charter.yaml')), 'a team-id-duplicate row naming billing/team-charter.yaml', 45000);
    await shot('17-organisation-finding.png');
    return { problem: row.text };
  });

  await step('its related information opens the other charter', async () => {
    const related = page.locator('.markers-panel .monaco-list-row', { hasText: 'is declared here too' }).first();
    await related.waitFor({ state: 'visible' });
    await related.click();
    // Two open files share the name team-charter.yaml: VS Code tells them apart by folder, in the
    // tab's title (its full path) and description.
    await until(async () => {
      const titles = await page.locator('.tabs-container .tab').evaluateAll((tabs) => tabs.map((t) => `${t.getAttribute('title') ?? ''} ${t.getAttribute('aria-label') ?? ''} ${t.textContent ?? ''}`));
      return titles.some((t) => /billing/.test(t)) || undefined;
    }, 'a tab for billing/team-charter.yaml');
    await shot('18-organisation-related.png');
    fs.rmSync(path.dirname(other), { recursive: true, force: true });
  });
}
