// ReportData → one self-contained HTML file: no script, no external asset, no network (a
// Content-Security-Policy says so to the browser), light and dark via prefers-color-scheme, and a
// print stylesheet. Per charter: banner, matrix, calendar, findings; then the organisation view.
import type { ReportData } from '../types';
import { bannerHtml, calendarHtml, charterTitle, findingsHtml, legendHtml, matrixHtml } from './charter';
import { h } from './escape';
import { organisationHtml } from './organisation';
import { REPORT_THEME, TABLE_STYLES } from './styles';

/** Nothing may load: styles are inline, pictures are inline SVG. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface HtmlOptions {
  /** The date the findings were computed for (`--today`). */
  today?: string;
  title?: string;
}

export function renderHtml(data: ReportData, opts: HtmlOptions = {}): string {
  const title = opts.title ?? (data.charters.length === 1 ? `Team charter: ${charterTitle(data.charters[0])}` : 'Team charters');
  const anchor = (i: number) => `c${i}`;
  const toc =
    data.charters.length > 1
      ? `<nav class="toc" aria-label="Charters"><ul>${data.organisation ? '<li><a href="#organisation">Organisation</a></li>' : ''}${data.charters
          .map((c, i) => `<li><a href="#${anchor(i)}">${h(charterTitle(c))}</a> <span class="path">${h(c.path)}</span></li>`)
          .join('')}</ul></nav>`
      : '';
  const org = data.organisation
    ? `<section class="organisation" id="organisation"><h2>Organisation</h2>${organisationHtml(data.organisation, data.charters, { charterAnchor: anchor })}</section>`
    : '';
  const charters = data.charters
    .map((c, i) => {
      const opts = { idPrefix: anchor(i) };
      const team = c.team.id !== undefined && c.team.name !== undefined ? ` <code class="muted">${h(c.team.id)}</code>` : '';
      const drawn =
        c.state === 'too-large'
          ? ''
          : `<h3>Decision rights</h3>${legendHtml()}${matrixHtml(c, opts)}<h3>Check-in calendar</h3>${calendarHtml(c)}`;
      return `<section class="charter" id="${anchor(i)}"><h2>${h(charterTitle(c))}${team} <span class="path">${h(c.path)}</span></h2>${bannerHtml(c)}${drawn}<h3>Findings</h3>${findingsHtml(c, opts)}</section>`;
    })
    .join('\n');
  const summary = `${data.charters.length} charter${data.charters.length === 1 ? '' : 's'}${opts.today ? ` · findings as of ${h(opts.today)}` : ''} · made by team-charter`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${h(title)}</title>
<style>${REPORT_THEME}${TABLE_STYLES}</style>
</head>
<body class="tc">
<header><h1>${h(title)}</h1><p class="muted">${summary}</p>${toc}</header>
<main>
${org}
${charters}
</main>
</body>
</html>
`;
}
