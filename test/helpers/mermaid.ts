// Mermaid's own parser, for tests: its browser bundle (node_modules/mermaid, no network) loaded into
// headless Chromium (the system's, /usr/bin/chromium or $CHROMIUM) through playwright-core. GitHub
// renders ```mermaid blocks with the same library; it cannot be reached from here.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from './fixtures';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const BUNDLE = path.join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Why the parser cannot run here (no Chromium), or undefined when it can. */
export function mermaidUnavailable(): string | undefined {
  return fs.existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM=…): Mermaid syntax is not checked`;
}

export type ParseResult = { ok: true; diagramType: string } | { ok: false; error: string };

export interface MermaidPage {
  /** `mermaid.parse`: the diagram type, or the parser's error message. */
  parse(source: string): Promise<ParseResult>;
  /** `mermaid.render` with GitHub's security level (strict): the SVG's node labels as text, and whether it holds any <img>, <script> or <a>. */
  render(source: string): Promise<{ labels: string[]; injected: string[] }>;
  close(): Promise<void>;
}

export async function openMermaid(): Promise<MermaidPage> {
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const page: Page = await browser.newPage();
    // Nothing may come from the network: the bundle is injected from disk.
    await page.route('**/*', (route) => route.abort());
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: fs.readFileSync(BUNDLE, 'utf8') });
    await page.evaluate(() => (globalThis as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
    return {
      parse: (source) =>
        page.evaluate(async (text) => {
          const mermaid = (globalThis as unknown as { mermaid: { parse(t: string): Promise<{ diagramType: string }> } }).mermaid;
          try {
            const { diagramType } = await mermaid.parse(text);
            return { ok: true as const, diagramType };
          } catch (e) {
            return { ok: false as const, error: String((e as Error)?.message ?? e) };
          }
        }, source),
      render: (source) =>
        page.evaluate(async (text) => {
          const mermaid = (globalThis as unknown as { mermaid: { render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
          const { svg } = await mermaid.render(`m${Math.random().toString(36).slice(2)}`, text);
          // The page's DOM, typed here only as far as used (the project compiles without the DOM library).
          type Element = { textContent: string | null; outerHTML: string };
          const { document } = globalThis as unknown as { document: { createElement(tag: string): { innerHTML: string; querySelectorAll(s: string): Iterable<Element> } } };
          const holder = document.createElement('div');
          holder.innerHTML = svg;
          const labels = [...holder.querySelectorAll('.node .nodeLabel')].map((n) => (n.textContent ?? '').trim());
          const injected = [...holder.querySelectorAll('img, script, a, iframe, foreignObject *[onerror], *[onload]')].map((n) => n.outerHTML);
          return { labels, injected };
        }, source),
      close: () => browser.close(),
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** The bodies of the ```mermaid blocks of a markdown text, in order. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}
