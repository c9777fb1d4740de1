// The extension manifest (package.json) must agree with the client code and the rule registry:
// a user sees its commands in the palette, its settings in the Settings editor, and its
// activation events decide whether anything runs at all.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CHARTER_FILE_PATTERN as CHARTER_GLOB, COMMANDS, CONFIG_FILE_NAME, CONFIG_FILE_PATTERN, CONFIG_FILE_PATTERN as CONFIG_GLOB, SETTINGS_SECTION, isCharterUri, isConfigFileUri } from '../../server/src/contract';
import { CONFIG_FILE_NAMES } from '../../server/src/engine/config';
import Ajv from 'ajv';
import { rules } from '../../server/src/lint';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const settings = pkg.contributes.configuration.properties;

/** `{a,b}` brace expansion, then `**` / `*` to a regular expression over a file path. */
function globToRegExps(glob: string): RegExp[] {
  const m = /\{([^{}]*)\}/.exec(glob);
  if (m) return m[1].split(',').flatMap((alt) => globToRegExps(glob.slice(0, m.index) + alt + glob.slice(m.index + m[0].length)));
  const body = glob
    .split('**/')
    .map((part) => part.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))
    .join('(?:.*/)?');
  return [new RegExp(`^${body}$`)];
}
const matches = (glob: string, file: string) => globToRegExps(glob).some((re) => re.test(file));

const NAMES: Array<[string, boolean]> = [
  ['team-charter.yaml', true],
  ['team-charter.yml', true],
  ['payments.charter.yaml', true],
  ['payments.charter.yml', true],
  ['team-charter.json', false],
  ['my-team-charter.yaml', false],
  ['charter.yaml', false],
  ['team-charter.yaml.bak', false],
  ['Team-Charter.yaml', false],
];

describe('extension manifest', () => {
  it('teamCharter.rules takes a severity or [severity, options] for any rule id, and rejects other values', () => {
    // No per-rule entries: adding a rule must not touch the manifest (rule file, docs page, fixtures only).
    const validate = new Ajv({ strict: false }).compile(settings['teamCharter.rules']);
    const ok = (value: unknown) => validate(value) === true;
    for (const rule of rules) assert.ok(ok({ [rule.id]: 'off' }) && ok({ [rule.id]: [rule.severity, {}] }), rule.id);
    assert.ok(ok({ 'checkin-too-frequent': ['error', { minDays: 3 }] }));
    assert.ok(!ok({ 'owner-missing': 'loud' }));
    assert.ok(!ok({ 'owner-missing': ['error', 7] }));
    assert.ok(!ok({ 'Owner Missing': 'off' }));
    assert.match(settings['teamCharter.rules'].markdownDescription, /docs\/rules/);
  });

  it('names every setting under the contract\'s settings section', () => {
    for (const key of Object.keys(settings)) assert.ok(key.startsWith(`${SETTINGS_SECTION}.`), key);
  });

  it('declares the settings the server reads, with the documented value sets', () => {
    assert.equal(settings['teamCharter.enable'].type, 'boolean');
    assert.deepEqual(settings['teamCharter.run'].enum, ['onType', 'onSave']);
    assert.equal(settings['teamCharter.maxFileSize'].type, 'number');
    assert.equal(settings['teamCharter.codeLens.enable'].type, 'boolean');
    assert.equal(settings['teamCharter.codeLens.enable'].default, true);
    assert.deepEqual(settings['teamCharter.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  it('contributes exactly the commands the client registers, under the "Team Charter" category', () => {
    const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).sort());
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'Team Charter', c.command);
    const titles = pkg.contributes.commands.map((c: { title: string }) => c.title).sort();
    assert.deepEqual(titles, ['Check all charters in the workspace', 'Fix all problems', 'New charter', 'Restart server', 'Show decision map', 'Show output']);
  });

  it('offers the decision map in the palette and as an editor-title button, for charter files only', () => {
    const when = (menu: string) => pkg.contributes.menus[menu].find((m: { command: string }) => m.command === COMMANDS.showDecisionMap)?.when as string;
    for (const menu of ['commandPalette', 'editor/title']) {
      const re = new RegExp(/resourceFilename =~ \/(.*)\/$/.exec(when(menu))![1]);
      assert.ok(re.test('team-charter.yaml') && re.test('payments.charter.yml') && !re.test('other.yaml'), menu);
    }
    assert.ok(pkg.contributes.commands.find((c: { command: string }) => c.command === COMMANDS.showDecisionMap).icon);
  });

  it('activates on charter files in the workspace, and the selector and file-name test agree', () => {
    const workspaceGlobs = pkg.activationEvents
      .filter((e: string) => e.startsWith('workspaceContains:'))
      .map((e: string) => e.slice('workspaceContains:'.length));
    for (const [name, isCharter] of NAMES) {
      const file = `teams/payments/${name}`;
      assert.equal(isCharterUri(`file:///work/${file}`), isCharter, `isCharterUri(${name})`);
      assert.equal(matches(CHARTER_GLOB, file), isCharter, `document selector glob vs ${name}`);
      assert.equal(workspaceGlobs.some((g: string) => matches(g, file)), isCharter, `workspaceContains vs ${name}`);
    }
  });

  it('offers "Fix all problems" in the palette only for charter files', () => {
    const entry = pkg.contributes.menus.commandPalette.find((m: { command: string }) => m.command === COMMANDS.fixAll);
    const re = new RegExp(/resourceFilename =~ \/(.*)\/$/.exec(entry.when)![1]);
    for (const [name, isCharter] of NAMES) assert.equal(re.test(name), isCharter, name);
  });

  it('declares it runs in untrusted workspaces and in virtual ones (github.dev, vscode.dev), with a browser entry the build writes', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, true);
    assert.match(pkg.capabilities.virtualWorkspaces.description, /browser/);
    const build = fs.readFileSync(path.join(ROOT, 'scripts/build.mjs'), 'utf8');
    for (const entry of [pkg.main, pkg.browser]) {
      assert.ok(typeof entry === 'string', 'main and browser are set');
      assert.ok(build.includes(`out: '${path.posix.normalize(entry)}'`), `scripts/build.mjs writes ${entry}`);
    }
    // The web worker server is built too, and shipped next to the browser client.
    assert.ok(build.includes("out: 'dist/web/server.js'"));
  });

  it('contributes the config schema to JSON (.charterrc.json) and to Red Hat\'s YAML extension (.charterrc.yaml, .charterrc.yml)', () => {
    const schemaOf = (entries: Array<{ fileMatch: string | string[]; url: string }>, name: string) =>
      entries.find((e) => [e.fileMatch].flat().some((m) => matches(m.includes('/') ? m : `**/${m}`, `teams/payments/${name}`)))?.url;
    assert.equal(schemaOf(pkg.contributes.jsonValidation, '.charterrc.json'), './schemas/charterrc.schema.json');
    for (const name of ['.charterrc.yaml', '.charterrc.yml']) assert.equal(schemaOf(pkg.contributes.yamlValidation, name), './schemas/charterrc.schema.json', name);
    assert.equal(schemaOf(pkg.contributes.yamlValidation, 'team-charter.yaml'), undefined);
    assert.ok(fs.existsSync(path.join(ROOT, 'schemas/charterrc.schema.json')));
  });

  it('the client sends config files to the server exactly when the server treats them as config files', () => {
    for (const [name, isConfig] of [['.charterrc.yaml', true], ['.charterrc.yml', true], ['.charterrc.json', true], ['.charterrc', false], ['charterrc.yaml', false], ['.charterrc.yaml.bak', false], ['x.charterrc.json', false]] as const) {
      const file = `teams/payments/${name}`;
      assert.equal(CONFIG_FILE_NAME.test(name), isConfig, name);
      assert.equal(matches(CONFIG_GLOB, file), isConfig, `document selector vs ${name}`);
      assert.equal(matches(CONFIG_FILE_PATTERN, file), isConfig, `server watcher vs ${name}`);
      assert.equal(isConfigFileUri(`file:///work/${file}`), isConfig, `server vs ${name}`);
    }
    for (const name of CONFIG_FILE_NAMES) assert.ok(CONFIG_FILE_NAME.test(name), `the engine reads ${name}`);
  });
});
