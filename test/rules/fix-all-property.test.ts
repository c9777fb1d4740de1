// Fix-all (`--fix`, the editor's fix-all and fix on save) on every rule fixture and corpus charter:
// the result parses with no new YAML error, reaches a fixed point, and the safe fixes changed what
// the charter says about people and decisions only as rules.md's "safe-fix property" allows.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { analyze, fixAll } from '../../server/src/lint';
import type { AnalyzeOptions } from '../../server/src/lint';
import { parseConfigText } from '../../server/src/engine/config';
import { editDistance } from '../../server/src/engine/text';
import { BOUNDARIES } from '../../server/src/engine/vocabulary';
import { parseCadence } from '../../server/src/engine/vocabulary';
import { DEFAULT_TODAY, ROOT, fixtureFolders, loadFixtures } from '../helpers/fixtures';

const GUARDED = ['owner', 'approver', 'risk_owner', 'consult', 'inform', 'participants', 'agreed_with', 'cadence', 'boundary', 'done'];
const REFERENCE_FIELDS = new Set(['owner', 'approver', 'risk_owner', 'consult', 'inform', 'participants', 'agreed_with']);
const HOLDERS = ['decisions', 'checkins', 'milestones', 'risks'] as const;

type Data = Record<string, unknown>;

/** The charter as data, merge keys applied (what the fields say, not how they are written). */
function dataOf(text: string): Data {
  const value = parseDocument(text, { merge: true, uniqueKeys: false }).toJS({ maxAliasCount: -1 });
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {};
}

const spelling = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
const items = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);

/** Why a change of one guarded field is not allowed by the safe-fix property (undefined: allowed). */
function forbidden(field: string, before: unknown, after: unknown, entryBefore: Data, entryAfter: Data): string | undefined {
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  // A misspelt key renamed: the value was written under a key within edit distance 2.
  if (before === undefined) {
    const renamed = Object.entries(entryBefore).some(([k, v]) => !(k in entryAfter) && editDistance(k, field, 2) <= 2 && JSON.stringify(v) === JSON.stringify(after));
    return renamed ? undefined : 'a value appeared';
  }
  if (REFERENCE_FIELDS.has(field)) {
    const [b, a] = [items(before), items(after)];
    // Letter case or separators, item by item.
    if (b.length === a.length && b.every((x, i) => spelling(x) === spelling(a[i]))) return undefined;
    // The decision's owner removed from its own consult / inform.
    const owner = String(entryBefore.owner ?? '');
    if ((field === 'consult' || field === 'inform') && owner && JSON.stringify(b.filter((x) => x !== owner)) === JSON.stringify(a)) return undefined;
    return `${JSON.stringify(before)} became ${JSON.stringify(after)}`;
  }
  if (field === 'cadence' || field === 'boundary') {
    const valid = (v: unknown) => typeof v === 'string' && (field === 'cadence' ? parseCadence(v) !== undefined : (BOUNDARIES as readonly string[]).includes(v));
    if (!valid(before) && valid(after) && editDistance(String(before), String(after), 2) <= 2) return undefined;
  }
  return `${JSON.stringify(before)} became ${JSON.stringify(after)}`;
}

function propertyProblems(text: string, options: AnalyzeOptions): string[] {
  const problems: string[] = [];
  const errorsBefore = analyze(text, options).model.syntaxErrors.length;
  const fixed = fixAll(text, options);
  const after = analyze(fixed.text, options);
  if (after.model.syntaxErrors.length > errorsBefore) problems.push(`fix-all broke the YAML: ${after.model.syntaxErrors[0].message}`);
  if (fixAll(fixed.text, options).text !== fixed.text) problems.push('fix-all does not reach a fixed point');
  const [b, a] = [dataOf(text), dataOf(fixed.text)];
  for (const section of HOLDERS) {
    const [listB, listA] = [b[section], a[section]];
    if (!Array.isArray(listB) || !Array.isArray(listA)) continue;
    listB.forEach((entryB, i) => {
      const entryA = listA[i];
      if (!entryB || typeof entryB !== 'object' || !entryA || typeof entryA !== 'object') return;
      for (const field of GUARDED) {
        const why = forbidden(field, (entryB as Data)[field], (entryA as Data)[field], entryB as Data, entryA as Data);
        if (why) problems.push(`${section}[${i}].${field}: ${why}`);
      }
    });
  }
  for (const key of ['intent', 'updates']) {
    const [mb, ma] = [b[key], a[key]];
    if (!mb || typeof mb !== 'object' || !ma || typeof ma !== 'object') continue;
    for (const field of GUARDED) {
      const why = forbidden(field, (mb as Data)[field], (ma as Data)[field], mb as Data, ma as Data);
      if (why) problems.push(`${key}.${field}: ${why}`);
    }
  }
  return problems;
}

function corpusFiles(): string[] {
  const base = path.join(ROOT, 'test/corpus');
  return fs
    .readdirSync(base, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)(team-charter|[^/]+\.charter)\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(base, f));
}

function configBeside(file: string) {
  const found = ['.charterrc.yaml', '.charterrc.yml', '.charterrc.json'].map((f) => path.join(path.dirname(file), f)).find((f) => fs.existsSync(f));
  return found ? parseConfigText(fs.readFileSync(found, 'utf8'), found) : undefined;
}

describe('fix-all keeps what charters say about people and decisions (safe-fix property)', () => {
  for (const rule of fixtureFolders()) {
    for (const f of loadFixtures(rule)) {
      it(`test/rules/${rule}/${f.name}`, () => assert.deepEqual(propertyProblems(f.text, { config: f.config, today: f.today }), []));
    }
  }
  for (const file of corpusFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    const today = /^#\s*today:\s*(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1] ?? DEFAULT_TODAY;
    it(path.relative(ROOT, file), () => assert.deepEqual(propertyProblems(text, { config: configBeside(file), today }), []));
  }

  it('catches a fix that changes who decides (the property is not vacuous)', () => {
    assert.ok(forbidden('owner', 'ana', 'ben', { owner: 'ana' }, { owner: 'ben' }));
    assert.ok(forbidden('cadence', 'daily', 'weekly', {}, {}));
    assert.ok(forbidden('risk_owner', undefined, 'ana', { owner: 'ana' }, { owner: 'ana', risk_owner: 'ana' }));
    assert.equal(forbidden('owner', 'Ana', 'ana', {}, {}), undefined);
    assert.equal(forbidden('consult', ['ana', 'ben'], ['ben'], { owner: 'ana' }, {}), undefined);
    assert.equal(forbidden('cadence', 'weekyl', 'weekly', {}, {}), undefined);
  });
});
