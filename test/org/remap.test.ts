// Moving organisation findings over an edit instead of running the rules again (what the editor
// does on a keystroke): whenever it moves them, they are exactly what a fresh run gives; edits
// that change what the set rules read are refused.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/lint';
import { summarize } from '../../server/src/org/summary';
import { checkOrganisation } from '../../server/src/org/run';
import { movedFindings, movedRanges } from '../../server/src/org/remap';
import type { CharterSummary } from '../../server/src/engine/charter-set';
import { generateRepository } from '../bench/org-repo';

const TODAY = '2026-11-25';
const summaryOf = (file: string, text: string) => summarize(file, analyze(text, { today: TODAY }));

/** The set's organisation findings after `file` became `text`: moved when possible, and afresh. */
function afterEdit(set: readonly CharterSummary[], file: string, text: string) {
  const before = set.find((c) => c.file === file)!;
  const after = summaryOf(file, text);
  const fresh = checkOrganisation(set.map((c) => (c.file === file ? after : c))).findings;
  const moves = movedRanges(before, after);
  return { moved: moves && movedFindings(checkOrganisation(set).findings, file, moves), fresh };
}

describe('organisation findings moved over an edit', () => {
  const repo = generateRepository({ charters: 40, seed: 3 });
  const set = repo.charters.map((c) => summaryOf(c.path, c.text));
  const findings = checkOrganisation(set).findings;
  // A charter with organisation findings of its own and places in it named by other charters' findings.
  const named = (file: string) => [...findings.values()].flat().filter((f) => f.related?.some((r) => r.file === file)).length;
  const target = repo.charters.filter((c) => findings.has(c.path)).sort((a, b) => named(b.path) - named(a.path))[0];
  const text = target.text;
  const lines = text.split('\n');

  it('the generated set gives the charter edited below organisation findings, and places in it to other charters', () => {
    assert.ok(findings.get(target.path)!.length > 0);
    assert.ok(named(target.path) > 0);
  });

  it('a line added at the top moves every finding in the charter and every related place into it one line down', () => {
    const { moved, fresh } = afterEdit(set, target.path, `# edited\n${text}`);
    assert.ok(moved, 'moved');
    assert.deepEqual(moved, fresh);
    const first = findings.get(target.path)![0];
    assert.equal(moved.get(target.path)![0].range.start.line, first.range.start.line + 1);
  });

  it('typing in a text the set rules do not read (a priority title, a purpose) moves the findings', () => {
    const at = lines.findIndex((l) => /^\s+(?:- )?(title|purpose): /.test(l));
    assert.ok(at >= 0);
    const edited = [...lines.slice(0, at), `${lines[at]} and more`, ...lines.slice(at + 1)].join('\n');
    const { moved, fresh } = afterEdit(set, target.path, edited);
    assert.ok(moved, 'moved');
    assert.deepEqual(moved, fresh);
  });

  it('a comment line inserted anywhere: moved findings are exactly a fresh run, and most edits are moved', () => {
    let movedCount = 0;
    for (let at = 0; at <= lines.length; at += 8) {
      const edited = [...lines.slice(0, at), '# note', ...lines.slice(at)].join('\n');
      const { moved, fresh } = afterEdit(set, target.path, edited);
      if (!moved) continue;
      movedCount++;
      assert.deepEqual(moved, fresh, `comment at line ${at}`);
    }
    assert.ok(movedCount > lines.length / 8 / 2, `${movedCount} of ${Math.ceil(lines.length / 8)} edits moved`);
  });

  it("a member's name, an id or a scope changed: the rules run again", () => {
    const members = lines.indexOf('members:');
    const member = lines.findIndex((l, i) => i > members && /^ {4}name: /.test(l));
    const scope = lines.findIndex((l) => /^\s+scope: /.test(l));
    const id = lines.findIndex((l) => /^ {2}id: /.test(l));
    for (const at of [member, scope, id]) {
      assert.ok(at >= 0);
      const edited = [...lines.slice(0, at), `${lines[at]}x`, ...lines.slice(at + 1)].join('\n');
      assert.equal(movedRanges(set.find((c) => c.file === target.path)!, summaryOf(target.path, edited)), undefined, lines[at]);
    }
  });

  it('two values that swap places are not moved (a rule picks the first one by position)', () => {
    const charter = (order: string) => `charter: 1\nteam: {id: a, name: A}\nmembers: [{id: ana, name: Ana}]\nstakeholders: [{id: cfo, name: CFO, kind: person}, {id: coo, name: COO, kind: person}]\ndecisions:\n  - id: d\n    scope: Spend\n    owner: ana\n    boundary: escalate\n${order}`;
    const before = summaryOf('a.charter.yaml', charter('    approver: cfo\n    escalate_to: coo\n'));
    const after = summaryOf('a.charter.yaml', charter('    escalate_to: coo\n    approver: cfo\n'));
    assert.equal(movedRanges(before, after), undefined);
  });
});
