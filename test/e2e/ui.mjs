// Small helpers to drive the VS Code workbench the way a user does: keys, palette, panels.
// Selectors are VS Code's own DOM classes (stable across many releases).

const norm = (s) => (s || '').replace(/\u00a0/g, ' ');

export const EDITOR = '.editor-instance .monaco-editor';

/** Polls `probe` until it returns a truthy value; the error names what never happened. */
export async function until(probe, what, timeout = 30000, every = 150) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, every));
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
}

/** The visible text of the active editor. Monaco recycles .view-line nodes: sort by CSS top. */
export async function editorText(page) {
  return norm(await page.evaluate((sel) => {
    const root = document.querySelector(`${sel} .view-lines`);
    if (!root) return '';
    return [...root.querySelectorAll('.view-line')]
      .map((el) => [parseFloat(el.style.top) || 0, el.textContent])
      .sort((a, b) => a[0] - b[0]).map((x) => x[1]).join('\n');
  }, EDITOR));
}

/** Puts the cursor at a 1-based line and column with "Go to Line" (Ctrl+G). */
export async function gotoLine(page, line, column = 1) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await until(async () => (await cursorPosition(page))?.line === line, `cursor on line ${line}`, 5000);
}

/** The cursor position shown in the status bar ("Ln 12, Col 5"). */
export async function cursorPosition(page) {
  const text = await page.locator('[id="status.editor.selection"]').first().innerText().catch(() => '');
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/** Runs a command from the palette (F1) by its title, e.g. "Team Charter: Show output". */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** Rows of the Problems panel, each { text, links: [{ text, href }] }. */
export async function problemRows(page) {
  return page.evaluate(() => [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((row) => ({
    text: (row.textContent || '').replace(/\u00a0/g, ' '),
    links: [...row.querySelectorAll('a')].map((a) => ({ text: a.textContent || '', href: a.getAttribute('href') || a.title || '' })),
  })));
}

/** 1-based number of the first line of `text` matching `re`. */
export function lineOf(text, re) {
  const i = text.split(/\r?\n/).findIndex((l) => re.test(l));
  if (i < 0) throw new Error(`no line matches ${re}`);
  return i + 1;
}

export { norm };

/**
 * Presses `keys` until `locator` shows (three tries, 10 s each): on a loaded machine a first
 * shortcut can be swallowed while the editor settles, and a user would simply press it again.
 */
export async function pressUntilVisible(page, keys, locator, what) {
  for (let attempt = 1; ; attempt++) {
    for (const key of keys) await page.keyboard.press(key);
    if (await locator.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false)) return;
    if (attempt === 3) throw new Error(`${what} did not show after pressing ${keys.join(' ')} three times`);
    await page.keyboard.press('Escape');
  }
}
