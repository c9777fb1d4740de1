// Each rule's docs page agrees with its definition: the header and options table say what the rule
// declares (options, types, defaults), the Bad example makes the rule report and the Good one does
// not. Docs that drift from the code are caught here, not by a user.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lint, rules } from '../../server/src/lint';
import { allowedValues } from '../../server/src/engine/options';
import { DEFAULT_TODAY, ROOT } from '../helpers/fixtures';
import { checkSet } from '../../server/src/org/check-set';

const page = (id: string) => fs.readFileSync(path.join(ROOT, 'docs/rules', `${id}.md`), 'utf8');

/** The text of a `## Heading` section, up to the next `## `. */
function section(text: string, heading: string): string | undefined {
  const m = new RegExp(`^## ${heading}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(text);
  return m?.[1];
}

function firstYamlBlock(text: string | undefined): string | undefined {
  return text && /```yaml\n([\s\S]*?)```/.exec(text)?.[1];
}

/** Every yaml block of a section: for organisation rules, the charters of a set (`# file: path` first). */
function yamlBlocks(text: string | undefined): string[] {
  return text ? [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]) : [];
}

/** The findings of one rule when the blocks are checked as one charter set. */
function setFindings(ruleId: string, blocks: string[]): string[] {
  const members = blocks.map((text, i) => ({ file: /^# file: (\S+)/.exec(text)?.[1] ?? `charter-${i}.charter.yaml`, text }));
  return checkSet(members, { today: DEFAULT_TODAY }).flatMap((c) => c.analysis.findings.filter((f) => f.rule === ruleId).map((f) => `${c.file}: ${f.message}`));
}

/** Rows of the options table: name → [type, default, meaning]. */
function optionRows(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const m = /^\|\s*`([A-Za-z]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (m) rows.set(m[1], m[2].split('|').map((c) => c.trim()));
  }
  return rows;
}

const unticked = (s: string) => s.replace(/^`|`$/g, '');

describe('rule docs pages match the rule definitions', () => {
  for (const rule of rules) {
    describe(rule.id, () => {
      let text = '';
      before(() => (text = page(rule.id)));

      it('starts with the rule id and its severity', () => {
        assert.match(text, new RegExp(`^# ${rule.id}\\n`));
        const header = /^\|\s*(error|warning|info)\s*\|/m.exec(text);
        assert.equal(header?.[1], rule.severity, 'the severity in the header table');
      });

      it('documents exactly the declared options, with their type and default', () => {
        const options = section(text, 'Options');
        assert.ok(options !== undefined, 'no "## Options" section');
        const declared = Object.entries(rule.options ?? {});
        if (declared.length === 0) {
          assert.match(options, /^None\./m, 'a rule without options says "None."');
          return;
        }
        const rows = optionRows(options);
        assert.deepEqual([...rows.keys()].sort(), declared.map(([name]) => name).sort());
        for (const [name, spec] of declared) {
          const [type, def, meaning] = rows.get(name)!;
          assert.equal(type, allowedValues(spec), `type of "${name}"`);
          assert.equal(unticked(def), JSON.stringify(spec.default).replace(/"/g, ''), `default of "${name}"`);
          assert.ok(meaning && meaning.length > 10, `meaning of "${name}"`);
        }
      });

      it('its Bad example makes the rule report, its Good example does not', () => {
        if (rule.checkSet) {
          const [bad, good] = [yamlBlocks(section(text, 'Bad')), yamlBlocks(section(text, 'Good'))];
          assert.ok(bad.length && good.length, 'yaml blocks under "## Bad" and "## Good" (one per charter, `# file: path` first)');
          assert.ok(setFindings(rule.id, bad).length > 0, `the Bad example gives no ${rule.id} finding`);
          assert.deepEqual(setFindings(rule.id, good), [], `the Good example gives ${rule.id} findings`);
          return;
        }
        const bad = firstYamlBlock(section(text, 'Bad'));
        const good = firstYamlBlock(section(text, 'Good'));
        assert.ok(bad, 'no yaml block under "## Bad"');
        assert.ok(good, 'no yaml block under "## Good"');
        const reported = (yaml: string) => lint(yaml, { today: DEFAULT_TODAY }).filter((f) => f.rule === rule.id);
        assert.ok(reported(bad).length > 0, `the Bad example gives no ${rule.id} finding`);
        assert.deepEqual(reported(good).map((f) => f.message), [], `the Good example gives ${rule.id} findings`);
      });
    });
  }
});
