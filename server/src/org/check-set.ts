// A charter set checked as one system, as the CLI and the editor both do it: each charter is
// analysed alone, summarised, the organisation rules run over the summaries, and each charter's
// findings are finished with its share of the organisation findings (suppressions apply to them).
import { analyze, withSetFindings } from '../lint';
import type { Analysis, AnalyzeOptions } from '../lint';
import type { CharterConfig, Finding } from '../engine/model';
import type { CharterSummary } from '../engine/charter-set';
import { summarize } from './summary';
import { checkOrganisation } from './run';
import type { OrganisationOptions } from './run';

export interface SetMember {
  /** Path relative to the root, `/`-separated. */
  file: string;
  text: string;
  /** The charter's own config (nearest `.charterrc.*`, or `--config`). */
  config?: CharterConfig;
}

export interface SetOptions extends Omit<AnalyzeOptions, 'config' | 'previous'> {
  /** The root's config (or `--config`): which organisation rules run and their options. */
  rootConfig?: CharterConfig;
  aliases?: OrganisationOptions['aliases'];
}

export interface CheckedCharter {
  file: string;
  analysis: Analysis;
  summary: CharterSummary;
}

/** Analyses every charter and adds the organisation findings; `analyses` reuses earlier analyses by file. */
export function checkSet(members: readonly SetMember[], options: SetOptions = {}, analyses?: ReadonlyMap<string, Analysis>): CheckedCharter[] {
  const configs = new Map(members.map((m) => [m.file, m.config]));
  const alone = members.map((m) => {
    const analysis = analyses?.get(m.file) ?? analyze(m.text, { ...options, config: m.config });
    return { member: m, analysis, summary: summarize(m.file, analysis) };
  });
  const org = checkOrganisation(
    alone.map((a) => a.summary),
    { rootConfig: options.rootConfig, configOf: (file) => configs.get(file), docsBaseUrl: options.docsBaseUrl, aliases: options.aliases },
  );
  return alone.map(({ member, analysis, summary }) => ({
    file: member.file,
    summary,
    analysis: withSetFindings(analysis, org.findings.get(member.file) ?? [], org.notRun, { ...options, config: member.config }),
  }));
}

/** Only the organisation findings of a set, per charter (for `diff`, which lints each charter itself). */
export function organisationFindings(members: readonly SetMember[], options: SetOptions = {}): Map<string, Finding[]> {
  const configs = new Map(members.map((m) => [m.file, m.config]));
  const summaries = members.map((m) => summarize(m.file, analyze(m.text, { ...options, config: m.config })));
  return checkOrganisation(summaries, { rootConfig: options.rootConfig, configOf: (file) => configs.get(file), docsBaseUrl: options.docsBaseUrl, aliases: options.aliases }).findings;
}
