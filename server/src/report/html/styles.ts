// The stylesheet of the report's tables, shared by the HTML report and the editor's decision map.
// Colours are CSS variables (`--tc-*`): the report sets them for light and dark (prefers-color-
// scheme) and for print; the decision map maps them to the VS Code theme's variables.

/** Light and dark colours of the report file. */
export const REPORT_THEME = `
:root {
  color-scheme: light dark;
  --tc-fg: #1f2328; --tc-bg: #ffffff; --tc-muted: #59636e; --tc-border: #d1d9e0; --tc-head-bg: #f6f8fa;
  --tc-link: #0969da; --tc-mark-bg: #fff8c5;
  --tc-team-bg: #dafbe1; --tc-team-fg: #116329; --tc-consult-bg: #fff1c2; --tc-consult-fg: #7d4e00;
  --tc-escalate-bg: #ffebe9; --tc-escalate-fg: #a40e26; --tc-invalid-bg: #eaeef2; --tc-invalid-fg: #59636e;
  --tc-error: #cf222e; --tc-warning: #9a6700; --tc-info: #0969da;
  --tc-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --tc-mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --tc-fg: #e6edf3; --tc-bg: #0d1117; --tc-muted: #9198a1; --tc-border: #3d444d; --tc-head-bg: #151b23;
    --tc-link: #4493f8; --tc-mark-bg: #3a2e00;
    --tc-team-bg: #12351f; --tc-team-fg: #6fdd8b; --tc-consult-bg: #3b2e06; --tc-consult-fg: #e3b341;
    --tc-escalate-bg: #42171a; --tc-escalate-fg: #ff9492; --tc-invalid-bg: #262c36; --tc-invalid-fg: #9198a1;
    --tc-error: #f85149; --tc-warning: #d29922; --tc-info: #4493f8;
  }
}
body { margin: 0 auto; max-width: 80rem; padding: 1.5rem; background: var(--tc-bg); color: var(--tc-fg); font: 14px/1.45 var(--tc-font); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
.charter, .organisation { border-top: 2px solid var(--tc-border); margin-top: 2rem; padding-top: .5rem; }
nav.toc ul { columns: 2 16rem; padding-left: 1.2rem; }
@media print {
  :root { --tc-fg: #000; --tc-bg: #fff; --tc-muted: #444; --tc-border: #999; --tc-head-bg: #eee; --tc-link: #000; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav.toc { display: none; }
  .charter, .organisation { break-before: page; border-top: none; }
  .charter:first-of-type { break-before: auto; }
  table { break-inside: auto; }
  tr, .finding, figure { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

/** The tables, legends, banners and finding lists (colours from the `--tc-*` variables). */
export const TABLE_STYLES = `
.tc a { color: var(--tc-link); }
.tc h2 { font-size: 1.3rem; margin: .75rem 0 .25rem; }
.tc h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.tc .path, .tc .muted { color: var(--tc-muted); font-weight: normal; }
.tc code, .tc .id { font-family: var(--tc-mono); font-size: .92em; }
.tc .scroll { overflow-x: auto; max-width: 100%; }
.tc table { border-collapse: collapse; margin: .25rem 0 .75rem; }
.tc th, .tc td { border: 1px solid var(--tc-border); padding: .25rem .45rem; vertical-align: top; text-align: left; }
.tc thead th { background: var(--tc-head-bg); font-weight: 600; }
.tc thead th.party { text-align: center; min-width: 2.6rem; }
.tc th .sub { display: block; font-weight: normal; color: var(--tc-muted); font-size: .85em; }
.tc th.group { text-align: center; font-weight: normal; color: var(--tc-muted); }
.tc td.cell { text-align: center; font-family: var(--tc-mono); font-weight: 700; letter-spacing: .05em; white-space: nowrap; }
.tc td.cell abbr, .tc .legend abbr { text-decoration: none; border: none; cursor: help; }
.tc td.boundary { white-space: nowrap; font-weight: 600; }
.tc .b-team { background: var(--tc-team-bg); color: var(--tc-team-fg); }
.tc .b-consult { background: var(--tc-consult-bg); color: var(--tc-consult-fg); }
.tc .b-escalate { background: var(--tc-escalate-bg); color: var(--tc-escalate-fg); }
.tc .b-invalid { background: var(--tc-invalid-bg); color: var(--tc-invalid-fg); }
.tc .swatch.b-team { border-color: var(--tc-team-fg); }
.tc .swatch.b-consult { border-color: var(--tc-consult-fg); }
.tc .swatch.b-escalate { border-color: var(--tc-escalate-fg); }
.tc .swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; vertical-align: -.05em; margin-right: .3em; border: 1px solid var(--tc-border); }
.tc tr.has-findings > th { box-shadow: inset 4px 0 0 var(--tc-warning); }
.tc tr.has-errors > th { box-shadow: inset 4px 0 0 var(--tc-error); }
.tc tr.has-findings { background: var(--tc-mark-bg); }
.tc .mark { font-weight: normal; white-space: nowrap; }
.tc .matrix tbody th .id { white-space: nowrap; }
.tc .line { color: var(--tc-muted); font-weight: normal; font-size: .85em; margin-left: .35rem; }
.tc .legend { color: var(--tc-muted); margin: .25rem 0; }
.tc .legend span { margin-right: .9rem; white-space: nowrap; }
.tc .banner { border: 1px solid var(--tc-warning); border-left-width: 4px; padding: .5rem .75rem; margin: .5rem 0; background: var(--tc-mark-bg); }
.tc .banner.too-large { border-color: var(--tc-info); }
.tc .sev { font-weight: 600; text-transform: uppercase; font-size: .75em; letter-spacing: .04em; margin-right: .35rem; }
.tc .sev-error { color: var(--tc-error); }
.tc .sev-warning { color: var(--tc-warning); }
.tc .sev-info { color: var(--tc-info); }
.tc .findings h4 { margin: .75rem 0 .25rem; font-size: 1rem; }
.tc .findings ol { margin: 0; padding-left: 1.5rem; }
.tc .findings li { margin: .15rem 0; }
.tc .findings li:target, .tc tr:target { outline: 2px solid var(--tc-link); }
.tc td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tc td.part { text-align: center; white-space: nowrap; }
.tc .agreed { color: var(--tc-team-fg); }
.tc .not-agreed { color: var(--tc-warning); }
.tc .empty { color: var(--tc-muted); font-style: italic; }
.tc figure { margin: .5rem 0 1rem; }
.tc svg.tree { max-width: 100%; height: auto; color: var(--tc-muted); }
.tc svg.tree rect { fill: var(--tc-head-bg); stroke: var(--tc-border); }
.tc svg.tree text { fill: var(--tc-fg); font: 13px var(--tc-font); }
.tc svg.tree .edge { stroke: var(--tc-muted); fill: none; }
.tc svg.tree .edge.cycle { stroke: var(--tc-error); stroke-dasharray: 5 3; }
.tc svg.tree .problem rect { stroke: var(--tc-error); }
`;
