// The decision map's two requests (contract/requests.ts): one charter's matrix, calendar and
// findings from its current analysis (the same pieces as the HTML report), and the organisation
// view of its workspace folder. The client only shows the HTML; it never parses a charter.
import type { Analysis } from '../lint';
import {
  TABLE_STYLES,
  bannerHtml,
  buildReport,
  calendarHtml,
  charterReport,
  charterTitle,
  findingsHtml,
  legendHtml,
  matrixHtml,
  organisationHtml,
} from '../report';
import type { CharterInput } from '../report';
import type { DecisionMapParams, DecisionMapResult, OrganisationMapResult } from '../contract/requests';
import type { Charters } from './charters';
import { fileNameOf } from '../contract/files';
import { applyRuleOverrides } from './settings';
import { todayString } from './analyzer';

/** The charters of the set a document belongs to (the workspace index: open ones as edited). */
export type SetCharters = (uri: string) => Promise<Array<{ path: string; rel: string; analysis: Analysis; size: number }>>;

/** The charters of a set with their full analyses (costly: the ones not open are analysed again), and how many there are. */
export interface SetOf {
  charters: SetCharters;
  size(uri: string): Promise<number>;
}

export function createDecisionMap(charters: () => Charters, log: (message: string) => void, setOf: SetOf) {
  async function charter(params: DecisionMapParams | null | undefined): Promise<DecisionMapResult | null> {
    const uri = params?.uri;
    if (typeof uri !== 'string') return null;
    try {
      const state = await charters().state(uri);
      if (!state?.analysis) return null;
      const text = state.doc.getText();
      const tooLarge = text.length > state.settings.maxFileSize ? { size: text.length, limit: state.settings.maxFileSize } : undefined;
      const report = charterReport({ path: fileName(uri), analysis: state.analysis, ...(tooLarge ? { tooLarge } : {}) });
      const opts = { idPrefix: 'm' };
      const drawn = tooLarge ? '' : `<h2>Decision rights</h2>${legendHtml()}${matrixHtml(report, opts)}<h2>Check-in calendar</h2>${calendarHtml(report)}`;
      return {
        uri,
        version: state.doc.version,
        state: report.state,
        title: charterTitle(report),
        html: `${bannerHtml(report)}${drawn}<h2>Findings</h2>${findingsHtml(report, opts)}`,
        styles: TABLE_STYLES,
        workspaceCharters: (await setOf.size(uri)) || 1,
      };
    } catch (e) {
      log(`decision map failed for ${uri}: ${(e as Error)?.stack ?? e}`);
      return null;
    }
  }

  async function organisation(params: DecisionMapParams | null | undefined): Promise<OrganisationMapResult | null> {
    const uri = params?.uri;
    if (typeof uri !== 'string') return null;
    try {
      const settings = await charters().settings.forDocument(uri);
      const inputs: CharterInput[] = (await setOf.charters(uri)).map((c) => ({
        path: c.rel,
        analysis: c.analysis,
        ...(c.size > settings.maxFileSize ? { tooLarge: { size: c.size, limit: settings.maxFileSize } } : {}),
      }));
      const data = buildReport(inputs);
      const html = data.organisation
        ? organisationHtml(data.organisation, data.charters)
        : '<p class="empty">The organisation view needs two or more charters in the repository (or workspace folder).</p>';
      return { charters: inputs.length, html };
    } catch (e) {
      log(`organisation map failed for ${uri}: ${(e as Error)?.stack ?? e}`);
      return null;
    }
  }

  return { charter, organisation };
}

function fileName(uri: string): string {
  return fileNameOf(uri) ?? uri.split('/').pop() ?? uri;
}
