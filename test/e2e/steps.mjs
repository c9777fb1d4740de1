// What a new user does with the extension, step by step, in the real workbench. Each step checks
// what the user would see (Problems panel, menus, hover, the file on disk) and takes a screenshot.
import fs from 'node:fs';
import path from 'node:path';
import { EDITOR, cursorPosition, editorText, gotoLine, lineOf, pressUntilVisible, problemRows, runCommand, until } from './ui.mjs';

/** Findings the fixture has, each one a rule id the Problems panel must show. */
const EXPECTED_RULES = ['schema-unknown-key', 'owner-missing', 'cadence-invalid', 'owner-placeholder'];
const FIX_ON_SAVE = { 'editor.codeActionsOnSave': { 'source.fixAll.team-charter': 'explicit' } };

/**
 * @param {{ page: import('playwright-core').Page, wb: import('./workbench.mjs').Workbench,
 *   charter: string, shot: (name: string) => Promise<void>, schemaText: (path: string[]) => string }} t
 * @param {(name: string, fn: () => Promise<object|void>) => Promise<any>} step
 */
export async function userJourney(t, step) {
  const { page, wb, charter, shot } = t;
  const disk = () => fs.readFileSync(charter, 'utf8');
  const original = disk();

  await step('workbench renders', async () => {
    await page.waitForSelector('.monaco-workbench .part.editor', { state: 'visible' });
    await page.locator('.explorer-folders-view').getByText('team-charter.yaml').first().waitFor();
    await shot('01-workbench.png');
  });

  await step('extension activates on the charter and underlines findings', async () => {
    await page.locator('.explorer-folders-view').getByText('team-charter.yaml').first().click();
    await until(async () => /mission: Merchants/.test(await editorText(page)), 'the charter in the editor');
    await page.locator(`${EDITOR} .squiggly-warning`).first().waitFor({ state: 'attached' }); // vison: on line 10
    await page.locator(`${EDITOR} .view-lines`).first().click();
    await gotoLine(page, lineOf(original, /^  - id: vendor-choice/), 9);
    await page.locator(`${EDITOR} .squiggly-error`).first().waitFor({ state: 'attached' });
    const statusBar = await page.locator('[id="status.problems"]').first().innerText();
    await shot('02-squiggles.png');
    return { problemsInStatusBar: statusBar.replace(/\s+/g, ' ').trim() };
  });

  await step('Problems panel lists findings with rule ids linking to docs', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    const rows = await until(async () => {
      const r = await problemRows(page);
      return EXPECTED_RULES.every((id) => r.some((row) => row.text.includes(id))) && r;
    }, `rows with rule ids ${EXPECTED_RULES.join(', ')}`);
    const ownerRow = rows.find((r) => r.text.includes('owner-missing'));
    if (!/decision "vendor-choice" has no owner/.test(ownerRow.text)) throw new Error(`owner-missing row does not name the entry: ${ownerRow.text}`);
    const link = ownerRow.links.find((l) => l.text.includes('owner-missing'));
    if (!link || !/docs\/rules\/owner-missing\.md$/.test(link.href)) throw new Error(`rule id is not a link to its docs: ${JSON.stringify(ownerRow.links)}`);
    await shot('03-problems-panel.png');
    return { problems: rows.map((r) => r.text), docsLink: link.href };
  });

  await step('language status item shows the finding counts', async () => {
    await page.locator('[id="status.languageStatus"]').first().click();
    const hover = page.locator('.monaco-hover', { hasText: /\d+ errors?/ }).first();
    await hover.waitFor({ state: 'visible' });
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    if (!/3 errors, 1 warning/.test(text) || !/checked at/.test(text)) throw new Error(`language status says: ${text}`);
    await shot('04-language-status.png');
    await page.keyboard.press('Escape');
    return { languageStatus: text };
  });

  await step('quick fix from Ctrl+. sets the owner, saved to disk', async () => {
    const line = lineOf(original, /^  - id: vendor-choice/);
    await page.locator(`${EDITOR} .view-lines`).first().click();
    await gotoLine(page, line, 9);
    const item = page.locator('.action-widget .monaco-list-row', { hasText: /Set owner to "?ana"?/ }).first();
    await pressUntilVisible(page, ['Control+.'], item, 'the quick fix "Set owner to ana"');
    const menu = (await page.locator('.action-widget').first().innerText()).split('\n').filter(Boolean);
    await shot('05-quick-fix-menu.png');
    await item.click();
    await until(async () => /owner: ana/.test((await editorText(page)).split('vendor-choice')[1] ?? ''), 'owner: ana in the editor');
    await page.keyboard.press('Control+S');
    const saved = await until(() => {
      const text = disk();
      const entry = text.split('- id: vendor-choice')[1]?.split('  - id:')[0] ?? '';
      return /\n    owner: ana\n/.test(entry) && text;
    }, 'owner: ana under vendor-choice on disk');
    if (!saved.includes('vison:')) throw new Error('saving without codeActionsOnSave changed other lines');
    await until(async () => !(await problemRows(page)).some((r) => r.text.includes('owner-missing')), 'owner-missing to leave the Problems panel');
    await shot('06-after-quick-fix.png');
    return { menu };
  });

  await step('hover on a key shows its description from the schema', async () => {
    const line = lineOf(disk(), /^    boundary: escalate$/); // the editor has no unsaved lines yet
    await gotoLine(page, line, 6);
    const hover = page.locator('.monaco-hover', { hasText: 'decided inside the team without approval' }).first();
    await pressUntilVisible(page, ['Control+K', 'Control+I'], hover, 'the hover for "boundary"');
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    await shot('07-hover.png');
    await page.keyboard.press('Escape');
    return { hover: text.slice(0, 300) };
  });

  await step('completion (Ctrl+Space) in a party field lists party ids', async () => {
    const line = lineOf(disk(), /^    risk_owner: ben$/);
    await gotoLine(page, line, 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('escalate_to: ');
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.suggest-widget');
    await widget.waitFor({ state: 'visible' });
    const labels = await until(async () => {
      const l = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
      return ['ana', 'ben', 'finance'].every((id) => l.some((x) => x.trim() === id)) && l;
    }, 'ana, ben and finance in the suggestions');
    await shot('08-completion.png');
    await page.keyboard.type('fin');
    await page.keyboard.press('Enter');
    await until(async () => /escalate_to: finance/.test(await editorText(page)), 'escalate_to: finance in the editor');
    return { suggestions: labels.map((s) => s.trim()) };
  });

  await step('fix-all on save (codeActionsOnSave) applies the safe fixes only', async () => {
    // As a user does: edit settings.json in the workbench (a change written behind its back is
    // picked up late), save, close it, and save the charter.
    await runCommand(page, 'Preferences: Open User Settings (JSON)');
    await page.locator('.monaco-editor .view-lines', { hasText: 'telemetry.telemetryLevel' }).first().waitFor();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(`${JSON.stringify(FIX_ON_SAVE).slice(1, -1)},`);
    await page.keyboard.press('Control+S');
    await until(() => /source\.fixAll\.team-charter/.test(fs.readFileSync(wb.settingsFile, 'utf8')), 'the setting saved');
    await shot('09-settings.png');
    await page.keyboard.press('Control+W');
    await page.locator('.tab.active', { hasText: 'team-charter.yaml' }).waitFor();
    await page.locator(`${EDITOR} .view-lines`).first().click();
    await page.keyboard.press('Control+S');
    const text = await until(() => {
      const d = disk();
      return /^vision: /m.test(d) && /cadence: weekly\n/.test(d) && d;
    }, 'vision: and cadence: weekly on disk');
    if (!/escalate_to: finance/.test(text)) throw new Error('the typed escalate_to line was lost');
    if (!/owner: the team/.test(text)) throw new Error('an unsafe fix (owner-placeholder) was applied on save');
    if (!text.includes('# cadence-invalid (safe fix: weekly; applied on save)')) throw new Error('a comment was lost');
    await until(async () => {
      const r = await problemRows(page);
      return !r.some((x) => /schema-unknown-key|cadence-invalid/.test(x.text)) && r.some((x) => x.text.includes('owner-placeholder'));
    }, 'only owner-placeholder left of the fixture findings');
    await shot('10-after-fix-on-save.png');
    return { problems: (await problemRows(page)).map((r) => r.text) };
  });

  await step('go to definition (F12) jumps from a reference to the member', async () => {
    const text = disk();
    const ref = lineOf(text, /^    owner: ben$/);
    await gotoLine(page, ref, 12);
    await page.keyboard.press('F12');
    const target = lineOf(text, /^  - id: ben$/);
    await until(async () => (await cursorPosition(page))?.line === target, `cursor on line ${target} (- id: ben)`, 10000);
    await shot('11-definition.png');
    return { from: ref, to: target };
  });

  await step('rename (F2) a member renames every reference', async () => {
    const before = disk();
    const count = (s, id) => (s.match(new RegExp(`(?<![\\w-])${id}(?![\\w-])`, 'g')) || []).length;
    const bens = count(before, 'ben');
    await gotoLine(page, lineOf(before, /^  - id: ben$/), 9);
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input, .rename-input').first();
    await input.waitFor({ state: 'visible' });
    await shot('12-rename.png');
    await input.fill('benedikt');
    await page.keyboard.press('Enter');
    await until(async () => /id: benedikt/.test(await editorText(page)), 'the renamed id in the editor');
    await page.keyboard.press('Control+S');
    const after = await until(() => {
      const d = disk();
      return count(d, 'ben') === 0 && d;
    }, 'no "ben" left on disk');
    if (count(after, 'benedikt') !== bens) throw new Error(`renamed ${count(after, 'benedikt')} of ${bens} occurrences`);
    return { renamed: bens };
  });

  await step('typing a misspelt rule id in .charterrc.yaml shows a did-you-mean in the Problems panel', async () => {
    const config = path.join(wb.workspace, '.charterrc.yaml');
    fs.writeFileSync(config, '# Rule settings for this workspace\nrules:\n  mission-missing: info\n');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('.charterrc.yaml');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: '.charterrc.yaml' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: '.charterrc.yaml' }).waitFor();
    await until(async () => /mission-missing: info/.test(await editorText(page)), 'the config in the editor');
    await gotoLine(page, 4, 1);
    await page.keyboard.type('  owner-mising: off');
    if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    const row = await until(async () => (await problemRows(page)).find((r) => r.text.includes('did you mean "owner-missing"')), 'the did-you-mean row in the Problems panel');
    if (!/unknown rule "owner-mising" in config/.test(row.text)) throw new Error(`the row does not name the unknown id: ${row.text}`);
    await page.locator(`${EDITOR} .squiggly-error`).first().waitFor({ state: 'attached' });
    await shot('14-charterrc-did-you-mean.png');
    return { problem: row.text };
  });

  await step('its quick fix changes the id to the rule meant, and the problem goes away', async () => {
    await page.locator(`${EDITOR} .view-lines`).first().click();
    await gotoLine(page, 4, 5);
    const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to "owner-missing"' }).first();
    await pressUntilVisible(page, ['Control+.'], item, 'the quick fix "Change to owner-missing"');
    await item.click();
    await until(async () => /owner-missing: off/.test(await editorText(page)), 'owner-missing: off in the editor');
    await until(async () => !(await problemRows(page)).some((r) => r.text.includes('owner-mising')), 'the did-you-mean row to leave the Problems panel');
    await shot('15-charterrc-fixed.png');
  });

  await step('"Team Charter: Show output" shows the server log', async () => {
    await runCommand(page, 'Team Charter: Show output');
    await page.locator('.part.panel .view-lines', { hasText: 'Team Charter server started' }).first().waitFor();
    await shot('13-output.png');
  });
}
