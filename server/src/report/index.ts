// The report's public API: analyses in, data out (buildReport), and three renderers. The HTML
// pieces (matrix, calendar, findings, organisation, styles) are exported for the decision map.
export { buildReport, charterReport, groupByRule } from './build';
export type { BuildOptions } from './build';
export { renderHtml, REPORT_CSP } from './html/document';
export type { HtmlOptions } from './html/document';
export { bannerHtml, calendarHtml, charterTitle, findingsHtml, legendHtml, matrixHtml } from './html/charter';
export { organisationHtml } from './html/organisation';
export { REPORT_THEME, TABLE_STYLES } from './html/styles';
export { renderMarkdown } from './markdown';
export { renderMermaid } from './mermaid';
export { partyLoads } from './load';
export * from './types';
