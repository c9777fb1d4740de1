// With Red Hat's YAML language server applying schemas/charterrc.schema.json (as `yamlValidation`
// makes it do in VS Code) and our server told so, every problem of a config is reported once: the
// schema's by the YAML server, did-you-mean and globs by ours.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers/fixtures';
import { MINIMAL_CAPABILITIES, TestClient, tempDir, uriOf } from './client';

const YAML_LS = path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');

const CONFIG = [
  'rules:',
  '  owner-mising: off',
  '  checkin-too-frequent: [warnig, { minDays: -1 }]',
  '  priorities-too-many: [error, { maxx: 3, max: 2.5 }]',
  '  mission-missing: info',
  'ignores:',
  '  - "*.{yaml,yml}"',
  '  - 3',
  'rule: {}',
  '',
].join('\n');

describe('language server: .charterrc.yaml beside the YAML language server', function () {
  this.timeout(60000);
  let dir: string;
  before(() => (dir = tempDir()));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the schema reports types, severities, ranges and unknown keys; our server the rest; nothing twice', async () => {
    const file = path.join(dir, '.charterrc.yaml');
    fs.writeFileSync(file, CONFIG);
    const uri = uriOf(file);
    const schema = uriOf(path.join(ROOT, 'schemas/charterrc.schema.json'));
    const yamlSettings = { validate: true, hover: true, completion: true, schemas: { [schema]: ['.charterrc.yaml'] }, schemaStore: { enable: false } };
    const yamlLs = await TestClient.start({ script: YAML_LS, folders: [dir], capabilities: MINIMAL_CAPABILITIES, sections: { yaml: yamlSettings } });
    const ours = await TestClient.start({ folders: [dir], initializationOptions: { configFileSchema: { yaml: true } } });
    try {
      await yamlLs.pushSettings({ yaml: yamlSettings });
      await yamlLs.open(uri, CONFIG);
      await ours.open(uri, CONFIG);
      const theirs = (await yamlLs.diagnostics(uri, (p) => p.diagnostics.length > 0, 30000)).diagnostics;
      const mine = (await ours.diagnostics(uri)).diagnostics;
      const at = (d: Diagnostic) => CONFIG.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.line === d.range.start.line ? d.range.end.character : undefined);
      const words = (ds: Diagnostic[]) => ds.map(at).sort();
      assert.deepEqual(words(mine), ['"*.{yaml,yml}"', 'maxx', 'owner-mising'], JSON.stringify(mine.map((d) => d.message)));
      const reported = words(theirs);
      for (const word of ['warnig', '-1', '2.5', '3', 'rule']) assert.ok(reported.includes(word), `the YAML server reports ${word}: ${JSON.stringify(theirs.map((d) => [at(d), d.message]))}`);
      for (const word of words(mine)) assert.ok(!reported.includes(word), `reported twice: ${word}`);
    } finally {
      await yamlLs.stop();
      await ours.stop();
    }
  });
});
