// An invalid `experience` counts as none for every other rule: the finding says which rules that
// switches off for the member, and those rules indeed stop judging them.
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/lint';
import { baseCharterWith } from '../../helpers/fixtures';

const CARA = '  - id: cara\n    name: Cara Diaz\n    role: engineer\n    experience: NEW\n';
// Cara is in no check-in: were she "new", newcomer-unsupported would report her.
const text = baseCharterWith(['\nstakeholders:', `${CARA}\nstakeholders:`], ['    title: Software engineer\n', '    title: Software engineer\n    responsibilities: [Build and run the payout services]\n']);
const run = (t: string) => lint(t, { today: '2026-11-25' });

describe('schema-invalid-value: an invalid experience', () => {
  it('names the check-in and decision rules that treat the member as having no experience', () => {
    const findings = run(text);
    assert.deepEqual(findings.map((f) => f.rule), ['schema-invalid-value']);
    assert.match(findings[0].message, /^"experience" of member "cara" is "NEW", which is not one of: new, developing, proficient, expert\. /);
    for (const id of ['newcomer-unsupported', 'newcomer-decides-alone', 'checkin-too-frequent', 'checkin-until-missing', 'expert-constrained']) {
      assert.ok(findings[0].message.includes(id), id);
    }
  });

  it('once valid, the rules it names judge the member again', () => {
    assert.deepEqual(run(text.replace('experience: NEW', 'experience: new')).map((f) => f.rule), ['newcomer-unsupported']);
  });

  it('other invalid values keep the schema\'s own message', () => {
    const findings = run(text.replace('experience: NEW', 'experience: new').replace('    kind: team\n', '    kind: department\n'));
    assert.deepEqual(findings.filter((f) => f.rule === 'schema-invalid-value').map((f) => f.message), [ '"kind" of stakeholder "finance" is "department", which is not one of: person, team, group']);
  });
});
