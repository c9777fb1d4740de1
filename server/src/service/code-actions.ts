// Code actions: every fix of every finding as a quickfix, "Disable <rule> for this line / file",
// and "Fix all safe problems" (kind source.fixAll.team-charter). Diagnostics from the client are
// matched to findings by `data` (rule, entry, ordinal), then by rule and line: Neovim 0.7 sends
// byte columns and the cursor position, so exact ranges are never relied on.
import { CodeActionKind } from 'vscode-languageserver-types';
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit as LspTextEdit } from 'vscode-languageserver-protocol';
import type { Finding } from '../engine/model';
import { ruleById } from '../lint';
import type { CharterView as CharterState } from './state';
import { SOURCE, findingKey, toDiagnostic, withData } from './diagnostics';
import type { DiagnosticData } from './diagnostics';
import { fixAllEdits, hasSafeFix } from './fix-all';
import { FIX_ALL_KIND } from '../contract/ids';
import { FIX_ALL_TITLE } from './titles';
import { disableForFileEdit, disableForLineEdit } from './suppress-edits';

/** Rules whose findings are not offered a suppression comment (their traits say so). */
const notSuppressible = (rule: string) => ruleById(rule)?.traits?.suppressible === false;

interface Matched {
  finding: Finding;
  diagnostic: Diagnostic;
}

export function codeActions(state: CharterState, params: CodeActionParams): CodeAction[] {
  const analysis = state.analysis;
  if (!analysis) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const uri = state.doc.uri;
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const matched = matchFindings(state, params);
    for (const { finding, diagnostic } of matched) {
      const safeCount = finding.fixes.filter((f) => f.safe).length;
      for (const fix of finding.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.safe && safeCount === 1 ? true : undefined,
          edit: { changes: { [uri]: fix.edits as LspTextEdit[] } },
        });
      }
    }
    // Suppressions after every real fix, one per rule and line.
    const text = state.doc.getText();
    const offered = new Set<string>();
    for (const { finding, diagnostic } of matched) {
      const line = finding.range.start.line;
      if (notSuppressible(finding.rule) || offered.has(`${finding.rule}:${line}`)) continue;
      offered.add(`${finding.rule}:${line}`);
      const lineEdit = disableForLineEdit(text, analysis, line, finding.rule);
      if (lineEdit) actions.push({ title: `Disable ${finding.rule} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [lineEdit] } } });
    }
    for (const { finding, diagnostic } of matched) {
      if (notSuppressible(finding.rule) || offered.has(finding.rule)) continue;
      offered.add(finding.rule);
      const fileEdit = disableForFileEdit(text, analysis, finding.rule);
      if (fileEdit) actions.push({ title: `Disable ${finding.rule} for the entire file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [fileEdit] } } });
    }
  }

  if (wants(FIX_ALL_KIND) && hasSafeFix(analysis)) {
    const { edits, fixed } = fixAllEdits(state);
    if (edits.length) actions.push({ title: fixed > 1 ? `${FIX_ALL_TITLE} (${fixed})` : FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits as LspTextEdit[] } } });
  }
  return actions;
}

/** The findings the request is about: the context's diagnostics, or (when it has none) those on the requested lines. */
function matchFindings(state: CharterState, params: CodeActionParams): Matched[] {
  const uri = state.doc.uri;
  const entries = withData(state.analysis?.findings ?? []);
  const byData = new Map(entries.map((e) => [`${findingKey(e.data.rule, e.data.entry)}#${e.data.n}`, e]));
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE || (typeof d.code === 'string' && entries.some((e) => e.finding.rule === d.code)));
  const out: Matched[] = [];
  const seen = new Set<Finding>();
  const add = (finding: Finding, diagnostic: Diagnostic) => {
    if (seen.has(finding)) return;
    seen.add(finding);
    out.push({ finding, diagnostic });
  };

  for (const d of ours) {
    const data = d.data as Partial<DiagnosticData> | undefined;
    let hit = data && typeof data.rule === 'string' && typeof data.n === 'number' ? byData.get(`${findingKey(data.rule, data.entry)}#${data.n}`) : undefined;
    if (!hit) {
      // No usable data: the same rule on the same line, nearest column first, where the column
      // may count UTF-16 units (the LSP default) or bytes (Neovim 0.7).
      const line = d.range?.start?.line;
      const column = d.range?.start?.character ?? 0;
      const lines = state.analysis?.model.lines;
      const lineText = lines && typeof line === 'number' && line >= 0 && line < lines.lineCount ? lines.lineText(line) : '';
      const distance = (f: Finding) => {
        const utf16 = f.range.start.character;
        return Math.min(Math.abs(utf16 - column), Math.abs(utf8Length(lineText.slice(0, utf16)) - column));
      };
      const candidates = entries.filter((e) => e.finding.rule === d.code && e.finding.range.start.line === line);
      candidates.sort((a, b) => distance(a.finding) - distance(b.finding));
      hit = candidates[0];
    }
    if (hit) add(hit.finding, d);
  }

  if (params.context.diagnostics.length === 0) {
    const { start, end } = params.range;
    for (const e of entries) {
      const r = e.finding.range;
      if (r.start.line <= end.line && r.end.line >= start.line) add(e.finding, toDiagnostic(uri, e.finding, e.data));
    }
  }
  return out;
}

const encoder = new TextEncoder();

/** Bytes of `text` in UTF-8 (Neovim 0.7's columns). */
function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
