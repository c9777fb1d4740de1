// .charterrc.* in the editor: problems on the exact key or value (with did-you-mean fixes), completion
// of keys, rule ids, severities and options, hover on rules and options — in YAML and in JSON; and
// where the editor checks a kind of config file with the schema itself, only what it cannot express.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent, Range, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/lint';
import { MINIMAL_CAPABILITIES, MISSING_OWNER, TestClient, positionOf, tempDir, uriOf } from './client';

const CURSOR = '¦';

/** The range of the `n`th occurrence of `needle` in `text` (0-based lines and characters). */
function rangeOf(text: string, needle: string, n = 0): Range {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  const pos = (offset: number) => {
    const lines = text.slice(0, offset).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  return { start: pos(at), end: pos(at + needle.length) };
}

const YAML_CONFIG = [
  '# Payments: fewer priorities, calmer check-ins.',
  'rules:',
  '  owner-mising: off',
  '  checkin-too-frequent: [warnig, { minDays: -1 }]',
  '  priorities-too-many: [error, { maxx: 3 }]',
  '  mission-missing: info',
  'ignores:',
  '  - archive/',
  '  - "*.{yaml,yml}"',
  'x-owner: platform',
  '',
].join('\n');

const JSON_CONFIG = JSON.stringify(
  { rules: { 'owner-mising': 'off', 'checkin-too-frequent': ['warnig', { minDays: -1 }], 'priorities-too-many': ['error', { maxx: 3 }], 'mission-missing': 'info' }, ignores: ['archive/', '*.{yaml,yml}'] },
  null,
  2,
);

describe('language server: .charterrc files', function () {
  let dir: string;
  let client: TestClient;
  let n = 0;
  before(async () => {
    dir = tempDir();
    client = await TestClient.start({ folders: [dir] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh folder with the config file open in the editor (and written to disk). */
  async function openConfig(name: string, text: string, on = client): Promise<{ uri: string; folder: string; diagnostics: Diagnostic[] }> {
    const folder = path.join(dir, `f${++n}`);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, name), text);
    const uri = uriOf(path.join(folder, name));
    await on.open(uri, text, name.endsWith('.json') ? 'json' : 'yaml');
    return { uri, folder, diagnostics: (await on.diagnostics(uri)).diagnostics };
  }

  const byMessage = (diagnostics: Diagnostic[], pattern: RegExp) => {
    const found = diagnostics.filter((d) => pattern.test(d.message));
    assert.equal(found.length, 1, `one diagnostic matching ${pattern} in ${JSON.stringify(diagnostics.map((d) => d.message))}`);
    return found[0];
  };

  for (const [name, text, quote] of [
    ['.charterrc.yaml', YAML_CONFIG, ''],
    ['.charterrc.json', JSON_CONFIG, '"'],
  ] as const) {
    it(`${name}: each problem on the exact key or value, with did-you-mean`, async () => {
      const { diagnostics } = await openConfig(name, text);
      const q = (s: string) => quote + s + quote;
      const unknownRule = byMessage(diagnostics, /unknown rule "owner-mising" in config \(did you mean "owner-missing"\?\)/);
      assert.deepEqual(unknownRule.range, rangeOf(text, q('owner-mising')));
      const severity = byMessage(diagnostics, /rule "checkin-too-frequent": severity must be off, info, warning or error, not "warnig" \(did you mean "warning"\?\)/);
      assert.deepEqual(severity.range, rangeOf(text, q('warnig')));
      const range = byMessage(diagnostics, /option "minDays" must be a number > 0, like 7, not -1/);
      assert.deepEqual(range.range, rangeOf(text, '-1'));
      const option = byMessage(diagnostics, /rule "priorities-too-many" has no option "maxx" \(did you mean "max"\?\)/);
      assert.deepEqual(option.range, rangeOf(text, q('maxx')));
      const glob = byMessage(diagnostics, /"ignores": "\*\.\{yaml,yml\}": braces are not expanded/);
      assert.deepEqual(glob.range, rangeOf(text, '"*.{yaml,yml}"'));
      assert.equal(diagnostics.length, 5, JSON.stringify(diagnostics.map((d) => d.message)));
      for (const d of diagnostics) {
        assert.equal(d.severity, 1, 'the CLI stops on any of these: errors');
        assert.equal(d.source, 'team-charter');
        assert.equal(d.code, 'config-invalid');
      }
    });

    it(`${name}: "Change to …" quick fixes replace the misspelt word, and the problems go away`, async () => {
      const { uri, diagnostics } = await openConfig(name, text);
      const wanted = diagnostics.filter((d) => /did you mean/.test(d.message));
      assert.equal(wanted.length, 3);
      const edits: TextEdit[] = [];
      for (const d of wanted) {
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        assert.equal(actions.length, 1, d.message);
        assert.equal(actions[0].isPreferred, true);
        edits.push(...actions[0].edit!.changes![uri]);
      }
      const fixed = applyEdits(text, edits);
      assert.ok(fixed.includes(`${quote}owner-missing${quote}`) && fixed.includes(`${quote}warning${quote}`) && fixed.includes(`${quote}max${quote}`), fixed);
      await client.setText(uri, fixed);
      const after = (await client.diagnostics(uri)).diagnostics;
      assert.deepEqual(after.map((d) => d.message).filter((m) => /did you mean/.test(m)), []);
      assert.equal(after.length, 2, 'the range and the glob are left');
    });
  }

  it('the charter a config with problems governs keeps one finding on line 1 pointing at the config file', async () => {
    const { folder } = await openConfig('.charterrc.yaml', YAML_CONFIG);
    const charter = uriOf(path.join(folder, 'team-charter.yaml'));
    await client.open(charter, MISSING_OWNER);
    const published = await client.diagnostics(charter, (p) => p.diagnostics.some((d) => d.code === 'config-invalid'));
    const problems = published.diagnostics.filter((d) => d.code === 'config-invalid');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].range.start.line, 0);
    assert.match(problems[0].message, /unknown rule "owner-mising"/);
    assert.equal(problems[0].relatedInformation?.[0].location.uri, uriOf(path.join(folder, '.charterrc.yaml')));
    await client.close(charter);
  });

  it('a config YAML cannot read gets one diagnostic where the parser stopped; a clean one gets none', async () => {
    const broken = await openConfig('.charterrc.yaml', 'rules:\n  owner-missing: off\n  owner-missing: info\n');
    assert.equal(broken.diagnostics.length, 1);
    assert.match(broken.diagnostics[0].message, /^the config file cannot be used, so default rule settings apply: .*unique/);
    assert.equal(broken.diagnostics[0].range.start.line, 2);
    const json = await openConfig('.charterrc.json', '{\n  "rules": {\n    "owner-missing": "off",\n  }\n}\n');
    assert.equal(json.diagnostics.length, 1);
    assert.equal(json.diagnostics[0].range.start.line, 3, JSON.stringify(json.diagnostics));
    const clean = await openConfig('.charterrc.yml', 'rules:\n  owner-missing: warn\n  checkin-too-frequent: [error, { minDays: 3 }]\nignores: [archive/]\n');
    assert.deepEqual(clean.diagnostics, []);
  });

  /** Completion at ¦ in a config file. */
  async function complete(name: string, textWithCursor: string, on = client): Promise<{ items: CompletionItem[]; text: string }> {
    const position = positionOf(textWithCursor, CURSOR);
    const text = textWithCursor.replace(CURSOR, '');
    const { uri } = await openConfig(name, text, on);
    const result = await on.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
    return { items: result ? (Array.isArray(result) ? result : result.items) : [], text };
  }
  const find = (items: CompletionItem[], label: string) => {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `${label} in ${items.map((i) => i.label).join(', ')}`);
    return item;
  };
  const apply = (text: string, item: CompletionItem) => applyEdits(text, [item.textEdit as TextEdit]);

  it('completes rule ids under rules (not those already set), with what each checks and its default severity', async () => {
    const { items, text } = await complete('.charterrc.yaml', 'rules:\n  mission-missing: off\n  owner-m¦\n');
    const item = find(items, 'owner-missing');
    assert.ok(!items.some((i) => i.label === 'mission-missing'), 'already set');
    assert.match(item.detail ?? '', /default severity: (error|warning|info)/);
    assert.match((item.documentation as MarkupContent).value, /docs\/rules\/owner-missing\.md/);
    assert.equal(apply(text, item), 'rules:\n  mission-missing: off\n  owner-missing: \n');
    const first = await complete('.charterrc.yaml', 'rules:\n  ¦');
    assert.ok(first.items.length > 30, 'every rule');
  });

  it('completes severities, and [severity, { options }] with the defaults for a rule that has options', async () => {
    const { items, text } = await complete('.charterrc.yaml', 'rules:\n  checkin-too-frequent: ¦\n');
    for (const s of ['off', 'info', 'warning', 'error']) find(items, s);
    const full = items.find((i) => i.label.startsWith('['))!;
    assert.equal(apply(text, full), 'rules:\n  checkin-too-frequent: [warning, { minDays: 7 }]\n');
    const inList = await complete('.charterrc.yaml', 'rules:\n  checkin-too-frequent: [e¦, { minDays: 3 }]\n');
    assert.equal(apply(inList.text, find(inList.items, 'error')), 'rules:\n  checkin-too-frequent: [error, { minDays: 3 }]\n');
  });

  it('completes the option names of the rule in context, with their defaults', async () => {
    const { items, text } = await complete('.charterrc.yaml', 'rules:\n  newcomer-unsupported: [warning, { maxDays: 7, ¦ }]\n');
    assert.ok(!items.some((i) => i.label === 'maxDays'), 'already set');
    const item = find(items, 'maxParticipants');
    assert.match(item.detail ?? '', /an integer ≥ 1, default 4/);
    assert.equal(apply(text, item), 'rules:\n  newcomer-unsupported: [warning, { maxDays: 7, maxParticipants: 4 }]\n');
    const other = await complete('.charterrc.yaml', 'rules:\n  priorities-too-many: [warning, { ¦ }]\n');
    assert.deepEqual(other.items.map((i) => i.label), ['max']);
  });

  it('completes the top-level keys', async () => {
    const { items } = await complete('.charterrc.yaml', 'rules: {}\n¦\n');
    assert.deepEqual(items.map((i) => i.label), ['ignores']);
  });

  it('in .charterrc.json: keys and words come quoted, and inside quotes only the word is replaced', async () => {
    const key = await complete('.charterrc.json', '{\n  "rules": {\n    "owner-m¦"\n  }\n}\n');
    assert.equal(apply(key.text, find(key.items, 'owner-missing')), '{\n  "rules": {\n    "owner-missing": \n  }\n}\n');
    const bare = await complete('.charterrc.json', '{\n  "rules": {\n    "owner-missing": "off",\n    ¦\n  }\n}\n');
    assert.equal(apply(bare.text, find(bare.items, 'mission-missing')), '{\n  "rules": {\n    "owner-missing": "off",\n    "mission-missing": \n  }\n}\n');
    const severity = await complete('.charterrc.json', '{ "rules": { "owner-missing": ¦ } }');
    assert.equal(apply(severity.text, find(severity.items, 'info')), '{ "rules": { "owner-missing": "info" } }');
    const option = await complete('.charterrc.json', '{ "rules": { "checkin-too-frequent": ["error", { "¦" }] } }');
    assert.equal(apply(option.text, find(option.items, 'minDays')), '{ "rules": { "checkin-too-frequent": ["error", { "minDays": 7 }] } }');
  });

  /** Hover at ¦ in a config file. */
  async function hoverAt(name: string, textWithCursor: string): Promise<Hover | null> {
    const position = positionOf(textWithCursor, CURSOR);
    const { uri } = await openConfig(name, textWithCursor.replace(CURSOR, ''));
    return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }
  const markdownOf = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';

  it('hover on a rule id: what it checks, its default severity, its options and its page', async () => {
    const hover = await hoverAt('.charterrc.yaml', 'rules:\n  checkin-too-fre¦quent: [error, { minDays: 3 }]\n');
    const text = markdownOf(hover);
    assert.match(text, /\*\*checkin-too-frequent\*\* · default severity `warning`/);
    assert.match(text, /`minDays`: a number > 0, default `7`/);
    assert.match(text, /\(https:\/\/github\.com\/team-charter\/team-charter\/blob\/main\/docs\/rules\/checkin-too-frequent\.md\)/);
    assert.deepEqual(hover!.range, rangeOf('rules:\n  checkin-too-frequent: [error, { minDays: 3 }]\n', 'checkin-too-frequent'));
    const json = await hoverAt('.charterrc.json', '{ "rules": { "owner-miss¦ing": "off" } }');
    assert.match(markdownOf(json), /\*\*owner-missing\*\*/);
    const unknown = await hoverAt('.charterrc.yaml', 'rules:\n  owner-mis¦ing: off\n');
    assert.match(markdownOf(unknown), /`owner-mising` is not a rule of this version: did you mean `owner-missing`\?/);
  });

  it('hover on an option and on a severity', async () => {
    const option = await hoverAt('.charterrc.yaml', 'rules:\n  checkin-too-frequent: [error, { minD¦ays: 3 }]\n');
    assert.match(markdownOf(option), /\*\*minDays\*\* · option of `checkin-too-frequent`[\s\S]*A number > 0, default `7`/);
    const severity = await hoverAt('.charterrc.yaml', 'rules:\n  checkin-too-frequent: [err¦or, { minDays: 3 }]\n');
    assert.match(markdownOf(severity), /\*\*error\*\* · Findings are errors[\s\S]*default of `checkin-too-frequent` is `warning`/);
  });

  it('where the editor checks .json configs with the schema, only what the schema cannot express is reported there, and no completion or hover is given', async () => {
    const schemaClient = await TestClient.start({ folders: [dir], initializationOptions: { configFileSchema: { json: true } } });
    try {
      const json = await openConfig('.charterrc.json', JSON_CONFIG, schemaClient);
      assert.deepEqual(json.diagnostics.map((d) => d.message.replace(/ \(.*$/, '')).sort(), ['"ignores": "*.{yaml,yml}": braces are not expanded in gitignore-style globs: write one glob per alternative', 'rule "priorities-too-many" has no option "maxx"', 'unknown rule "owner-mising" in config']);
      const completion = await schemaClient.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: json.uri }, position: { line: 2, character: 5 } });
      assert.deepEqual(completion, []);
      assert.equal(await schemaClient.request('textDocument/hover', { textDocument: { uri: json.uri }, position: { line: 2, character: 6 } }), null);
      const broken = await openConfig('.charterrc.json', '{ "rules": { ', schemaClient);
      assert.deepEqual(broken.diagnostics, [], 'the JSON service reports syntax errors');
      // YAML configs are not checked by the editor here: everything is reported.
      const yaml = await openConfig('.charterrc.yaml', YAML_CONFIG, schemaClient);
      assert.equal(yaml.diagnostics.length, 5);
      // The client learns Red Hat's YAML extension was installed.
      await schemaClient.connection.sendNotification('teamCharter/configFileSchema', { json: true, yaml: true });
      const after = await schemaClient.diagnostics(yaml.uri, (p) => p.diagnostics.length === 3);
      assert.ok(!after.diagnostics.some((d) => /severity must be|must be a number/.test(d.message)));
    } finally {
      await schemaClient.stop();
    }
  });

  it('works for clients without dynamic registration or pulled settings, and honours teamCharter.enable', async () => {
    const plain = await TestClient.start({ folders: [dir], capabilities: MINIMAL_CAPABILITIES, initializationOptions: { teamCharter: { enable: false } } });
    try {
      const off = await openConfig('.charterrc.yaml', YAML_CONFIG, plain);
      assert.deepEqual(off.diagnostics, []);
      await plain.pushSettings({ teamCharter: { enable: true } });
      const on = await plain.diagnostics(off.uri, (p) => p.diagnostics.length === 5);
      assert.equal(on.diagnostics.length, 5);
    } finally {
      await plain.stop();
    }
  });
});
