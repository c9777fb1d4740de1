// schemas/charterrc.schema.json: generated from the rule definitions and committed, so it must be
// up to date; it accepts every config in the repository, and it rejects exactly the configs whose
// problems it can express (the language server reports the others, so nothing is reported twice).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { configSchema, configSchemaText } from '../../server/src/engine/config-schema';
import { checkConfig, parseConfigText } from '../../server/src/engine/config';
import { configProblems } from '../../server/src/engine/config-problems';
import { ruleDocsUrl, rules } from '../../server/src/lint';
import { ROOT } from '../helpers/fixtures';

const SCHEMA_FILE = path.join(ROOT, 'schemas/charterrc.schema.json');

function compile() {
  // Strict, so a misspelt keyword fails here; the editor-only keywords VS Code and Red Hat's YAML read are declared.
  const ajv = new Ajv({ strict: true, strictTuples: false, allErrors: true });
  ajv.addKeyword('markdownDescription');
  ajv.addKeyword('markdownEnumDescriptions');
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
}

/** Every `.charterrc.*` in the repository outside node_modules and build output. */
function configFilesInRepo(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!['node_modules', '.git', 'out', 'dist'].includes(e.name) && !path.join(dir, e.name).includes(path.join('test', 'e2e', 'cache'))) walk(path.join(dir, e.name));
      } else if (/^\.charterrc\.(ya?ml|json)$/.test(e.name)) found.push(path.join(dir, e.name));
    }
  };
  walk(ROOT);
  return found.sort();
}

describe('config schema (schemas/charterrc.schema.json)', () => {
  it('is up to date with the rule definitions (npm run schema rewrites it)', () => {
    assert.equal(fs.readFileSync(SCHEMA_FILE, 'utf8'), configSchemaText(rules, ruleDocsUrl), 'schemas/charterrc.schema.json is out of date: run npm run schema');
  });

  it('names every rule with its description, default severity and page, and every option with its type, range and default', () => {
    const schema = configSchema(rules, ruleDocsUrl) as { properties: { rules: { properties: Record<string, { description: string; markdownDescription: string; default: string; anyOf: Array<{ items?: Array<{ properties?: Record<string, Record<string, unknown>> }> }> }> } } };
    const entries = schema.properties.rules.properties;
    assert.deepEqual(Object.keys(entries).sort(), rules.map((r) => r.id).sort());
    for (const rule of rules) {
      const entry = entries[rule.id];
      assert.ok(entry.description.startsWith(rule.description), rule.id);
      assert.equal(entry.default, rule.severity, rule.id);
      assert.ok(entry.markdownDescription.includes(ruleDocsUrl(rule.id)), rule.id);
      const options = entry.anyOf[1].items![1].properties ?? {};
      assert.deepEqual(Object.keys(options).sort(), Object.keys(rule.options ?? {}).sort(), rule.id);
      for (const [name, spec] of Object.entries(rule.options ?? {})) {
        const o = options[name];
        assert.equal(o.type, spec.type === 'string-list' ? 'array' : spec.type, `${rule.id}.${name}`);
        assert.deepEqual(o.default, spec.default, `${rule.id}.${name}`);
        if ('minimum' in spec) assert.equal(o.minimum, spec.minimum, `${rule.id}.${name}`);
        if ('exclusiveMinimum' in spec) assert.equal(o.exclusiveMinimum, spec.exclusiveMinimum, `${rule.id}.${name}`);
        if ('maximum' in spec) assert.equal(o.maximum, spec.maximum, `${rule.id}.${name}`);
        assert.ok(String(o.description).startsWith(spec.description), `${rule.id}.${name}`);
      }
    }
  });

  it('accepts every .charterrc.* in the repository', () => {
    const files = configFilesInRepo();
    assert.ok(files.length >= 3, `found only ${files.length} config files`);
    for (const file of files) {
      const config = parseConfigText(fs.readFileSync(file, 'utf8'), file);
      assert.ok(validate(config), `${path.relative(ROOT, file)}: ${JSON.stringify(validate.errors)}`);
      assert.deepEqual(checkConfig(config, rules), [], path.relative(ROOT, file));
    }
  });

  const withOptions = rules.find((r) => Object.values(r.options ?? {}).some((o) => o.type === 'integer' && o.minimum !== undefined))!;
  const [intName, intSpec] = Object.entries(withOptions.options!).find(([, o]) => o.type === 'integer' && o.minimum !== undefined)! as [string, { minimum: number; default: number }];
  const anyRule = rules[0].id;
  const cases: Array<[string, unknown]> = [
    ['an empty file (read as {})', parseConfigText('', '.charterrc.yaml')],
    ['rules with nothing under them', { rules: null }],
    ['severity words, warn included', { rules: { [anyRule]: 'warn', [withOptions.id]: 'off' } }],
    ['severity and options', { rules: { [withOptions.id]: ['error', { [intName]: intSpec.default + 1 }] } }],
    ['an x- key', { 'x-owner': 'platform', rules: {} }],
    ['a $schema key', { $schema: './node_modules/team-charter/schemas/charterrc.schema.json', rules: {} }],
    ['ignores', { ignores: ['archive/', '**/*.draft.charter.yaml'] }],
    ['a misspelt severity', { rules: { [anyRule]: 'warnig' } }],
    ['a severity that is no word', { rules: { [anyRule]: 3 } }],
    ['options that are not a map', { rules: { [withOptions.id]: ['error', 7] } }],
    ['three items', { rules: { [withOptions.id]: ['error', {}, {}] } }],
    ['an option of the wrong type', { rules: { [withOptions.id]: ['error', { [intName]: 'many' }] } }],
    ['an option out of range', { rules: { [withOptions.id]: ['error', { [intName]: intSpec.minimum - 1 }] } }],
    ['a fractional integer option', { rules: { [withOptions.id]: ['error', { [intName]: intSpec.minimum + 0.5 }] } }],
    ['an unknown top-level key', { rule: {} }],
    ['ignores that is not a list', { ignores: 'archive/' }],
    ['an ignores entry that is not a string', { ignores: [3] }],
    ['an empty glob', { ignores: [''] }],
    ['a config that is a list', ['rules']],
    // Left to the language server (did-you-mean, glob syntax): the schema accepts these.
    ['an unknown rule id', { rules: { 'owner-mising': 'off' } }],
    ['an unknown option', { rules: { [withOptions.id]: ['error', { nonsense: 1 }] } }],
    ['a glob with braces', { ignores: ['*.{yaml,yml}'] }],
    ['a negated glob', { ignores: ['!keep.charter.yaml'] }],
  ];
  let validate: ReturnType<typeof compile>;
  before(() => (validate = compile()));
  for (const [name, config] of cases) {
    it(`rejects ${name} exactly when a problem is marked as expressed by the schema`, () => {
      const problems = configProblems(config, rules);
      const expressed = problems.filter((p) => p.inSchema);
      assert.equal(validate(config), expressed.length === 0, `schema errors: ${JSON.stringify(validate.errors)}; problems: ${JSON.stringify(problems)}`);
    });
  }

  it('leaves did-you-mean and glob syntax to the server: those problems exist but the schema accepts them', () => {
    const problems = configProblems({ rules: { 'owner-mising': 'off', [withOptions.id]: ['error', { [intName.slice(0, -1)]: 1 }] }, ignores: ['teams\\old'] }, rules);
    assert.deepEqual(
      problems.map((p) => [p.path.join('.'), p.at, p.inSchema]),
      [
        ['ignores.0', 'value', false],
        ['rules.owner-mising', 'key', false],
        [`rules.${withOptions.id}.1.${intName.slice(0, -1)}`, 'key', false],
      ],
    );
    assert.match(problems[1].message, /did you mean "owner-missing"/);
    assert.match(problems[2].message, new RegExp(`did you mean "${intName}"`));
    assert.match(problems[0].message, /separate folders with "\/" \("teams\/old"\)/);
  });
});
