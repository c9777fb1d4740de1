// docs/config.md lists the rules that take options, each linking to its page: the list follows the
// rule definitions, so a new option or rule cannot leave it behind.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { rules } from '../../server/src/lint';
import { ROOT } from '../helpers/fixtures';

describe('docs/config.md', () => {
  const text = fs.readFileSync(path.join(ROOT, 'docs/config.md'), 'utf8');

  it('lists exactly the rules that take options, with their option names and pages', () => {
    const block = /<!-- rules-with-options[^>]*-->\n([\s\S]*?)<!-- \/rules-with-options -->/.exec(text);
    assert.ok(block, 'the rules-with-options block');
    const expected = rules
      .filter((r) => Object.keys(r.options ?? {}).length)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => `- [\`${r.id}\`](rules/${r.id}.md): ${Object.keys(r.options!).map((o) => `\`${o}\``).join(', ')}`);
    assert.deepEqual(block[1].trimEnd().split('\n'), expected);
    for (const r of rules.filter((x) => x.options)) assert.ok(fs.existsSync(path.join(ROOT, 'docs/rules', `${r.id}.md`)), r.id);
  });
});
