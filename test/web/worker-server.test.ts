// The web server bundle (dist/web/server.js) started as a Worker in headless Chromium, against the
// Node server (dist/server.js) on the same texts and configs: the same diagnostics, code actions and
// hover; the config and the other charters of the set read through the client's file requests
// (organisation findings across files included); and a client without those requests still gets
// each charter checked alone, with its settings.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ORGANISATION_MAP_REQUEST } from '../../server/src/contract/requests';
import type { OrganisationMapResult } from '../../server/src/contract/requests';
import { launchChromium } from '../helpers/chromium';
import { ROOT, baseCharterWith } from '../helpers/fixtures';
import { TestClient, ensureBuilt, positionOf, tempDir, uriOf } from '../lsp/client';
import { WorkerServer } from './worker-client';

const SCRIPT = path.join(ROOT, 'dist/web/server.js');
const ORG_ON = { teamCharter: { organisation: { enable: true } } };
/** The browser has no TEAM_CHARTER_TODAY: the Node server is told the browser's date. */
const today = () => new Date().toISOString().slice(0, 10);

/** Base charter with findings: no owner on a decision, a misspelt cadence, a reference in the wrong case. */
const CHARTER = baseCharterWith(['    owner: ben\n    boundary: team\n', '    boundary: team\n'], ['    cadence: weekly\n    owner: ana', '    cadence: weekyl\n    owner: ana']);
/** Makes owner-missing (an error by default) a warning: visible only when the config is read. */
const CONFIG = 'rules:\n  owner-missing: warning\n';
const withTeam = (text: string, id: string) => text.replace('team:\n  id: payments\n', `team:\n  id: ${id}\n`);

const WS = 'vscode-test-web://mount/charters';
const webUri = (rel: string) => `${WS}/${rel}`;

/** A diagnostic with every URI written relative to its workspace folder, so two servers' diagnostics compare. */
function portable(diagnostics: Diagnostic[], folder: string): unknown[] {
  const rel = (uri: string) => (uri.startsWith(folder + '/') ? uri.slice(folder.length + 1) : uri);
  return diagnostics.map((d) => ({ ...d, relatedInformation: d.relatedInformation?.map((r) => ({ ...r, location: { ...r.location, uri: rel(r.location.uri) } })) }));
}

function portableActions(actions: CodeAction[], uri: string): unknown[] {
  return actions.map((a) => ({ title: a.title, kind: a.kind, isPreferred: a.isPreferred, edits: a.edit?.changes?.[uri], diagnostics: a.diagnostics?.map((d) => d.code) }));
}

describe('web server bundle (dist/web/server.js) in a browser Worker', function () {
  this.timeout(90_000);
  let browser: Browser;
  let dir: string;
  let node: TestClient;
  let web: WorkerServer;
  const nodeUri = (rel: string) => uriOf(path.join(dir, rel));

  /** The same files on disk (for the Node server) and in the page's file map (for the worker). */
  const FILES: Record<string, string> = {
    '.charterrc.yaml': CONFIG,
    'payments/team-charter.yaml': CHARTER,
    // A second charter with the same team id: an organisation finding across the two files.
    'billing/team-charter.yaml': withTeam(baseCharterWith(), 'payments'),
    'growth.charter.yaml': withTeam(baseCharterWith(), 'growth'),
    'node_modules/dep/team-charter.yaml': withTeam(baseCharterWith(), 'payments'),
  };

  before(async () => {
    ensureBuilt();
    browser = await launchChromium();
    dir = tempDir('charter-web-');
    for (const [rel, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    node = await TestClient.start({ folders: [dir], initializationOptions: ORG_ON, env: { TEAM_CHARTER_TODAY: today() } });
    web = await WorkerServer.start(browser, {
      script: SCRIPT,
      folders: [WS],
      files: Object.fromEntries(Object.entries(FILES).map(([rel, text]) => [webUri(rel), text])),
      initializationOptions: ORG_ON,
    });
  });
  after(async () => {
    await web?.stop();
    await node?.stop();
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers initialize like the Node server', () => {
    assert.equal(web.initializeResult.serverInfo?.name, 'team-charter-language-server');
    assert.deepEqual(web.initializeResult, node.initializeResult);
  });

  it('publishes for a didOpen the same diagnostics as the Node server, its .charterrc and the other charters read through the client', async () => {
    await node.open(nodeUri('payments/team-charter.yaml'), CHARTER);
    await web.open(webUri('payments/team-charter.yaml'), CHARTER);
    const hasDuplicate = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'team-id-duplicate');
    const fromNode = await node.diagnostics(nodeUri('payments/team-charter.yaml'), hasDuplicate, 15000);
    const fromWeb = await web.diagnostics(webUri('payments/team-charter.yaml'), hasDuplicate);
    assert.deepEqual(portable(fromWeb.diagnostics, WS), portable(fromNode.diagnostics, uriOf(dir)));

    // The config was read through teamCharter/readFile: owner-missing is a warning.
    assert.equal(fromWeb.diagnostics.find((d) => d.code === 'owner-missing')?.severity, 2);
    // The organisation finding points into the other file the page served (not into node_modules).
    const duplicate = fromWeb.diagnostics.find((d) => d.code === 'team-id-duplicate')!;
    assert.deepEqual(duplicate.relatedInformation?.map((r) => r.location.uri), [webUri('billing/team-charter.yaml')]);
    const requests = await web.fileRequests();
    assert.ok(requests.some((r) => r.method === 'teamCharter/readFile' && r.params.uri === webUri('.charterrc.yaml')), 'the config is read through the client');
    assert.ok(requests.some((r) => r.method === 'teamCharter/findFiles' && r.params.base === WS), 'the set is listed through the client');
    assert.ok(!requests.some((r) => r.params.uri?.includes('node_modules')), 'nothing under node_modules is read');
  });

  it('answers code actions like the Node server: quick fixes, suppressions and fix-all', async () => {
    const ask = async (server: TestClient | WorkerServer, uri: string) => {
      const published = await server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'cadence-invalid'));
      const cadence = published.diagnostics.find((d) => d.code === 'cadence-invalid')!;
      return server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: cadence.range, context: { diagnostics: [cadence] } });
    };
    const fromWeb = await ask(web, webUri('payments/team-charter.yaml'));
    const fromNode = await ask(node, nodeUri('payments/team-charter.yaml'));
    assert.ok(fromWeb.some((a) => a.title.includes('weekly') && a.isPreferred), JSON.stringify(fromWeb.map((a) => a.title)));
    assert.deepEqual(portableActions(fromWeb, webUri('payments/team-charter.yaml')), portableActions(fromNode, nodeUri('payments/team-charter.yaml')));
  });

  it('answers hover like the Node server, with the member\'s weight across the charters the client serves', async () => {
    const position = positionOf(CHARTER, '  - id: ana', 8);
    const fromWeb = await web.request<Hover>('textDocument/hover', { textDocument: { uri: webUri('payments/team-charter.yaml') }, position });
    const fromNode = await node.request<Hover>('textDocument/hover', { textDocument: { uri: nodeUri('payments/team-charter.yaml') }, position });
    const value = (fromWeb.contents as { value: string }).value;
    assert.match(value, /Ana Silva/);
    assert.match(value, /\*\*Across the 3 charters of this repository\*\*/);
    assert.deepEqual(fromWeb, fromNode);
  });

  it('draws the organisation view of the decision map over the charters the client serves', async () => {
    const result = await web.request<OrganisationMapResult>(ORGANISATION_MAP_REQUEST, { uri: webUri('payments/team-charter.yaml') });
    assert.equal(result.charters, 3);
    assert.match(result.html, /growth/);
  });
});

describe('web server bundle with a client that cannot read files', function () {
  this.timeout(60_000);
  let browser: Browser;
  before(async () => {
    ensureBuilt();
    browser = await launchChromium();
  });
  after(async () => browser?.close());

  for (const fileRequests of ['method-not-found', 'silent'] as const) {
    it(`${fileRequests === 'silent' ? 'no answer within 2 s' : 'MethodNotFound'}: each charter is checked alone, with settings from initializationOptions and workspace/configuration`, async () => {
      const web = await WorkerServer.start(browser, {
        script: SCRIPT,
        folders: [WS],
        fileRequests,
        // Would make owner-missing a warning if the server could read it.
        files: { [webUri('.charterrc.yaml')]: CONFIG, [webUri('billing/team-charter.yaml')]: CHARTER },
        initializationOptions: { teamCharter: { rules: { 'cadence-invalid': 'off' } } },
        settings: { rules: { 'mission-missing': 'error' } },
      });
      try {
        const uri = webUri('payments/team-charter.yaml');
        await web.open(uri, CHARTER.replace(/^mission: .*\n/m, ''));
        const published = await web.diagnostics(uri, (p) => p.diagnostics.length > 0);
        const codes = published.diagnostics.map((d) => d.code);
        assert.ok(codes.includes('owner-missing'), JSON.stringify(codes));
        assert.equal(published.diagnostics.find((d) => d.code === 'owner-missing')?.severity, 1, 'default severity: no config was read');
        assert.ok(!codes.includes('cadence-invalid'), 'initializationOptions.teamCharter applies');
        assert.equal(published.diagnostics.find((d) => d.code === 'mission-missing')?.severity, 1, 'workspace/configuration applies');
        assert.ok(!codes.includes('team-id-duplicate'), 'a set of one: the other charter is never read');
        assert.ok(web.configurationRequests.length > 0);
      } finally {
        await web.stop();
      }
    });
  }
});
