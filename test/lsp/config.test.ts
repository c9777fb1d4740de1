import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { applyRuleOverrides, layerSettings, parseSettings } from '../../server/src/lsp/settings';
import { MINIMAL_CAPABILITIES, MISSING_OWNER, TestClient, delay, tempDir, uriOf } from './client';

const severityOf = (p: PublishDiagnosticsParams, code: string) => p.diagnostics.find((d) => d.code === code)?.severity;

describe('language server: config files and settings', function () {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('registers a watcher for .charterrc files and re-validates open charters when one changes', async () => {
    const config = path.join(dir, '.charterrc.yaml');
    fs.writeFileSync(config, 'rules:\n  owner-missing: off\n');
    const client = await TestClient.start({ folders: [dir] });
    try {
      await client.until('watcher registration', () => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
      const watcher = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!;
      assert.deepEqual(watcher.registerOptions, { watchers: [{ globPattern: '**/.charterrc.{yaml,yml,json}' }, { globPattern: '**/{team-charter.yaml,team-charter.yml,*.charter.yaml,*.charter.yml}' }] });
      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(uri, MISSING_OWNER);
      const first = await client.diagnostics(uri);
      assert.equal(severityOf(first, 'owner-missing'), undefined, 'turned off by the config');
      fs.writeFileSync(config, 'rules:\n  owner-missing: warning\n');
      const count = client.published.length;
      await client.fileChanged(uriOf(config), 2);
      await client.until('a new publish', () => client.published.slice(count).find((p) => p.uri === uri && severityOf(p, 'owner-missing') === 2));
    } finally {
      await client.stop();
    }
  });

  it('notices a changed config on the next edit when the client sends no file events', async () => {
    const client = await TestClient.start({ folders: [dir], capabilities: MINIMAL_CAPABILITIES });
    try {
      assert.equal(client.registrations.length, 0);
      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(uri, MISSING_OWNER);
      assert.equal(severityOf(await client.diagnostics(uri), 'owner-missing'), 1);
      fs.writeFileSync(path.join(dir, '.charterrc.json'), JSON.stringify({ rules: { 'owner-missing': 'info' } }));
      await client.setText(uri, MISSING_OWNER + '\n');
      assert.equal(severityOf(await client.diagnostics(uri), 'owner-missing'), 3);
    } finally {
      await client.stop();
    }
  });

  it('re-validates when a .charterrc opened in the editor is saved', async () => {
    const config = path.join(dir, '.charterrc.yaml');
    fs.writeFileSync(config, 'rules: {}\n');
    const client = await TestClient.start({ folders: [dir], capabilities: MINIMAL_CAPABILITIES });
    try {
      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(uri, MISSING_OWNER);
      assert.equal(severityOf(await client.diagnostics(uri), 'owner-missing'), 1);
      await client.open(uriOf(config), 'rules: {}\n');
      fs.writeFileSync(config, 'rules:\n  owner-missing: warning\n');
      await client.save(uriOf(config));
      await client.diagnostics(uri, (p) => severityOf(p, 'owner-missing') === 2);
    } finally {
      await client.stop();
    }
  });

  it('a broken config gives one diagnostic on line 1 and a message, and the defaults still apply', async () => {
    const config = path.join(dir, '.charterrc.yaml');
    fs.writeFileSync(config, 'rules: [unclosed\n');
    const client = await TestClient.start({ folders: [dir] });
    try {
      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(uri, MISSING_OWNER);
      const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
      const broken = published.diagnostics.filter((d) => d.code === 'config-invalid');
      assert.equal(broken.length, 1);
      assert.deepEqual(broken[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.equal(broken[0].severity, 1);
      assert.match(broken[0].message, /^the config file cannot be used, so default rule settings apply: .*\.charterrc\.yaml/);
      assert.equal(broken[0].relatedInformation?.[0].location.uri, uriOf(config));
      assert.equal(severityOf(published, 'owner-missing'), 1, 'still checked with the defaults');
      await client.until('an error message', () => client.messages.find((m) => m.type === 1 && /config file cannot be used/.test(m.message)));
      // Fixed: the diagnostic goes away.
      fs.writeFileSync(config, 'rules:\n  owner-missing: warning\n');
      await client.fileChanged(uriOf(config), 2);
      await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'config-invalid') && severityOf(p, 'owner-missing') === 2);
    } finally {
      await client.stop();
    }
  });

  it('reports unknown rule ids in a config as a warning, and applies the rest', async () => {
    fs.writeFileSync(path.join(dir, '.charterrc.yaml'), 'rules:\n  owner-mising: off\n  owner-missing: warning\n');
    const client = await TestClient.start({ folders: [dir] });
    try {
      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(uri, MISSING_OWNER);
      const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
      const problem = published.diagnostics.find((d) => d.code === 'config-invalid')!;
      assert.equal(problem.severity, 2);
      assert.match(problem.message, /unknown rule "owner-mising"/);
      assert.equal(severityOf(published, 'owner-missing'), 2);
    } finally {
      await client.stop();
    }
  });

  it('multi-root: each charter uses the nearest config inside its own workspace folder', async () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    fs.mkdirSync(path.join(a, 'teams/payments'), { recursive: true });
    fs.mkdirSync(b);
    fs.writeFileSync(path.join(dir, '.charterrc.yaml'), 'rules:\n  owner-missing: off\n'); // above both folders: not used
    fs.writeFileSync(path.join(a, '.charterrc.yaml'), 'rules:\n  owner-missing: info\n');
    const client = await TestClient.start({ folders: [a, b] });
    try {
      const inA = uriOf(path.join(a, 'teams/payments/team-charter.yaml'));
      const inB = uriOf(path.join(b, 'team-charter.yaml'));
      await client.open(inA, MISSING_OWNER);
      await client.open(inB, MISSING_OWNER);
      assert.equal(severityOf(await client.diagnostics(inA), 'owner-missing'), 3);
      assert.equal(severityOf(await client.diagnostics(inB), 'owner-missing'), 1);
    } finally {
      await client.stop();
    }
  });

  it('follows workspace folders added later: the config lookup then goes up to the new folder', async () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    fs.writeFileSync(path.join(dir, '.charterrc.yaml'), 'rules:\n  owner-missing: info\n');
    const client = await TestClient.start({ folders: [a] });
    try {
      const uri = uriOf(path.join(b, 'team-charter.yaml'));
      await client.open(uri, MISSING_OWNER);
      // rules.md "Root": no .git and no workspace folder: a set of one, nothing above its folder is read.
      assert.equal(severityOf(await client.diagnostics(uri), 'owner-missing'), 1, 'outside every folder: no config above its own folder');
      await client.changeFolders([dir], []);
      await client.diagnostics(uri, (p) => severityOf(p, 'owner-missing') === 3);
    } finally {
      await client.stop();
    }
  });

  it('a charter matched by `ignores` in a .charterrc gets no diagnostics; un-ignored, it is checked again', async () => {
    const config = path.join(dir, '.charterrc.yaml');
    fs.writeFileSync(config, 'ignores: [fixtures/]\n');
    const client = await TestClient.start({ folders: [dir] });
    try {
      const uri = uriOf(path.join(dir, 'fixtures/team-charter.yaml'));
      await client.open(uri, MISSING_OWNER);
      assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
      fs.writeFileSync(config, 'ignores: []\n');
      await client.fileChanged(uriOf(config), 2);
      await client.diagnostics(uri, (p) => severityOf(p, 'owner-missing') === 1);
    } finally {
      await client.stop();
    }
  });

  it('pulls settings per document and re-pulls after didChangeConfiguration', async () => {
    const client = await TestClient.start({ folders: [dir], settings: { rules: { 'owner-missing': 'warning' } } });
    try {
      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(uri, MISSING_OWNER);
      assert.equal(severityOf(await client.diagnostics(uri), 'owner-missing'), 2);
      assert.ok(client.configurationRequests.some((r) => r.section === 'teamCharter' && r.scopeUri === uri));
      client.settings = { rules: { 'owner-missing': 'info' } };
      await client.pushSettings(null); // VS Code's pull model: the notification carries nothing
      await client.diagnostics(uri, (p) => severityOf(p, 'owner-missing') === 3);
    } finally {
      await client.stop();
    }
  });

  it('accepts pushed settings from a client that does not answer workspace/configuration (Neovim, Helix)', async () => {
    const client = await TestClient.start({ folders: [dir], capabilities: MINIMAL_CAPABILITIES, initializationOptions: { teamCharter: { rules: { 'owner-missing': 'info' } } } });
    try {
      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(uri, MISSING_OWNER);
      assert.equal(severityOf(await client.diagnostics(uri), 'owner-missing'), 3, 'from initializationOptions');
      assert.equal(client.configurationRequests.length, 0);
      await client.pushSettings({ teamCharter: { rules: { 'owner-missing': 'off' } } });
      await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'owner-missing'));
      await client.pushSettings({ teamCharter: { enable: false } });
      await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
      const count = client.published.length;
      await client.setText(uri, MISSING_OWNER.replace('charter: 1', 'charter: 9'));
      await delay(150);
      assert.ok(client.published.slice(count).every((p) => p.diagnostics.length === 0), 'disabled: nothing reported');
    } finally {
      await client.stop();
    }
  });

  it('run: onSave checks on open and save, not while typing', async () => {
    const client = await TestClient.start({ folders: [dir], settings: { run: 'onSave' } });
    try {
      const uri = uriOf(path.join(dir, 'team-charter.yaml'));
      await client.open(uri, MISSING_OWNER);
      await client.diagnostics(uri, (p) => severityOf(p, 'owner-missing') === 1);
      const count = client.published.length;
      await client.setText(uri, MISSING_OWNER.replace('charter: 1', 'charter: 9'));
      await delay(200);
      assert.equal(client.published.slice(count).filter((p) => p.uri === uri).length, 0);
      await client.save(uri);
      await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unsupported-version'));
    } finally {
      await client.stop();
    }
  });

  it('reads settings defensively and layers them', () => {
    assert.deepEqual(parseSettings({ enable: 'yes', run: 'sometimes', maxFileSize: -1, rules: [], codeLens: { enable: 'no' } }).problems.length, 5);
    assert.deepEqual(layerSettings({ rules: { a: 'off' } }, { run: 'onSave', rules: { b: 'info' }, codeLens: false }), { enable: true, run: 'onSave', maxFileSize: 5 * 1024 * 1024, rules: { a: 'off', b: 'info' }, codeLens: false, organisation: true });
  });

  it('a severity override from the settings keeps the options the config file gave the rule', () => {
    const merged = applyRuleOverrides({ rules: { 'checkin-too-frequent': ['error', { minDays: 3 }], 'owner-missing': 'off' } }, { 'checkin-too-frequent': 'info', 'owner-missing': 'warning' });
    assert.deepEqual(merged.rules, { 'checkin-too-frequent': ['info', { minDays: 3 }], 'owner-missing': 'warning' });
  });
});
