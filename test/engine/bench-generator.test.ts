// The benchmark generators (test/bench/generate.ts, org-repo.ts) must give the same text for the
// same seed, and charters whose only findings are the planted defects, at about one per 100 lines;
// a generated repository links its charters as a real organisation's do.
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { lint, rules } from '../../server/src/lint';
import path from 'node:path';
import { generateCharter } from '../bench/generate';
import { SHARED_SCOPES, generateRepository } from '../bench/org-repo';
import { DEFECT_RULES } from '../bench/defects';

const TODAY = '2026-11-25';
const registered = new Set(rules.map((r) => r.id));
const key = (line: number, rule: string) => `line ${line + 1}: ${rule}`;

interface Charter {
  team: { id: string; parent?: string };
  members: Array<{ id: string; name: string }>;
  stakeholders?: Array<{ id: string; name: string; kind: string }>;
  decisions?: Array<{ scope: string }>;
}

describe('benchmark charter generator', () => {
  it('gives the same text for the same seed and a different one for another seed', () => {
    const a = generateCharter({ lines: 1000, seed: 7 });
    const b = generateCharter({ lines: 1000, seed: 7 });
    const c = generateCharter({ lines: 1000, seed: 8 });
    assert.equal(a.text, b.text);
    assert.deepEqual(a.defects, b.defects);
    assert.notEqual(a.text, c.text);
  });

  for (const lines of [1000, 10000]) {
    it(`${lines} lines: within 3% of the target, valid YAML, ~1 defect per 100 lines, each found where planted`, () => {
      const g = generateCharter({ lines, seed: 42 });
      assert.ok(Math.abs(g.lineCount - lines) / lines < 0.03, `${g.lineCount} lines`);
      assert.deepEqual(parseDocument(g.text).errors, []);
      const perHundred = (g.defects.length * 100) / g.lineCount;
      assert.ok(perHundred >= 0.9 && perHundred <= 1.1, `${perHundred.toFixed(2)} defects per 100 lines`);

      const findings = lint(g.text, { today: TODAY });
      const expected = g.defects.filter((d) => registered.has(d.rule)).map((d) => key(d.line, d.rule));
      const actual = findings.map((f) => key(f.range.start.line, f.rule));
      assert.deepEqual(
        { missing: expected.filter((e) => !actual.includes(e)), unexpected: actual.filter((a) => !expected.includes(a)) },
        { missing: [], unexpected: [] },
      );
      // The engine confirms the rate: one finding per planted defect.
      assert.equal(findings.length, expected.length);
    });
  }

  it('plants varied kinds: every defect rule appears in a 10,000-line charter', () => {
    const rulesPlanted = new Set(generateCharter({ lines: 10000, seed: 3 }).defects.map((d) => d.rule));
    assert.deepEqual([...rulesPlanted].sort(), DEFECT_RULES);
    assert.ok(DEFECT_RULES.length >= 15, `only ${DEFECT_RULES.length} kinds`);
  });

  it('the first defect is a schema error, so yaml-language-server has something to report', () => {
    const g = generateCharter({ lines: 1000, seed: 11 });
    assert.ok(g.defects.some((d) => d.rule === 'schema-invalid-value'));
  });

  it('with no defects requested, the charter has no findings at all', () => {
    const g = generateCharter({ lines: 2000, seed: 5, defectsPer100Lines: 0 });
    assert.deepEqual(g.defects, []);
    assert.deepEqual(lint(g.text, { today: TODAY }).map((f) => key(f.range.start.line, f.rule)), []);
  });

  describe('generated repository (org-repo.ts)', () => {
    const repo = generateRepository({ charters: 60, seed: 4 });
    const docs = repo.charters.map((c) => parseDocument(c.text).toJS() as Charter);

    it('is the same for the same seed, and charters are about 100–400 lines at distinct paths', () => {
      assert.deepEqual(generateRepository({ charters: 60, seed: 4 }), repo);
      assert.notDeepEqual(generateRepository({ charters: 60, seed: 5 }).charters[3].text, repo.charters[3].text);
      assert.equal(new Set(repo.charters.map((c) => c.path)).size, 60);
      for (const c of repo.charters) assert.ok(c.lines >= 90 && c.lines <= 460, `${c.path}: ${c.lines} lines`);
    });

    it('links every team but the top one to a parent written earlier, by id or by relative path', () => {
      const byPath = new Map(repo.charters.map((c) => [c.path, c]));
      const seen = new Set<string>();
      repo.charters.forEach((c, i) => {
        const parent = docs[i].team.parent;
        if (i === 0) assert.equal(parent, undefined);
        else if (parent!.endsWith('.yaml')) assert.equal(byPath.get(path.posix.normalize(path.posix.join(path.posix.dirname(c.path), parent!)))?.teamId, c.parentId, c.path);
        else assert.equal(parent, c.parentId);
        if (i > 0) assert.ok(seen.has(c.parentId!), `${c.path}: parent ${c.parentId} comes later`);
        seen.add(c.teamId);
      });
      assert.ok(repo.charters.some((c) => c.parent?.endsWith('.yaml')), 'no parent given by path');
    });

    it('people cross charters: person stakeholders are members elsewhere under the same name (a rare first-name spelling aside)', () => {
      const members = new Map(docs.flatMap((d) => d.members.map((m) => [m.id, m.name] as const)));
      assert.equal(members.size, docs.reduce((n, d) => n + d.members.length, 0), 'a person is a member of two teams');
      const people = docs.flatMap((d) => (d.stakeholders ?? []).filter((s) => s.kind === 'person'));
      assert.ok(people.length > 60, `${people.length} person stakeholders`);
      const renamed = people.filter((s) => members.get(s.id) !== s.name);
      for (const s of renamed) assert.equal(members.get(s.id)?.split(' ')[0], s.name, s.id);
      assert.ok(renamed.length <= people.length * 0.05);
      const teams = new Set(repo.charters.map((c) => c.teamId));
      assert.ok(docs.some((d) => (d.stakeholders ?? []).some((s) => s.kind === 'team' && teams.has(s.id))), 'no team stakeholder names a charter');
    });

    it('two teams claim some of the same scopes; otherwise scopes are unique in the repository', () => {
      const claims = new Map<string, number>();
      for (const d of docs) for (const scope of new Set((d.decisions ?? []).map((x) => x.scope).filter(Boolean))) claims.set(scope, (claims.get(scope) ?? 0) + 1);
      const shared = [...claims].filter(([, n]) => n > 1);
      assert.ok(shared.length >= 1, 'no scope claimed twice');
      for (const [scope] of shared) assert.ok(SHARED_SCOPES.includes(scope), `"${scope}" claimed by several teams by accident`);
    });

    it("each charter's findings are exactly its planted defects", () => {
      for (const c of repo.charters.slice(0, 20)) {
        const expected = c.defects.filter((d) => registered.has(d.rule)).map((d) => key(d.line, d.rule)).sort();
        assert.deepEqual(lint(c.text, { today: TODAY }).map((f) => key(f.range.start.line, f.rule)).sort(), expected, c.path);
      }
    });
  });
});
