// Runs Neovim's own LSP client (headless, through ../shared/tools/nvim-lsp/probe.sh) against the
// bundled server and checks what a Neovim 0.7 user sees. Skipped when nvim is not installed.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { lint } from '../../server/src/lint';
import { ROOT } from '../helpers/fixtures';
import { SERVER_JS, TODAY, ensureBuilt, tempDir } from './client';

const PROBE = path.resolve(ROOT, '../shared/tools/nvim-lsp/probe.sh');
const FIXTURE_DIR = path.join(ROOT, 'test/lsp/fixtures/neovim');
const FIXTURE = fs.readFileSync(path.join(FIXTURE_DIR, 'team-charter.yaml'), 'utf8');
const SETTINGS = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'settings.json'), 'utf8'));

function nvimMissing(): string | undefined {
  if (!fs.existsSync(PROBE)) return `the probe is not at ${PROBE} (../shared must sit beside the repository)`;
  try {
    execFileSync('nvim', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'nvim is not on PATH (apt-get install -y neovim)';
  }
}

/** `LINE:COL` as the probe wants it: 1-based line, 1-based byte column of `needle` + `delta` characters. */
function at(needle: string, delta = 0): string {
  const offset = FIXTURE.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = FIXTURE.slice(0, offset + delta);
  const lineStart = before.lastIndexOf('\n') + 1;
  return `${before.split('\n').length}:${Buffer.byteLength(before.slice(lineStart)) + 1}`;
}

interface ProbeOutput {
  ok: boolean;
  exit_code: number;
  errors: string[];
  capabilities: Record<string, unknown>;
  diagnostics: Array<{ code: string; source: string; message: string; range: { start: { line: number; character: number } }; codeDescription?: { href: string }; data?: unknown }>;
  code_actions: Array<{ message: string; actions: Array<{ title: string; kind: string; has_edit: boolean }> }>;
  document_symbols: { items: Array<{ text: string; lnum: number }> };
  hover: Array<{ rendered_lines: string[] }>;
  completion: Array<{ popup: Array<{ word: string; menu: string }> }>;
  definition: Array<{ items: Array<{ lnum: number; col: number }> }>;
  first_fix: { title: string; applied: boolean; text_after: string; diagnostics_after: Array<{ code: string }> };
  rename: { prepare: { result: unknown }; text_after: string };
  server_requests: Array<{ method: string }>;
  server_stderr: string[];
}

function runProbe(dir: string, extra: string[]): Promise<ProbeOutput> {
  const file = path.join(dir, 'team-charter.yaml');
  fs.writeFileSync(file, FIXTURE);
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(SETTINGS));
  const out = path.join(dir, 'out.json');
  const args = [PROBE, '--cmd', `env TEAM_CHARTER_TODAY=${TODAY} ${JSON.stringify(process.execPath)} ${JSON.stringify(SERVER_JS)} --stdio`, '--file', file, '--settings', path.join(dir, 'settings.json'), '--timeout', '20', '--settle-ms', '400', '--output', out, ...extra];
  return new Promise((resolve, reject) => {
    execFile('bash', args, { timeout: 150_000, maxBuffer: 50 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!fs.existsSync(out)) return reject(new Error(`probe produced no output (${error?.message}): ${stderr}`));
      resolve(JSON.parse(fs.readFileSync(out, 'utf8')) as ProbeOutput);
    });
  });
}

describe('Neovim 0.7 built-in LSP client (probe)', function () {
  this.timeout(180_000);
  let dir: string;
  let result: ProbeOutput;
  const expected = lint(FIXTURE, { today: TODAY, config: { rules: SETTINGS.teamCharter.rules } });

  before(async function () {
    const missing = nvimMissing();
    if (missing) {
      console.log(`      skipped: ${missing}`);
      this.skip();
    }
    ensureBuilt();
    dir = tempDir('charter-nvim-');
    result = await runProbe(dir, [
      '--hover', at('    owner: ana\n    boundary: escalate', 11),
      '--complete', at('    risk_owner: ben\n    colour', 16),
      '--definition', at('    risk_owner: ben\n    colour', 17),
      '--rename', `${at('    owner: ana\n    boundary: escalate', 12)}:anna`,
      '--apply-first-fix',
    ]);
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts, initializes and publishes without errors', () => {
    assert.deepEqual(result.errors, []);
    assert.equal(result.exit_code, 0);
    assert.equal(result.ok, true);
    assert.deepEqual(result.server_stderr.filter((l) => /error|uncaught/i.test(l)), []);
  });

  it('sees every capability in the initialize result (Neovim 0.7 ignores dynamic registration)', () => {
    const caps = result.capabilities;
    for (const key of ['hoverProvider', 'completionProvider', 'definitionProvider', 'referencesProvider', 'codeActionProvider', 'documentSymbolProvider', 'codeLensProvider', 'executeCommandProvider']) assert.ok(caps[key], key);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
  });

  it('shows the same diagnostics as the engine, with rule codes, and honours pushed settings', () => {
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`),
      expected.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.rule} ${f.message}`),
    );
    assert.ok(!result.diagnostics.some((d) => d.code === 'schema-unknown-key'), 'turned off through didChangeConfiguration');
    for (const d of result.diagnostics) {
      assert.equal(d.source, 'team-charter');
      assert.match(d.codeDescription!.href, new RegExp(`/docs/rules/${d.code}\\.md$`));
    }
  });

  it('offers the quick fixes of each diagnostic', () => {
    const owner = result.code_actions.find((c) => /has no owner/.test(c.message))!;
    assert.ok(owner.actions.some((a) => a.kind === 'quickfix' && /ana/.test(a.title) && a.has_edit), JSON.stringify(owner.actions));
    assert.ok(owner.actions.some((a) => a.title === 'Disable owner-missing for this line'));
    const typo = result.code_actions.find((c) => /"fnance"/.test(c.message))!;
    assert.ok(typo.actions.some((a) => a.title === 'Change to "finance"'), JSON.stringify(typo.actions));
  });

  it('applies the first quick fix, after which that finding is gone', () => {
    assert.equal(result.first_fix.applied, true);
    assert.match(result.first_fix.text_after, /risk_owner: ben\n {4}colour: blue\n {4}owner: ana\n/);
    assert.ok(!result.first_fix.diagnostics_after.some((d) => d.code === 'owner-missing'));
  });

  it('hover (K) shows who a party is', () => {
    const lines = result.hover[0].rendered_lines.join('\n');
    assert.match(lines, /ana.*member — Ana Silva/);
    assert.match(lines, /owns decisions: .*fee-changes/);
  });

  it('completion (omnifunc) offers party ids in a party field', () => {
    const words = result.completion[0].popup.map((p) => p.word);
    for (const id of ['ana', 'ben', 'lead', 'engineer', 'finance']) assert.ok(words.includes(id), `${id} in ${words}`);
  });

  it('go to definition lands on the member declaration', () => {
    const line = FIXTURE.split('\n').findIndex((l) => l === '  - id: ben') + 1;
    assert.deepEqual(result.definition[0].items.map((i) => i.lnum), [line]);
  });

  it('rename (prepareRename, then rename) changes the id and its references in the buffer', () => {
    assert.ok(result.rename.prepare.result, 'prepareRename answered with a range');
    const after = result.rename.text_after;
    assert.match(after, /- id: anna\n/);
    assert.ok(!/\bana\b/.test(after), 'no reference to the old id is left');
  });

  it('lists document symbols by section and entry', () => {
    const texts = result.document_symbols.items.map((i) => i.text);
    assert.ok(texts.includes('[Module] decisions'));
    assert.ok(texts.includes('[Function] payout-batching'));
  });

  it('organisation findings: a charter of the same repository declaring the same team id is read from disk, and related information names it', async () => {
    const repo = tempDir('charter-nvim-org-');
    try {
      fs.mkdirSync(path.join(repo, 'billing'));
      fs.writeFileSync(path.join(repo, 'billing/team-charter.yaml'), FIXTURE.replace('  name: Payments\n', '  name: Billing\n'));
      const org = await runProbe(repo, ['--root', repo]);
      assert.equal(org.exit_code, 0);
      const duplicate = org.diagnostics.find((d) => d.code === 'team-id-duplicate') as (ProbeOutput['diagnostics'][number] & { relatedInformation?: Array<{ location: { uri: string } }> }) | undefined;
      assert.ok(duplicate, JSON.stringify(org.diagnostics.map((d) => d.code)));
      assert.match(duplicate.message, /also declared by billing\/team-charter\.yaml/);
      assert.deepEqual(duplicate.relatedInformation?.map((r) => r.location.uri), [`file://${path.join(repo, 'billing/team-charter.yaml')}`]);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  it('in cursor mode (byte columns, every diagnostic of the line), still finds the right fixes', async () => {
    const cursor = await runProbe(dir, ['--code-action-mode', 'cursor']);
    assert.equal(cursor.exit_code, 0);
    const typo = cursor.code_actions.find((c) => /"fnance"/.test(c.message))!;
    assert.ok(typo.actions.some((a) => a.title === 'Change to "finance"'), JSON.stringify(typo.actions));
    const owner = cursor.code_actions.find((c) => /has no owner/.test(c.message))!;
    assert.ok(owner.actions.some((a) => /ana/.test(a.title)));
  });
});
