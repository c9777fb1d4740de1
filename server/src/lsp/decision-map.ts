// The decision map's two requests (contract/requests.ts): one charter's matrix, calendar and
// findings from its current analysis (the same pieces as the HTML report), and the organisation
// view of its workspace folder. The client only shows the HTML; it never parses a charter.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { fsPathOf } from './config-files';
import { applyRuleOverrides } from './settings';
import { todayString } from './analyzer';
import { WorkspaceCharters } from './workspace-charters';

export function createDecisionMap(charters: () => Charters, log: (message: string) => void) {
  const workspace = new WorkspaceCharters();

  const folderOf = async (uri: string): Promise<string | undefined> => {
    const file = fsPathOf(uri);
    return file === undefined ? undefined : charters().configs.rootDirOf(file);
  };

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
      const folder = await folderOf(uri);
      return {
        uri,
        version: state.doc.version,
        state: report.state,
        title: charterTitle(report),
        html: `${bannerHtml(report)}${drawn}<h2>Findings</h2>${findingsHtml(report, opts)}`,
        styles: TABLE_STYLES,
        workspaceCharters: folder ? workspace.list(folder).length : 1,
      };
    } catch (e) {
      log(`decision map failed for ${uri}: ${(e as Error)?.stack ?? e}`);
      return null;
    }
  }

  async function organisation(params: DecisionMapParams | null | undefined): Promise<OrganisationMapResult | null> {
    const uri = params?.uri;
    const folder = typeof uri === 'string' ? await folderOf(uri) : undefined;
    if (!uri || !folder) return null;
    try {
      const all = charters();
      const settings = await all.settings.forDocument(uri);
      const today = todayString();
      const inputs: CharterInput[] = [];
      for (const c of workspace.list(folder)) {
        // An open charter is drawn as edited; the others as saved.
        let analysis: Analysis | undefined;
        let size: number;
        if (all.documents.get(c.uri)) {
          const state = await all.state(c.uri);
          analysis = state?.analysis;
          size = state?.doc.getText().length ?? 0;
        } else {
          const config = await all.configs.lookup(c.uri);
          const options = { config: applyRuleOverrides(config.config, settings.rules), today, maxFileSize: settings.maxFileSize };
          const read = workspace.fromDisk(c.file, options, JSON.stringify([config.stamp, settings.rules, settings.maxFileSize, today]));
          analysis = read?.analysis;
          size = read?.text.length ?? 0;
        }
        if (!analysis) continue;
        inputs.push({ path: c.shown, analysis, ...(size > settings.maxFileSize ? { tooLarge: { size, limit: settings.maxFileSize } } : {}) });
      }
      const data = buildReport(inputs);
      const html = data.organisation
        ? organisationHtml(data.organisation, data.charters)
        : '<p class="empty">The organisation view needs two or more charters in the workspace folder.</p>';
      return { charters: inputs.length, html };
    } catch (e) {
      log(`organisation map failed for ${uri}: ${(e as Error)?.stack ?? e}`);
      return null;
    }
  }

  return { charter, organisation };
}

function fileName(uri: string): string {
  try {
    return path.basename(fileURLToPath(uri));
  } catch {
    return uri.split('/').pop() ?? uri;
  }
}
