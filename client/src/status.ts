// The language status item of charters ({} in the status bar): finding counts of the active
// charter and when it was last checked, so a silent server is noticeable.
import * as vscode from 'vscode';
import { CHARTER_FILTER, isCharterDocument } from './charter-files';
import { COMMANDS, DIAGNOSTIC_SOURCE } from './ids';
import { CharterServer } from './server-client';

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countFindings(diagnostics: readonly vscode.Diagnostic[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 errors, 1 warning" / "No problems": the words the Problems panel uses. */
export function describeCounts(c: Counts): string {
  const parts = [
    c.errors ? plural(c.errors, 'error') : '',
    c.warnings ? plural(c.warnings, 'warning') : '',
    c.infos ? plural(c.infos, 'info') : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'No problems';
}

export class CharterStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('teamCharter.status', CHARTER_FILTER);
  private readonly validatedAt = new Map<string, Date>();
  private readonly disposables: vscode.Disposable[] = [];
  private serverState: 'starting' | 'running' | 'stopped' = 'starting'; // the server starts with the first charter

  constructor(server: CharterServer) {
    this.item.name = 'Team Charter';
    this.disposables.push(
      this.item,
      server.onDidChangeState((state) => {
        this.serverState = state;
        this.update();
      }),
      server.onDidValidate(({ uri }) => {
        this.validatedAt.set(uri, new Date());
        this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.validatedAt.delete(doc.uri.toString())),
    );
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const item = this.item;
    item.busy = this.serverState === 'starting';
    if (!CharterServer.enabled()) {
      Object.assign(item, { text: '$(circle-slash) Team Charter off', detail: 'teamCharter.enable is false', severity: vscode.LanguageStatusSeverity.Information });
      item.command = { title: 'Settings', command: 'workbench.action.openSettings', arguments: ['teamCharter.enable'] };
      return;
    }
    if (this.serverState === 'stopped') {
      Object.assign(item, { text: 'Team Charter server stopped', detail: '', severity: vscode.LanguageStatusSeverity.Warning });
      item.command = { title: 'Restart', command: COMMANDS.restartServer };
      return;
    }
    if (!doc || !isCharterDocument(doc)) return;
    const counts = countFindings(vscode.languages.getDiagnostics(doc.uri));
    const at = this.validatedAt.get(doc.uri.toString());
    // VS Code shows the severity's icon itself for errors and warnings.
    item.text = counts.errors || counts.warnings ? describeCounts(counts) : `$(pass) ${describeCounts(counts)}`;
    item.detail = at ? `checked at ${at.toLocaleTimeString()}` : 'not checked yet';
    item.severity = counts.errors
      ? vscode.LanguageStatusSeverity.Error
      : counts.warnings
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
    item.command = { title: 'Show problems', command: 'workbench.actions.view.problems' };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
