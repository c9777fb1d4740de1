// The decision map's requests (server/src/contract/requests.ts) over the real server: the matrix of
// the document as edited, a banner on broken YAML, nothing drawn above maxFileSize, and the
// organisation view of the workspace folder (open documents as edited, the others from disk).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DECISION_MAP_REQUEST, ORGANISATION_MAP_REQUEST } from '../../server/src/contract/requests';
import type { DecisionMapResult, OrganisationMapResult } from '../../server/src/contract/requests';
import { ROOT } from '../helpers/fixtures';
import { TestClient, tempDir, uriOf } from './client';

const FIXTURES = path.join(ROOT, 'test/report/fixtures/org');

describe('language server: the decision map requests', function () {
  this.timeout(30000);
  let client: TestClient;
  let dir: string;
  let uri: string;
  let text: string;
  before(async () => {
    dir = tempDir();
    for (const team of ['platform', 'payments', 'checkout']) {
      fs.mkdirSync(path.join(dir, team));
      fs.copyFileSync(path.join(FIXTURES, team, 'team-charter.yaml'), path.join(dir, team, 'team-charter.yaml'));
    }
    client = await TestClient.start({ folders: [dir], initializationOptions: { teamCharter: { organisation: { enable: true } } } });
    uri = uriOf(path.join(dir, 'payments/team-charter.yaml'));
    text = fs.readFileSync(path.join(dir, 'payments/team-charter.yaml'), 'utf8');
    await client.open(uri, text);
    await client.diagnostics(uri);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const map = () => client.request<DecisionMapResult | null>(DECISION_MAP_REQUEST, { uri });
  const rowIds = (html: string) => [...html.matchAll(/<th scope="row" data-line="\d+" data-character="\d+"><span class="id">([^<]+)<\/span>/g)].map((m) => m[1]);

  it('draws the open charter: its decisions, letters with the line each comes from, and the workspace size', async () => {
    const result = (await map())!;
    assert.equal(result.state, 'ok');
    assert.equal(result.title, 'Payments');
    assert.equal(result.workspaceCharters, 3);
    assert.deepEqual(rowIds(result.html).slice(0, 3), ['fee-changes', 'payout-provider', 'retry-policy']);
    assert.match(result.html, /<td class="cell" data-party="ana" data-line="42" data-character="14"><abbr title="approver: must approve it">A<\/abbr><abbr title="escalate to[^"]*">E<\/abbr><\/td>/);
    assert.doesNotMatch(result.html, /<script/);
    assert.match(result.styles, /\.tc table/);
  });

  it('follows an edit before it is saved', async () => {
    await client.setText(uri, text.replace('  - id: retry-policy', '  - id: retry-rules'));
    await client.diagnostics(uri);
    const result = (await map())!;
    assert.ok(rowIds(result.html).includes('retry-rules'));
    assert.ok(!rowIds(result.html).includes('retry-policy'));
  });

  it('draws what parsed under a banner when the YAML is broken', async () => {
    await client.setText(uri, text.replace('    scope: Which payout provider we use', '    scope: "Which payout provider we use'));
    await client.diagnostics(uri);
    const result = (await map())!;
    assert.equal(result.state, 'broken-yaml');
    assert.match(result.html, /<p class="banner broken" role="note">This file's YAML does not parse \(line \d+/);
    assert.ok(rowIds(result.html).includes('fee-changes'));
    await client.setText(uri, text);
  });

  it('says why it is empty above maxFileSize', async () => {
    client.settings = { maxFileSize: 500 };
    await client.pushSettings({ teamCharter: client.settings });
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => /size limit/.test(d.message)));
    const result = (await map())!;
    assert.equal(result.state, 'too-large');
    assert.match(result.html, /above the 0\.0 MB size limit \(<code>maxFileSize<\/code>\): it is listed, not drawn/);
    assert.doesNotMatch(result.html, /class="matrix"/);
    client.settings = {};
    await client.pushSettings({ teamCharter: client.settings });
    await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => /size limit/.test(d.message)));
  });

  it('draws the organisation view of the workspace folder, an open charter as edited', async () => {
    await client.setText(uri, text.replace('  name: Payments\n', '  name: Payouts\n'));
    await client.diagnostics(uri);
    const result = (await client.request<OrganisationMapResult | null>(ORGANISATION_MAP_REQUEST, { uri }))!;
    assert.equal(result.charters, 3);
    assert.match(result.html, /<svg class="tree"/);
    assert.match(result.html, />Payouts</, 'the unsaved name');
    assert.match(result.html, /<td><code>checkout\/team-charter\.yaml<\/code><\/td><td>Payouts<\/td>/, 'checkout (from disk) under the edited payments');
  });

  it('answers null for a document that is not open', async () => {
    assert.equal(await client.request(DECISION_MAP_REQUEST, { uri: uriOf(path.join(dir, 'checkout/team-charter.yaml')) }), null);
    assert.equal(await client.request(DECISION_MAP_REQUEST, {}), null);
  });
});
