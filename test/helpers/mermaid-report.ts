// Parses Mermaid text with mermaid's own parser: its browser bundle (the devDependency `mermaid`)
// loaded into headless Chromium, as GitHub renders it (GitHub itself cannot be reached from here).
// The report's copy; the lead merges it with the diff's test/helpers/mermaid.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';

const BUNDLE = path.resolve(__dirname, '../../../node_modules/mermaid/dist/mermaid.min.js');

export class MermaidParser {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  static async start(): Promise<MermaidParser> {
    const browser = await launchChromium();
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort()); // the parser needs nothing from outside
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: fs.readFileSync(BUNDLE, 'utf8') });
    await page.evaluate(() => (globalThis as unknown as { mermaid: { initialize(o: object): void } }).mermaid.initialize({ startOnLoad: false }));
    return new MermaidParser(browser, page);
  }

  /** The diagram type mermaid recognised, or throws with mermaid's own parse error. */
  async parse(text: string): Promise<string> {
    const result = await this.page.evaluate(async (source) => {
      const mermaid = (globalThis as unknown as { mermaid: { parse(t: string): Promise<{ diagramType: string }> } }).mermaid;
      try {
        return { ok: true, type: (await mermaid.parse(source)).diagramType };
      } catch (e) {
        return { ok: false, error: String((e as Error)?.message ?? e) };
      }
    }, text);
    if (!result.ok) throw new Error(`mermaid cannot parse it: ${result.error}\n${text}`);
    return result.type!;
  }

  async stop(): Promise<void> {
    await this.browser.close();
  }
}
