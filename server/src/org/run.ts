// Runs the organisation rules over the summaries of a charter set. Pure: which rules run and their
// options come from the root's config; the severity shown in a file comes from that file's config.
import { DEFAULT_DOCS_BASE, ruleDocsUrl, rules } from '../lint';
import type { CharterSummary, SetContext, SetReport } from '../engine/charter-set';
import type { CharterConfig, Finding, Severity } from '../engine/model';
import { effectiveRules } from '../engine/config';

export interface OrganisationOptions {
  /** The root's config (or `--config`): which organisation rules run, with which options. */
  rootConfig?: CharterConfig;
  /** Each charter's own config, for the severity its findings are shown with. */
  configOf?: (file: string) => CharterConfig | undefined;
  docsBaseUrl?: string;
  /** Other paths of a charter of the set (a link's target, or a link to it) → its path in the set. */
  aliases?: ReadonlyMap<string, string>;
}

export interface OrganisationResult {
  /** Findings per charter path; charters without findings are absent. */
  findings: Map<string, Finding[]>;
  /** Organisation rules that did not run (off, or a set too small for them). */
  notRun: Set<string>;
}

const SET_RULES = rules.filter((r) => r.checkSet);

export function checkOrganisation(summaries: readonly CharterSummary[], options: OrganisationOptions = {}): OrganisationResult {
  const charters = [...summaries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const parentOf = parentResolver(charters, options.aliases);
  const docsBase = options.docsBaseUrl ?? DEFAULT_DOCS_BASE;
  const severityIn = severityLookup(options.configOf);
  const findings = new Map<string, Finding[]>();
  const notRun = new Set<string>();

  for (const effective of effectiveRules(SET_RULES, options.rootConfig)) {
    const rule = effective.rule;
    if (effective.severity === 'off' || charters.length < ((rule.checkSet && rule.minCharters) || 1)) {
      notRun.add(rule.id);
      continue;
    }
    const reports: SetReport[] = [];
    const ctx: SetContext = { charters, options: effective.options, parentOf, report: (r) => reports.push(r) };
    rule.checkSet!(ctx);
    for (const r of reports) {
      const severity = severityIn(r.file, rule.id) ?? (effective.severity as Severity);
      if (severity === 'off') continue;
      const finding: Finding = { rule: rule.id, severity, message: r.message, range: r.range, fixes: [], docs: ruleDocsUrl(rule.id, docsBase) };
      if (r.subject) finding.subject = r.subject;
      if (r.related?.length) finding.related = r.related.map((x) => ({ range: x.range, message: x.message, ...(x.file !== r.file ? { file: x.file } : {}) }));
      const list = findings.get(r.file) ?? [];
      list.push(finding);
      findings.set(r.file, list);
    }
  }
  return { findings, notRun };
}

/** The severity a rule has in a file's own config (undefined: the file has no config). */
function severityLookup(configOf: OrganisationOptions['configOf']): (file: string, rule: string) => Severity | 'off' | undefined {
  const byConfig = new Map<CharterConfig, Map<string, Severity | 'off'>>();
  return (file, rule) => {
    const config = configOf?.(file);
    if (!config) return undefined;
    let severities = byConfig.get(config);
    if (!severities) byConfig.set(config, (severities = new Map(effectiveRules(SET_RULES, config).map((e) => [e.rule.id, e.severity]))));
    return severities.get(rule);
  };
}

/**
 * `team.parent`: a team id of the set (a duplicated id names the charter with the smallest path),
 * else a `/`-separated path relative to the charter's folder that names a charter of the set.
 * Absolute paths, URLs and paths leaving the root name nothing.
 */
function parentResolver(charters: readonly CharterSummary[], aliases: ReadonlyMap<string, string> | undefined): SetContext['parentOf'] {
  const byTeamId = new Map<string, CharterSummary>();
  for (const c of charters) if (c.team.id && !byTeamId.has(c.team.id.text)) byTeamId.set(c.team.id.text, c);
  const byFile = new Map(charters.map((c) => [c.file, c]));
  return (charter) => {
    const parent = charter.team.parent?.text;
    if (parent === undefined) return null;
    const byId = byTeamId.get(parent);
    if (byId) return byId;
    if (parent.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(parent) || parent.includes('\\')) return undefined;
    const target = joinRelative(charter.file, parent);
    if (target === undefined) return undefined;
    return byFile.get(target) ?? byFile.get(aliases?.get(target) ?? '') ?? undefined;
  };
}

/** `a/b/team-charter.yaml` + `../c/x.charter.yaml` → `a/c/x.charter.yaml`; undefined when it leaves the root. */
export function joinRelative(from: string, relative: string): string | undefined {
  const parts = from.split('/').slice(0, -1);
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
