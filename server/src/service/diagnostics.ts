// Findings → LSP diagnostics. `data` carries what code actions need to find the finding again
// (rule, entry, ordinal) so they never depend on message text or exact ranges.
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { EntryRef, Finding, Severity } from '../engine/model';
import { ruleById } from '../lint';
import { DIAGNOSTIC_SOURCE } from '../contract/ids';
import type { CharterView as CharterState } from './state';

export const SOURCE = DIAGNOSTIC_SOURCE;
export const EDITOR_DOCS = 'https://github.com/team-charter/team-charter/blob/main/docs/editor.md';
/** Codes of the diagnostics the server adds about itself (not engine rules; see docs/editor.md). */
export const CONFIG_INVALID = 'config-invalid';
export const CHECK_FAILED = 'check-failed';

export interface DiagnosticData {
  rule: string;
  entry?: EntryRef;
  /** Position among the findings with the same rule and entry (0 = first). */
  n: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Identifies a finding by rule and entry: stable while lines move. */
export function findingKey(rule: string, entry: EntryRef | undefined): string {
  if (!entry) return rule;
  return `${rule}|${entry.section}|${entry.id !== undefined ? `id:${entry.id}` : `#${entry.index ?? ''}`}`;
}

/** Each finding with its `data` (ordinals counted in the engine's sorted order). */
export function withData(findings: readonly Finding[]): Array<{ finding: Finding; data: DiagnosticData }> {
  const counts = new Map<string, number>();
  return findings.map((finding) => {
    const key = findingKey(finding.rule, finding.entry);
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    return { finding, data: { rule: finding.rule, ...(finding.entry ? { entry: finding.entry } : {}), n } };
  });
}

export function toDiagnostic(uri: string, finding: Finding, data: DiagnosticData): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: finding.docs },
    source: SOURCE,
    message: finding.message,
    data,
  };
  // A related place in another charter of the set carries that charter's URI (the workspace index sets it).
  if (finding.related?.length) diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: r.file ?? uri, range: r.range }, message: r.message }));
  const tags = ruleById(finding.rule)?.traits?.tags ?? [];
  if (tags.length) diagnostic.tags = tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  return diagnostic;
}

const LINE_ONE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Everything to publish for one charter version. */
export function diagnosticsFor(state: CharterState): Diagnostic[] {
  const uri = state.doc.uri;
  const out: Diagnostic[] = [];
  const config = state.config;
  if (config.error || config.problems.length) {
    const broken = config.error !== undefined;
    const what = broken ? config.error! : config.problems.join('; ');
    out.push({
      range: LINE_ONE,
      severity: broken ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: CONFIG_INVALID,
      codeDescription: { href: `${EDITOR_DOCS}#config-invalid` },
      source: SOURCE,
      message: broken
        ? `the config file cannot be used, so default rule settings apply: ${oneLine(what)}`
        : `the config file has problems, which are ignored: ${oneLine(what)}`,
      relatedInformation: config.uri ? [{ location: { uri: config.uri, range: LINE_ONE }, message: 'the config file' }] : undefined,
      data: { rule: CONFIG_INVALID, n: 0 },
    });
  }
  if (state.error) {
    out.push({
      range: LINE_ONE,
      severity: DiagnosticSeverity.Error,
      code: CHECK_FAILED,
      codeDescription: { href: `${EDITOR_DOCS}#check-failed` },
      source: SOURCE,
      message: `the check failed on this file, so no findings are shown: ${oneLine(state.error.message)}. The error is in the server log`,
      data: { rule: CHECK_FAILED, n: 0 },
    });
  }
  if (state.analysis) for (const { finding, data } of withData(state.analysis.findings)) out.push(toDiagnostic(uri, finding, data));
  return out;
}

function oneLine(text: string): string {
  const first = text.split('\n')[0].trim();
  return first.length > 200 ? first.slice(0, 197) + '…' : first;
}
