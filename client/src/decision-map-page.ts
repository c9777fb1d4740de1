// The decision map's web page: a strict Content-Security-Policy (nothing remote, no script but
// the one below, which carries a fresh nonce), the report's table styles with their colours
// mapped to the VS Code theme, and a small script that posts clicks on a cell to the extension
// (to reveal that line) and swaps in new content as the charter changes.

/** `--tc-*` colours of the report's stylesheet, from the theme's variables. */
const THEME = `
:root {
  --tc-fg: var(--vscode-editor-foreground); --tc-bg: var(--vscode-editor-background);
  --tc-muted: var(--vscode-descriptionForeground); --tc-border: var(--vscode-editorWidget-border, var(--vscode-panel-border));
  --tc-head-bg: var(--vscode-editorWidget-background); --tc-link: var(--vscode-textLink-foreground);
  --tc-mark-bg: color-mix(in srgb, var(--vscode-editorWarning-foreground) 10%, transparent);
  --tc-team-fg: var(--vscode-charts-green); --tc-team-bg: color-mix(in srgb, var(--vscode-charts-green) 18%, transparent);
  --tc-consult-fg: var(--vscode-charts-yellow); --tc-consult-bg: color-mix(in srgb, var(--vscode-charts-yellow) 18%, transparent);
  --tc-escalate-fg: var(--vscode-charts-red); --tc-escalate-bg: color-mix(in srgb, var(--vscode-charts-red) 18%, transparent);
  --tc-invalid-fg: var(--vscode-descriptionForeground); --tc-invalid-bg: color-mix(in srgb, var(--vscode-descriptionForeground) 15%, transparent);
  --tc-error: var(--vscode-errorForeground); --tc-warning: var(--vscode-editorWarning-foreground); --tc-info: var(--vscode-editorInfo-foreground);
  --tc-font: var(--vscode-font-family); --tc-mono: var(--vscode-editor-font-family);
}
body { color: var(--tc-fg); background: var(--tc-bg); font-family: var(--tc-font); font-size: var(--vscode-font-size); padding: 0 1rem 2rem; }
.tabs { position: sticky; top: 0; background: var(--tc-bg); padding: .5rem 0; border-bottom: 1px solid var(--tc-border); display: flex; gap: .5rem; align-items: baseline; z-index: 1; }
.tabs button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: none; padding: .25rem .75rem; cursor: pointer; }
.tabs button[aria-selected="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
.tabs button[hidden] { display: none; }
[data-line] { cursor: pointer; }
[data-line]:hover { outline: 1px dotted var(--vscode-focusBorder); }
[data-line]:focus { outline: 1px solid var(--vscode-focusBorder); }
`;

/** Runs in the webview; `acquireVsCodeApi` is the webview's bridge to the extension. */
const SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const $ = (id) => document.getElementById(id);
  const focusable = () => document.querySelectorAll('[data-line]').forEach((el) => { el.tabIndex = 0; el.setAttribute('role', 'button'); });
  const select = (tab) => {
    for (const name of ['charter', 'organisation']) {
      $(name).hidden = name !== tab;
      $('tab-' + name).setAttribute('aria-selected', String(name === tab));
    }
    if (tab === 'organisation') vscode.postMessage({ type: 'organisation' });
  };
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'charter') {
      $('charter').innerHTML = m.html;
      $('tab-organisation').hidden = m.workspaceCharters < 2;
      $('tab-organisation').textContent = 'Organisation (' + m.workspaceCharters + ' charters)';
      focusable();
    } else if (m.type === 'organisation') {
      $('organisation').innerHTML = m.html;
    }
  });
  const reveal = (el) => vscode.postMessage({ type: 'reveal', line: Number(el.dataset.line), character: Number(el.dataset.character || 0) });
  document.addEventListener('click', (event) => {
    const tab = event.target.closest('.tabs button');
    if (tab) return select(tab.dataset.tab);
    if (event.target.closest('a')) return;
    const el = event.target.closest('[data-line]');
    if (el) reveal(el);
  });
  document.addEventListener('keydown', (event) => {
    const el = event.target.closest && event.target.closest('[data-line]');
    if (el && (event.key === 'Enter' || event.key === ' ')) { event.preventDefault(); reveal(el); }
  });
  focusable();
  vscode.postMessage({ type: 'ready' });
})();`;

export interface PageContent {
  title: string;
  html: string;
  styles: string;
  workspaceCharters: number;
}

export function decisionMapPage(content: PageContent, nonce: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const org = content.workspaceCharters >= 2;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${THEME}${content.styles}</style>
</head>
<body class="tc">
<div class="tabs" role="tablist">
<button id="tab-charter" data-tab="charter" role="tab" aria-selected="true">This charter</button>
<button id="tab-organisation" data-tab="organisation" role="tab" aria-selected="false"${org ? '' : ' hidden'}>Organisation (${content.workspaceCharters} charters)</button>
</div>
<main id="charter">${content.html}</main>
<main id="organisation" hidden><p class="empty">Loading the charters of the workspace…</p></main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

const NONCE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32 random letters and digits for the CSP nonce (a new one for every page). */
export function makeNonce(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(32)), (b) => NONCE_CHARS[b % NONCE_CHARS.length]).join('');
}
