// The packaged extension's browser build (package.json `browser`: dist/web/client.js, and
// dist/web/server.js) in the real workbench. code-server runs an extension in its browser (web
// worker) extension host when the user setting `remote.extensionKind` says "web" for it; there the
// workbench refuses to create a Worker for an extension installed on the server ("Creating workers
// from remote extensions is currently not supported"), so this exercises the fallback editor.md
// asks for: the same server script run in the extension host over a MessageChannel, reading the
// charters and the .charterrc of the workspace through the client (workspace.fs, findFiles).
import fs from 'node:fs';
import path from 'node:path';
import { EDITOR, gotoLine, lineOf, pressUntilVisible, problemRows, runCommand, until } from './ui.mjs';

export const WEB_EXTENSION_SETTINGS = { 'remote.extensionKind': { 'team-charter.team-charter': ['web'] } };

/** Writes the workspace: a charter with a decision without owner, a second charter with the same team id, a config. */
export function writeWebWorkspace(workspace, baseCharter) {
  const charter = baseCharter.replace('    owner: ben\n    boundary: team\n', '    boundary: team\n');
  fs.writeFileSync(path.join(workspace, 'team-charter.yaml'), charter);
  fs.mkdirSync(path.join(workspace, 'billing'));
  fs.writeFileSync(path.join(workspace, 'billing/team-charter.yaml'), baseCharter);
  // owner-missing is an error by default: an info in the Problems panel shows the config was read.
  fs.writeFileSync(path.join(workspace, '.charterrc.yaml'), 'rules:\n  owner-missing: info\n');
  return charter;
}

/**
 * @param {{ page: import('playwright-core').Page, charterText: string, shot: (name: string) => Promise<void> }} t
 * @param {(name: string, fn: () => Promise<object|void>) => Promise<any>} step
 */
export async function webJourney(t, step) {
  const { page, charterText, shot } = t;

  await step('web: the browser build runs in the web worker extension host', async () => {
    await page.waitForSelector('.monaco-workbench .part.editor', { state: 'visible' });
    await page.locator('.explorer-folders-view').getByText('team-charter.yaml').first().click();
    await runCommand(page, 'Developer: Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Team Charter' }).first();
    await row.waitFor({ state: 'visible' });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    if (!/web worker/i.test(text)) throw new Error(`Team Charter does not run in the web worker extension host: ${text}`);
    await shot('w1-running-extensions.png');
    await page.keyboard.press('Control+W');
    return { runningExtensions: text };
  });

  await step('web: organisation finding across two files and the .charterrc read through workspace.fs', async () => {
    await page.locator('.explorer-folders-view').getByText('team-charter.yaml').first().click();
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
    const rows = await until(async () => {
      const r = await problemRows(page);
      return r.some((x) => x.text.includes('team-id-duplicate')) && r.some((x) => x.text.includes('owner-missing')) && r;
    }, 'team-id-duplicate and owner-missing in the Problems panel');
    const duplicate = rows.find((r) => r.text.includes('team-id-duplicate'));
    if (!/billing\/team-charter\.yaml/.test(duplicate.text)) throw new Error(`team-id-duplicate does not name the other charter: ${duplicate.text}`);
    // The row's accessible label starts with its severity ("Info: decision …").
    const ownerLabel = await page.evaluate(() =>
      [...document.querySelectorAll('.markers-panel .monaco-list-row')].find((r) => (r.textContent || '').includes('owner-missing'))?.getAttribute('aria-label'),
    );
    if (!/^Info: /.test(ownerLabel ?? '')) throw new Error(`owner-missing is not an info, so the .charterrc.yaml was not applied: ${ownerLabel}`);
    await shot('w2-problems.png');
    return { problems: rows.map((r) => r.text) };
  });

  await step('web: hover on a member shows their weight across both charters', async () => {
    await page.locator(`${EDITOR} .view-lines`).first().click();
    await gotoLine(page, lineOf(charterText, /^  - id: ana$/), 11);
    const hover = page.locator('.monaco-hover', { hasText: /Across the 2 charters/ }).first();
    await pressUntilVisible(page, ['Control+K', 'Control+I'], hover, 'the hover on "ana"');
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    await shot('w3-hover.png');
    await page.keyboard.press('Escape');
    return { hover: text };
  });

  await step('web: the output says where the server runs (a worker was refused, so the extension host)', async () => {
    await runCommand(page, 'Team Charter: Show output');
    const lines = page.locator('.part.panel .view-lines', { hasText: 'Team Charter server started' }).first();
    await lines.waitFor();
    const output = (await lines.innerText()).replace(/\s+/g, ' ');
    // Long lines wrap anywhere in the output view: compare without whitespace.
    if (!/dist\/web\/server\.jsintheextensionhost/.test(output.replace(/\s+/g, ''))) throw new Error(`unexpected output: ${output}`);
    await shot('w4-output.png');
    return { output };
  });
}
