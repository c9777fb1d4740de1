// The JSON Schema agrees with charter-format.md, and its findings read as plain sentences on the right nodes.
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { applyEdits, lint } from '../../server/src/lint';
import type { Finding } from '../../server/src/lint';
import { charterSchema, resolveSchema, schemaAt } from '../../server/src/engine/schema';
import type { JsonSchema } from '../../server/src/engine/schema';
import { BASE_CHARTER as BASE, baseCharterWith as charter } from '../helpers/fixtures';

const run = (text: string): Finding[] => lint(text, { today: '2026-11-25' });
const schemaFindings = (text: string) => run(text).filter((f) => f.rule.startsWith('schema-') || f.rule === 'yaml-syntax');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

/** The format page's tables: every object's keys, and which of them are required ("req"/"yes"). */
const FORMAT: Record<string, { keys: string[]; required: string[] }> = {
  '': {
    keys: ['charter', 'team', 'mission', 'vision', 'members', 'roles', 'stakeholders', 'priorities', 'intent', 'decisions', 'checkins', 'milestones', 'updates', 'risks'],
    required: ['charter', 'team', 'members'],
  },
  team: { keys: ['id', 'name', 'parent', 'description'], required: ['id', 'name'] },
  'members/0': { keys: ['id', 'name', 'role', 'experience', 'contact'], required: ['id'] },
  'roles/0': { keys: ['id', 'title', 'responsibilities'], required: ['id'] },
  'stakeholders/0': { keys: ['id', 'name', 'kind'], required: ['id'] },
  'priorities/0': { keys: ['id', 'title', 'why'], required: ['id', 'title'] },
  intent: { keys: ['what', 'why', 'done'], required: [] },
  'decisions/0': { keys: ['id', 'scope', 'owner', 'boundary', 'consult', 'approver', 'inform', 'risk_owner', 'escalate_to', 'revisit'], required: ['id'] },
  // `until` and `minutes`: version 1.1 additions.
  'checkins/0': { keys: ['id', 'cadence', 'milestones', 'owner', 'participants', 'agreed_with', 'purpose', 'format', 'until', 'minutes'], required: ['id'] },
  'milestones/0': { keys: ['id', 'title', 'due', 'owner', 'done', 'status'], required: ['id', 'title'] },
  updates: { keys: ['cadence', 'channel', 'owner', 'covers'], required: [] },
  'risks/0': { keys: ['id', 'description', 'owner', 'mitigation', 'decisions'], required: ['id', 'description'] },
};
const ENUMS: Record<string, string[]> = {
  'members/0/experience': ['new', 'developing', 'proficient', 'expert'],
  'stakeholders/0/kind': ['person', 'team', 'group'],
  'decisions/0/boundary': ['team', 'consult', 'escalate'],
  'milestones/0/status': ['planned', 'in-progress', 'done', 'dropped'],
  'updates/covers/0': ['progress', 'changes', 'issues', 'risks', 'decisions'],
};
const toPath = (p: string) => (p === '' ? [] : p.split('/').map((s) => (/^\d+$/.test(s) ? Number(s) : s)));

describe('charter schema agrees with charter-format.md', () => {
  for (const [where, { keys, required }] of Object.entries(FORMAT)) {
    it(`${where || 'top level'}: defines exactly the format's keys and requires exactly ${required.join(', ') || 'none'}`, () => {
      const s = schemaAt(toPath(where))!;
      assert.deepEqual(Object.keys(s.properties ?? {}).sort(), [...keys].sort());
      assert.deepEqual([...(s.required ?? [])].sort(), [...required].sort());
      assert.equal((s as { additionalProperties?: unknown }).additionalProperties, false, 'unknown keys are reported');
      assert.ok((s as { patternProperties?: Record<string, unknown> }).patternProperties?.['^x-'], 'x- keys are allowed');
      assert.ok((s as { patternProperties?: Record<string, unknown> }).patternProperties?.['^<<$'], 'YAML merge keys are allowed (1.1)');
    });
  }

  it('every field has a description (hover shows it)', () => {
    const missing: string[] = [];
    const visit = (s: JsonSchema | undefined, where: string, depth: number) => {
      const r = resolveSchema(s);
      if (!r || depth > 6) return;
      for (const [key, child] of Object.entries(r.properties ?? {})) {
        if (!resolveSchema(child)?.description) missing.push(`${where}${key}`);
        visit(child, `${where}${key}.`, depth + 1);
      }
      if (r.items) visit(r.items, where, depth + 1);
    };
    visit(charterSchema, '', 0);
    assert.deepEqual(missing, []);
  });

  for (const [where, values] of Object.entries(ENUMS)) {
    it(`${where.replace(/\/0/g, '[]')}: allows exactly ${values.join(', ')}`, () => assert.deepEqual(schemaAt(toPath(where))?.enum, values));
  }

  it('ids, dates and cadences follow the format', () => {
    const id = new RegExp(schemaAt(['members', 0, 'id'])!.pattern!);
    for (const ok of ['ana', 'fee-changes', 'q3-2027']) assert.ok(id.test(ok), ok);
    for (const bad of ['Ana', 'fee_changes', '-x', 'x-', '3d', 'a--b']) assert.ok(!id.test(bad), bad);
    const cadence = JSON.stringify(schemaAt(['checkins', 0, 'cadence']));
    for (const word of ['daily', 'twice-weekly', 'weekly', 'biweekly', 'monthly', 'quarterly', 'on-milestone', 'every [1-9]']) assert.ok(cadence.includes(word), word);
  });
});

describe('schema findings', () => {
  it('the base charter has none', () => assert.deepEqual(run(BASE), []));

  it('messages are plain sentences naming the entry and the value, never validator jargon', () => {
    const text = charter(['    experience: proficient\n', '    experience: profcient\n'], ['    kind: team\n', '    kind: department\n'], ['  id: payments\n', '  id: Payments\n']);
    const findings = schemaFindings(text);
    assert.deepEqual(findings.map((f) => f.message), [
      '"id" of team is "Payments", not a lowercase kebab-case id (like "payments")',
      '"experience" of member "ben" is "profcient", which is not one of: new, developing, proficient, expert. Until it is valid, the rules that read experience (newcomer-unsupported, newcomer-decides-alone, checkin-too-frequent, checkin-until-missing, expert-constrained) treat this member as having none',
      '"kind" of stakeholder "finance" is "department", which is not one of: person, team, group',
    ]);
    for (const f of run(text)) assert.doesNotMatch(f.message, /must NOT|additionalProperties|instancePath|\/members\/|should be|^[A-Z]/);
  });

  it('an enum value within two edits of one allowed value gets a safe fix', () => {
    const text = charter(['    experience: proficient\n', '    experience: "Proficent"\n']);
    const [finding] = schemaFindings(text);
    assert.equal(finding.fixes.length, 1);
    assert.equal(finding.fixes[0].safe, true);
    assert.equal(applyEdits(text, finding.fixes[0].edits), charter(['    experience: proficient\n', '    experience: "proficient"\n']));
  });

  it('an unknown key with an empty value is still reported, on the key', () => {
    const text = charter(['  covers: [progress, changes, issues]\n', '  covers: [progress, changes, issues]\n  notes:\n']);
    const [finding] = schemaFindings(text);
    assert.equal(finding.rule, 'schema-unknown-key');
    assert.equal(finding.range.start.line, lineOf(text, '  notes:'));
    assert.match(finding.message, /unknown key "notes" in updates/);
  });

  it('x- keys are allowed at every level', () => {
    const text = charter(
      ['charter: 1\n', 'charter: 1\nx-top: 1\n'],
      ['  name: Payments\n', '  name: Payments\n  x-team: {a: 1}\n'],
      ['    experience: expert\n', '    experience: expert\n    x-tz: UTC\n'],
      ['  channel: "#payments-updates"\n', '  channel: "#payments-updates"\n  x-format: [a, b]\n'],
      ['    decisions: [payout-batching]\n', '    decisions: [payout-batching]\n    x-score: 3\n'],
    );
    assert.deepEqual(run(text), []);
  });

  it('an empty required section points at its key and the fix fills it in place (no duplicate key)', () => {
    const text = charter(['team:\n  id: payments\n  name: Payments\n', 'team:\n']);
    const [finding] = schemaFindings(text);
    assert.equal(finding.rule, 'schema-missing-key');
    assert.equal(finding.range.start.line, lineOf(text, 'team:'));
    assert.match(finding.message, /the "team" section is empty/);
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.equal(parseDocument(fixed).errors.length, 0);
    assert.deepEqual(schemaFindings(fixed), []);
  });

  it('an empty id counts as missing; the fix puts a TODO after the existing "id:"', () => {
    const text = charter(['  - id: pilot\n', '  - id:\n']);
    const finding = schemaFindings(text).find((f) => f.rule === 'schema-missing-key')!;
    assert.equal(finding.range.start.line, text.split('\n').indexOf('  - id:'));
    // The entry has no id to point at: its first key (`id`) instead of a zero-width spot after the colon.
    assert.deepEqual([finding.range.start.character, finding.range.end.character], [4, 6]);
    assert.match(finding.message, /milestone #1 has an empty "id"/);
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.ok(fixed.includes('  - id: TODO\n'), fixed);
  });

  it('a date that does not exist is reported; a leap day is not', () => {
    const bad = charter(['    due: 2027-02-15\n', '    due: 2027-02-29\n']);
    assert.deepEqual(schemaFindings(bad).map((f) => f.message), ['"due" of milestone "pilot" is "2027-02-29", which is not a real calendar date']);
    assert.deepEqual(schemaFindings(charter(['    due: 2027-02-15\n', '    due: 2028-02-29\n'])), []);
  });

  it('every date field (due, revisit, until) names a malformed date as a date, not as an id', () => {
    const text = charter(['    due: 2027-02-15\n', '    due: 2027-2-15\n'], ['    cadence: weekly\n', '    cadence: weekly\n    until: 2027-1-5\n']);
    assert.deepEqual(schemaFindings(text).map((f) => f.message).sort(), [
      '"due" of milestone "pilot" is "2027-2-15", not a date in YYYY-MM-DD form',
      '"until" of check-in "weekly-sync" is "2027-1-5", not a date in YYYY-MM-DD form',
    ]);
  });

  it('a number below its minimum is quoted with the limit', () => {
    const text = charter(['    cadence: weekly\n', '    cadence: weekly\n    minutes: 0\n']);
    assert.deepEqual(schemaFindings(text).map((f) => f.message), ['"minutes" of check-in "weekly-sync" is 0, but must be at least 1']);
  });

  it('a placeholder where a date or enum value belongs is placeholder-text\'s finding, not the schema\'s', () => {
    const text = charter(['    due: 2027-02-15\n', '    due: TODO\n'], ['    kind: team\n', '    kind: TBD\n']);
    assert.deepEqual(run(text).map((f) => f.rule), ['placeholder-text', 'placeholder-text']);
  });

  it('values a catalogue rule covers get no schema finding', () => {
    const text = charter(['charter: 1\n', 'charter: 2\n'], ['    cadence: weekly\n    owner: ana\n', '    cadence: fortnightly\n    owner: ana\n'], ['    consult: [ben]\n', '    consult: 5\n']);
    assert.deepEqual(run(text).map((f) => f.rule).sort(), ['cadence-invalid', 'unknown-reference', 'unsupported-version']);
  });

  it('a map where an owner belongs is a wrong type, reported by the schema', () => {
    const text = charter(['    owner: ben\n    done:', '    owner: {id: ben}\n    done:']);
    assert.deepEqual(schemaFindings(text).map((f) => f.message), ['"owner" of milestone "pilot" must be text, not a map']);
  });
});

describe('broken YAML', () => {
  it('a line the parser rejects gets one yaml-syntax finding, without schema artefacts of its recovery', () => {
    const text = charter(['    scope: Any change to merchant fees\n', '    scope: Fees: any change\n']);
    const line = lineOf(text, 'scope: Fees');
    const onLine = run(text).filter((f) => f.range.start.line === line);
    assert.deepEqual(onLine.map((f) => f.rule), ['yaml-syntax']);
    assert.match(onLine[0].message, /^nested mappings are not allowed in compact mappings: check the indentation and quoting/);
  });

  it('a key written twice is named in the message and the range covers the key', () => {
    const text = charter(['    name: Ben Okafor\n', '    name: Ben Okafor\n    "name": Benjamin\n']);
    const [finding] = run(text);
    assert.equal(finding.rule, 'yaml-syntax');
    assert.equal(finding.message, 'key "name" appears twice in the same map: only the first value counts, so this one is silently lost');
    assert.equal(finding.range.end.character - finding.range.start.character, '"name"'.length);
  });

  it('references to an entry the parser could not read are not reported as unknown', () => {
    const text = charter(['  - id: ben\n', '   - id: ben\n']);
    assert.deepEqual([...new Set(run(text).map((f) => f.rule))], ['yaml-syntax']);
  });
});

describe('a document that is not a charter map gets one clear finding', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an empty file', '', /^the file is empty/],
    ['only comments', '# team charter, coming soon\n', /empty apart from comments/],
    ['a list', '- ana\n- ben\n', /this file is a list, but a charter is a YAML map/],
    ['a scalar', 'hello\n', /this file is a single value \(text "hello"\)/],
  ];
  for (const [what, text, message] of cases) {
    it(what, () => {
      const findings = run(text);
      assert.equal(findings.length, 1, JSON.stringify(findings.map((f) => f.message)));
      assert.match(findings[0].message, message);
      assert.deepEqual(findings[0].range.start, { line: 0, character: 0 });
    });
  }

  it('the empty file\'s quick fix inserts a skeleton that parses and meets the schema', () => {
    for (const text of ['', '# comment only', '# comment\r\n']) {
      const [finding] = run(text);
      const fix = finding.fixes[0];
      assert.equal(fix.safe, false);
      const fixed = applyEdits(text, fix.edits);
      assert.equal(parseDocument(fixed).errors.length, 0, fixed);
      assert.deepEqual(schemaFindings(fixed), []);
      if (text.includes('\r\n')) assert.doesNotMatch(fixed, /[^\r]\n/);
    }
  });

  it('broken YAML with nothing parsed reports only the syntax error', () => {
    const findings = run('"unterminated\n');
    assert.deepEqual(findings.map((f) => f.rule), ['yaml-syntax']);
  });
});
