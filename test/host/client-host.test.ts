// The client-backed host (the web server's) over an in-memory client: roots are workspace folders,
// ignores and configs work as on disk, `team.parent` paths stay inside the root, and a client that
// does not implement the file requests is asked once and then left alone.
import assert from 'node:assert/strict';
import { ClientHost } from '../../server/src/host/client-host';
import type { SendRequest } from '../../server/src/host/client-host';
import { CHARTER_FILE_NAME } from '../../server/src/contract/files';

const WS = 'vscode-vfs://github/acme/org';

/** A client answering from `files` (URI → text), recording what it was asked. */
function client(files: Record<string, string>) {
  const asked: Array<[string, unknown]> = [];
  const send: SendRequest = async (method, params) => {
    asked.push([method, params]);
    const p = params as { uri: string; base: string; exclude: string | null };
    if (method === 'teamCharter/readFile') return p.uri in files ? { text: files[p.uri] } : null;
    if (method === 'teamCharter/findFiles') return Object.keys(files).filter((u) => u.startsWith(p.base + '/') && CHARTER_FILE_NAME.test(u.split('/').pop()!));
    throw Object.assign(new Error('unknown method'), { code: -32601 });
  };
  return { send, asked };
}

const uris = (list: Array<{ path: string }>) => list.map((c) => c.path.slice(WS.length + 1));

describe('host: the client host (web server)', () => {
  it('roots a charter at its workspace folder (the longest), and a charter outside every folder alone, searching nothing', async () => {
    const { send, asked } = client({});
    const host = new ClientHost(send, { workspaceFolders: [WS, `${WS}/teams/`] });
    assert.deepEqual(await host.rootOf(`${WS}/a/team-charter.yaml`), { dir: WS, by: 'workspace' });
    assert.deepEqual(await host.rootOf(`${WS}/teams/b/team-charter.yaml`), { dir: `${WS}/teams`, by: 'workspace' });
    const alone = await host.rootOf('vscode-vfs://github/other/repo/x.charter.yaml');
    assert.deepEqual(alone, { dir: 'vscode-vfs://github/other/repo', by: 'alone' });
    assert.deepEqual((await host.listCharters(alone)).charters, []);
    assert.equal(asked.length, 0);
  });

  it('lists the charters of the root, sorted, without node_modules, .git or what an ignores glob of a config on the way matches', async () => {
    const { send } = client({
      [`${WS}/.charterrc.yaml`]: 'ignores: [fixtures/]\n',
      [`${WS}/teams/.charterrc.json`]: JSON.stringify({ ignores: ['draft.charter.yaml'] }),
      [`${WS}/teams/b/team-charter.yaml`]: '',
      [`${WS}/teams/a/team-charter.yml`]: '',
      [`${WS}/teams/a/draft.charter.yaml`]: '',
      [`${WS}/fixtures/team-charter.yaml`]: '',
      [`${WS}/node_modules/x/team-charter.yaml`]: '',
      [`${WS}/.git/team-charter.yaml`]: '',
      [`${WS}/draft.charter.yaml`]: '',
    });
    const host = new ClientHost(send, { workspaceFolders: [WS] });
    const root = await host.rootOf(`${WS}/teams/b/team-charter.yaml`);
    assert.deepEqual(uris((await host.listCharters(root)).charters), ['draft.charter.yaml', 'teams/a/team-charter.yml', 'teams/b/team-charter.yaml']);
    assert.equal(await host.ignoredBy(`${WS}/teams/a/draft.charter.yaml`, root), `${WS}/teams/.charterrc.json`);
    assert.equal(await host.ignoredBy(`${WS}/fixtures/team-charter.yaml`, root), `${WS}/.charterrc.yaml`);
  });

  it('takes the rules of the nearest config and the ignores of every config from the root down, the first of .yaml, .yml, .json in a folder', async () => {
    const { send } = client({
      [`${WS}/.charterrc.yml`]: 'rules:\n  owner-missing: off\nignores: [a/]\n',
      [`${WS}/.charterrc.json`]: '{ "rules": { "owner-missing": "info" } }',
      [`${WS}/teams/.charterrc.yaml`]: 'rules:\n  owner-missing: warning\n',
    });
    const host = new ClientHost(send, { workspaceFolders: [WS] });
    const root = await host.rootOf(WS);
    const governing = await host.configFor(`${WS}/teams/x/team-charter.yaml`, root);
    assert.deepEqual(governing.chain.map((c) => c.path), [`${WS}/.charterrc.yml`, `${WS}/teams/.charterrc.yaml`]);
    assert.deepEqual(governing.rules?.config?.rules, { 'owner-missing': 'warning' });
  });

  it('resolves team.parent paths from the charter\'s folder to files the client has, never above the root', async () => {
    const { send } = client({ [`${WS}/platform/team-charter.yaml`]: '', 'vscode-vfs://github/acme/team-charter.yaml': '' });
    const host = new ClientHost(send, { workspaceFolders: [WS] });
    const root = await host.rootOf(WS);
    const from = `${WS}/teams/a/team-charter.yaml`;
    assert.equal(await host.resolveRelative(from, '../../platform/team-charter.yaml', root), `${WS}/platform/team-charter.yaml`);
    assert.equal(await host.resolveRelative(from, '../../../team-charter.yaml', root), undefined);
    assert.equal(await host.resolveRelative(from, '../../missing/team-charter.yaml', root), undefined);
    assert.equal(await host.resolveRelative(from, 'https://example.test/x.yaml', root), undefined);
  });

  it('a client that answers MethodNotFound is asked once: then every charter is alone, unread, without a config', async () => {
    let calls = 0;
    const send: SendRequest = async () => {
      calls++;
      throw Object.assign(new Error('Unhandled method teamCharter/readFile'), { code: -32601 });
    };
    const host = new ClientHost(send, { workspaceFolders: [WS] });
    const root = await host.rootOf(`${WS}/team-charter.yaml`);
    assert.deepEqual((await host.configFor(`${WS}/team-charter.yaml`, root)).chain, []);
    assert.ok(host.unsupported);
    assert.deepEqual((await host.listCharters(root)).charters, []);
    assert.ok((await host.readCharter(`${WS}/team-charter.yaml`, root)).skipped);
    assert.equal(calls, 1);
  });

  it('a client that answers with another error still counts as implementing the requests (that file is unreadable)', async () => {
    let calls = 0;
    const send: SendRequest = async () => {
      calls++;
      throw Object.assign(new Error('FileSystemError'), { code: -32603 });
    };
    const host = new ClientHost(send, { workspaceFolders: [WS] });
    const root = await host.rootOf(`${WS}/team-charter.yaml`);
    assert.deepEqual((await host.configFor(`${WS}/team-charter.yaml`, root)).chain, []);
    assert.ok(!host.unsupported);
    await host.readCharter(`${WS}/team-charter.yaml`, root);
    assert.ok(calls > 3, 'asked again for each file');
  });
});
