// Analyses → ReportData: per charter its matrix, calendar and findings grouped by rule; for a set
// of several charters the organisation view. Pure: the caller reads the files and runs `analyze`.
import { SEVERITY_ORDER } from '../engine/model';
import type { Analysis } from '../lint';
import { sortFindings } from '../lint';
import { checkinCalendar } from './calendar';
import { decisionMatrix } from './matrix';
import { organisationView } from './organisation';
import { textOf } from './source';
import type { CharterInput, CharterReport, FindingGroup, ReportData, ReportFinding } from './types';

export interface BuildOptions {
  /** Draw the organisation view when the set has several charters (default true). */
  organisation?: boolean;
}

export function buildReport(inputs: readonly CharterInput[], options: BuildOptions = {}): ReportData {
  const charters = inputs.map(charterReport);
  const organisation = options.organisation !== false && inputs.length > 1 ? organisationView(inputs) : undefined;
  return { charters, ...(organisation ? { organisation } : {}) };
}

export function charterReport(input: CharterInput): CharterReport {
  const { analysis } = input;
  const findings: ReportFinding[] = sortFindings([...analysis.findings, ...(input.orgFindings ?? []).map((f) => ({ ...f, organisation: true }))]);
  if (input.tooLarge) {
    return {
      path: input.path,
      team: {},
      state: 'too-large',
      tooLarge: input.tooLarge,
      matrix: { columns: [], rows: [] },
      calendar: { checkins: [], people: [], cells: [] },
      findings,
      groups: groupByRule(findings),
    };
  }
  return {
    path: input.path,
    team: teamOf(analysis),
    state: analysis.model.syntaxErrors.length > 0 ? 'broken-yaml' : 'ok',
    matrix: decisionMatrix(analysis, findings),
    calendar: checkinCalendar(analysis, findings),
    findings,
    groups: groupByRule(findings),
  };
}

function teamOf(analysis: Analysis): CharterReport['team'] {
  const team = analysis.model.team;
  if (!team) return {};
  const out: CharterReport['team'] = {};
  for (const key of ['id', 'name', 'parent'] as const) {
    const v = textOf(team, key);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Groups by rule; groups ordered by their most severe finding, then rule id. */
export function groupByRule(findings: readonly ReportFinding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup & { worst: number }>();
  findings.forEach((f, i) => {
    let g = groups.get(f.rule);
    if (!g) groups.set(f.rule, (g = { rule: f.rule, docs: f.docs, findings: [], worst: SEVERITY_ORDER[f.severity] }));
    g.findings.push(i);
    g.worst = Math.min(g.worst, SEVERITY_ORDER[f.severity]);
  });
  return [...groups.values()]
    .sort((a, b) => a.worst - b.worst || (a.rule < b.rule ? -1 : 1))
    .map(({ worst: _worst, ...g }) => g);
}
