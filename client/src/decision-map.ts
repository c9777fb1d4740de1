// "Team Charter: Show decision map": a webview beside the charter with its decision-rights matrix,
// check-in calendar and findings, drawn by the language server from its current analysis (custom
// requests in server/src/contract/requests.ts) and redrawn after every check. Clicking a cell
// reveals the line it comes from. With several charters in the workspace folder, a second tab
// shows the organisation view.
import * as vscode from 'vscode';
import { DECISION_MAP_REQUEST, ORGANISATION_MAP_REQUEST } from '../../server/src/contract/requests';
import type { DecisionMapResult, OrganisationMapResult } from '../../server/src/contract/requests';
import { isCharterDocument } from './charter-files';
import { decisionMapPage, makeNonce } from './decision-map-page';
import { COMMANDS } from './ids';
import type { CharterServer } from './server-client';

export const DECISION_MAP_VIEW = 'teamCharter.decisionMap';

type PageMessage = { type: 'ready' } | { type: 'organisation' } | { type: 'reveal'; line: number; character: number };

export class DecisionMaps implements vscode.Disposable {
  private readonly panels = new Map<string, DecisionMapPanel>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly server: CharterServer) {
    this.disposables = [
      vscode.commands.registerCommand(COMMANDS.showDecisionMap, (uri?: vscode.Uri) => this.show(uri)),
      // Every publish of diagnostics is a new check of that document: redraw its map.
      server.onDidValidate(({ uri }) => void this.panels.get(uri)?.refresh()),
    ];
  }

  async show(uri?: vscode.Uri): Promise<void> {
    const doc = uri
      ? await vscode.workspace.openTextDocument(uri)
      : (vscode.window.activeTextEditor?.document ?? vscode.window.visibleTextEditors.find((e) => isCharterDocument(e.document))?.document);
    if (!doc || !isCharterDocument(doc)) {
      void vscode.window.showInformationMessage('Team Charter: open a team-charter.yaml (or *.charter.yaml) file to see its decision map.');
      return;
    }
    const key = doc.uri.toString();
    const open = this.panels.get(key);
    if (open) return open.reveal();
    const client = await this.server.start();
    if (!client) {
      void vscode.window.showWarningMessage('Team Charter is disabled (teamCharter.enable) or its server is not running.');
      return;
    }
    const panel = new DecisionMapPanel(doc.uri, this.server, () => this.panels.delete(key));
    this.panels.set(key, panel);
    await panel.refresh();
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

class DecisionMapPanel {
  private readonly panel: vscode.WebviewPanel;
  private ready = false;
  private hasPage = false;
  private showingOrganisation = false;
  private latest: DecisionMapResult | undefined;

  constructor(
    private readonly uri: vscode.Uri,
    private readonly server: CharterServer,
    onDispose: () => void,
  ) {
    this.panel = vscode.window.createWebviewPanel(
      DECISION_MAP_VIEW,
      'Decision map',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // Scripts only for the page's own nonce'd script (clicks, updates); no local files either.
      { enableScripts: true, localResourceRoots: [] },
    );
    this.panel.onDidDispose(onDispose);
    this.panel.webview.onDidReceiveMessage((m: PageMessage) => void this.onMessage(m));
    // A hidden webview is unloaded; shown again, it restarts from its page and says "ready".
    this.panel.onDidChangeViewState(() => {
      if (!this.panel.visible) this.ready = false;
    });
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    this.panel.dispose();
  }

  async refresh(): Promise<void> {
    const client = await this.server.start();
    if (!client) return;
    let result: DecisionMapResult | null;
    try {
      result = await client.sendRequest<DecisionMapResult | null>(DECISION_MAP_REQUEST, { uri: this.uri.toString() });
    } catch (error) {
      this.server.output.appendLine(`[client] decision map request failed: ${String(error)}`);
      return;
    }
    if (!result) return;
    this.latest = result;
    this.panel.title = `Decision map: ${result.title}`;
    if (!this.hasPage) {
      this.hasPage = true;
      this.panel.webview.html = decisionMapPage(result, makeNonce());
    } else if (this.ready) {
      void this.panel.webview.postMessage({ type: 'charter', html: result.html, workspaceCharters: result.workspaceCharters });
    }
    if (this.showingOrganisation) await this.refreshOrganisation();
  }

  private async refreshOrganisation(): Promise<void> {
    const client = await this.server.start();
    if (!client) return;
    const result = await client.sendRequest<OrganisationMapResult | null>(ORGANISATION_MAP_REQUEST, { uri: this.uri.toString() }).catch(() => null);
    if (result) void this.panel.webview.postMessage({ type: 'organisation', html: result.html });
  }

  private async onMessage(message: PageMessage): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.ready = true;
        this.showingOrganisation = false;
        if (this.latest) void this.panel.webview.postMessage({ type: 'charter', html: this.latest.html, workspaceCharters: this.latest.workspaceCharters });
        return;
      case 'organisation':
        this.showingOrganisation = true;
        return this.refreshOrganisation();
      case 'reveal':
        return this.revealLine(message.line, message.character);
    }
  }

  /** Shows the charter where it is already open (else beside the map), cursor on that line. */
  private async revealLine(line: number, character: number): Promise<void> {
    if (!Number.isInteger(line) || line < 0) return;
    const doc = await vscode.workspace.openTextDocument(this.uri);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const at = doc.validatePosition(new vscode.Position(line, Number.isInteger(character) && character >= 0 ? character : 0));
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
