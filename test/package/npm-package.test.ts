// The npm package as a user gets it: `npm pack` on a copy of the checkout (its `prepack` builds the
// bundles), `npm install ./team-charter-*.tgz` offline in a folder of its own, then the commands
// through `npx`, exactly as the README tells users to run them. A package with a runtime
// dependency, a missing bundle or a stray file fails here, not on a user's machine.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { BASE_CHARTER, baseCharterWith } from '../helpers/fixtures';
import { launchChromium } from '../helpers/chromium';
import { WorkerServer } from '../web/worker-client';
import { ROOT, checkoutCopy, npmCommand, userEnv, workDir } from './checkout';

const TODAY = '2026-11-25';

/**
 * The CLI commands run from the installed package, in order, in one folder (`init` writes the
 * charter the next ones read). A new command gets one line here.
 */
const COMMANDS: Array<{ args: string[]; status: number; stdout: RegExp }> = [
  { args: ['--version'], status: 0, stdout: /^\d+\.\d+\.\d+/ },
  { args: ['init'], status: 0, stdout: /wrote team-charter\.yaml/ },
  { args: ['lint', 'team-charter.yaml', '--today', TODAY], status: 0, stdout: /team-charter\.yaml:\d+:\d+ +warning +.*placeholder-text/ },
  { args: ['lint', 'examples/', '--today', TODAY], status: 1, stdout: /examples\/growth\/team-charter\.yaml:\d+:\d+ +error +.*owner-placeholder/ },
  { args: ['lint', 'examples/', '--today', TODAY, '--format', 'sarif'], status: 1, stdout: /"version": "2\.1\.0"/ },
  { args: ['diff', 'base/team-charter.yaml', 'head/team-charter.yaml', '--today', TODAY], status: 0, stdout: /check-in "weekly-sync": cadence changed from weekly to daily/ },
  { args: ['report', 'examples/', '--format', 'markdown', '--today', TODAY], status: 0, stdout: /\| Growth \(growth\) \| examples\/growth\/team-charter\.yaml \|/ },
  { args: ['report', 'examples/', '--today', TODAY], status: 0, stdout: /^<!doctype html>[^]*<table class="matrix"/ },
];

/** What the tarball may hold (paths inside `package/`). */
const ALLOWED = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|bin\/[\w-]+\.js|dist\/([\w-]+\/)*[\w-]+\.js|schemas\/[\w-]+\.schema\.json)$/;

function npm(args: string[], cwd: string): string {
  return execFileSync(npmCommand('npm'), args, { cwd, env: userEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 170000 });
}

describe('npm package (npm pack, then npm install of the tarball in an empty folder)', function () {
  this.timeout(180000);
  let tarball: string;
  let packed: { name: string; version: string; files: Array<{ path: string }> };
  let project: string;

  before(() => {
    const work = workDir();
    [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], checkoutCopy()));
    tarball = path.join(work, `${packed.name}-${packed.version}.tgz`);
    project = path.join(work, 'project');
    fs.mkdirSync(project);
    // Its own package.json, so npm installs here and never walks up to a folder above.
    fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "charters", "private": true }\n');
    // Offline: a package without dependencies installs without the registry.
    npm(['install', '--offline', '--no-audit', '--no-fund', tarball], project);
  });

  it('holds the bins, the bundles, the schemas, README, LICENSE and CHANGELOG, and nothing else', () => {
    const files = packed.files.map((f) => f.path).sort();
    assert.deepEqual(files.filter((f) => !ALLOWED.test(f)), [], 'files the package should not hold');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const bins = Object.values(pkg.bin as Record<string, string>).map((b) => path.posix.normalize(b));
    const schemas = fs.readdirSync(path.join(ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json')).map((f) => `schemas/${f}`);
    // dist/web/server.js: the language server as a web worker script, for editors and tests that start it in a browser.
    for (const needed of [...bins, 'dist/cli.js', 'dist/server.js', 'dist/web/server.js', ...schemas, 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) {
      assert.ok(files.includes(needed), `${needed} is missing from the package`);
    }
    // The bundles are the production build: no source maps shipped or linked.
    const cli = fs.readFileSync(path.join(project, 'node_modules/team-charter/dist/cli.js'), 'utf8');
    assert.doesNotMatch(cli, /sourceMappingURL/);
  });

  it('has no runtime dependencies, so installing it needs no registry', () => {
    const installed = JSON.parse(fs.readFileSync(path.join(project, 'node_modules/team-charter/package.json'), 'utf8'));
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies']) {
      assert.deepEqual(Object.keys(installed[field] ?? {}), [], `${field} of the package`);
    }
    assert.deepEqual(fs.readdirSync(path.join(project, 'node_modules')).filter((d) => !d.startsWith('.')), ['team-charter']);
  });

  it('runs every CLI command through npx', () => {
    fs.cpSync(path.join(ROOT, 'examples'), path.join(project, 'examples'), { recursive: true });
    fs.mkdirSync(path.join(project, 'base'));
    fs.mkdirSync(path.join(project, 'head'));
    fs.writeFileSync(path.join(project, 'base/team-charter.yaml'), BASE_CHARTER);
    fs.writeFileSync(path.join(project, 'head/team-charter.yaml'), baseCharterWith(['    cadence: weekly', '    cadence: daily']));
    for (const { args, status, stdout } of COMMANDS) {
      const r = spawnSync(npmCommand('npx'), ['--offline', 'team-charter', ...args], { cwd: project, env: userEnv(), encoding: 'utf8', timeout: 60000 });
      const what = `npx team-charter ${args.join(' ')}`;
      assert.equal(r.status, status, `${what}: exit status\n${r.stdout.slice(-1500)}${r.stderr.slice(-1500)}`);
      assert.match(r.stdout, stdout, what);
    }
    assert.equal(
      spawnSync(npmCommand('npx'), ['--offline', 'team-charter', '--version'], { cwd: project, env: userEnv(), encoding: 'utf8' }).stdout.trim(),
      packed.version,
    );
  });

  it('starts the language server through npx: it answers initialize and publishes diagnostics for an opened charter', async () => {
    const charter = path.join(project, 'team-charter.yaml');
    if (!fs.existsSync(charter)) fs.writeFileSync(charter, baseCharterWith(['    owner: ben\n    boundary: team', '    owner: the team\n    boundary: team']));
    const server = spawn(npmCommand('npx'), ['--offline', 'team-charter-language-server', '--stdio'], { cwd: project, env: userEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    server.stderr.on('data', (d) => (stderr += String(d)));
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    connection.listen();
    try {
      const init = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(project).href,
        workspaceFolders: [{ uri: pathToFileURL(project).href, name: 'project' }],
        capabilities: {},
      });
      assert.equal(init.serverInfo?.name, 'team-charter-language-server', `serverInfo; stderr: ${stderr}`);
      assert.ok(init.capabilities.textDocumentSync, 'the server syncs documents');
      await connection.sendNotification(InitializedNotification.type, {});
      const uri = pathToFileURL(charter).href;
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(charter, 'utf8') },
      });
      const diagnostics = await Promise.race([
        published,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no diagnostics within 20 s; stderr: ${stderr}`)), 20000)),
      ]);
      assert.equal(diagnostics.uri, uri);
      assert.ok(diagnostics.diagnostics.length > 0, 'the starter charter has findings');
      assert.ok(diagnostics.diagnostics.every((d) => typeof d.code === 'string' && d.source === 'team-charter'), JSON.stringify(diagnostics.diagnostics[0]));
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await new Promise<number | null>((resolve) => (server.exitCode !== null ? resolve(server.exitCode) : server.on('exit', resolve)));
      assert.equal(code, 0, `exit code; stderr: ${stderr}`);
    } finally {
      connection.dispose();
      if (server.exitCode === null) server.kill();
    }
  });

  it('starts dist/web/server.js from the installed package as a browser Worker: it answers initialize and checks an opened charter, reading its config through the page', async () => {
    const script = path.join(project, 'node_modules/team-charter/dist/web/server.js');
    assert.doesNotMatch(fs.readFileSync(script, 'utf8'), /sourceMappingURL/);
    const browser = await launchChromium();
    const folder = 'vscode-test-web://mount/project';
    const uri = `${folder}/team-charter.yaml`;
    const text = baseCharterWith(['    owner: ben\n    boundary: team', '    boundary: team']);
    const web = await WorkerServer.start(browser, { script, folders: [folder], files: { [uri]: text, [`${folder}/.charterrc.yaml`]: 'rules:\n  owner-missing: info\n' } });
    try {
      assert.equal(web.initializeResult.serverInfo?.name, 'team-charter-language-server');
      assert.equal(web.initializeResult.serverInfo?.version, packed.version);
      await web.open(uri, text);
      const published = await web.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'owner-missing'));
      assert.equal(published.diagnostics.find((d) => d.code === 'owner-missing')?.severity, 3, 'the .charterrc the page serves applies');
    } finally {
      await web.stop();
      await browser.close();
    }
  });
});
