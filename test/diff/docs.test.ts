// docs/pr-review.md shows real output: its usage, text, markdown and json examples must be what
// the binary prints for the example pull request (commit ids aside).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/fixtures';
import { mermaidBlocks } from '../helpers/mermaid';
import { CHANGE_KINDS } from '../../server/src/diff';
import { TODAY, realisticCharter, runBinary, tempRepo } from './helpers';
import type { TempRepo } from './helpers';

const DOC = fs.readFileSync(path.join(ROOT, 'docs/pr-review.md'), 'utf8');
// A fence of three or more backticks, closed by the same fence (the markdown example holds a ```mermaid block).
const blocks = [...DOC.matchAll(/^(`{3,})(\w*)\n([\s\S]*?)^\1$/gm)].map((m) => ({ lang: m[2], body: m[3] }));
const block = (test: (b: { lang: string; body: string }) => boolean, what: string) => {
  const found = blocks.filter(test);
  assert.equal(found.length, 1, `docs/pr-review.md should have exactly one ${what} block`);
  return found[0].body;
};
const withoutCommits = (s: string) => s.replace(/\b[0-9a-f]{40}\b/g, '<commit>').replace(/`[0-9a-f]{12}`/g, '`<commit>`');
const CLI_DOC = fs.readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8');

describe('docs/pr-review.md examples are real output', function () {
  this.timeout(30_000);
  let repo: TempRepo;
  const diff = (...args: string[]) => runBinary(['diff', '--git', 'main', '--today', TODAY, ...args], repo.dir);

  before(() => {
    repo = tempRepo('charter-docs-');
    repo.write('teams/identity/team-charter.yaml', realisticCharter('base'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'identity charter');
    repo.write('teams/identity/team-charter.yaml', realisticCharter('head'));
  });
  after(() => repo.remove());

  it('the usage block is `diff --help`', () => {
    assert.equal(block((b) => b.body.startsWith('Usage: team-charter diff'), 'usage'), runBinary(['diff', '--help'], ROOT).stdout);
  });

  it('the text example', () => {
    assert.equal(block((b) => b.lang === '' && b.body.startsWith('teams/identity/'), 'text output'), diff().stdout);
  });

  it('the markdown example', () => {
    assert.equal(withoutCommits(block((b) => b.lang === 'markdown', 'markdown')), withoutCommits(diff('-f', 'markdown').stdout));
  });

  it('the picture shown rendered is the one in the markdown example', () => {
    const [inExample] = mermaidBlocks(block((b) => b.lang === 'markdown', 'markdown'));
    assert.equal(block((b) => b.lang === 'mermaid', 'mermaid'), inExample);
  });

  it('the json example', () => {
    assert.equal(withoutCommits(block((b) => b.lang === 'json', 'json')), withoutCommits(diff('-f', 'json').stdout));
  });
});

describe('the docs list every change kind', () => {
  it('docs/pr-review.md: in the table of kinds and in the json fields', () => {
    const kindsTable = DOC.slice(DOC.indexOf('### Every kind of change'), DOC.indexOf('How things are matched'));
    const fieldsTable = DOC.slice(DOC.indexOf('## JSON format'));
    for (const kind of CHANGE_KINDS) {
      assert.ok(kindsTable.includes(`\`${kind}\``), `${kind} missing from "Every kind of change"`);
      assert.ok(fieldsTable.includes(`\`${kind}\``), `${kind} missing from the json fields`);
    }
  });

  it('docs/cli.md: in the diff section, with a real example holding the picture', () => {
    const section = CLI_DOC.slice(CLI_DOC.indexOf('## `team-charter diff`'));
    assert.ok(section.length > 0 && CLI_DOC.includes('## `team-charter diff`'), 'docs/cli.md has no diff section');
    for (const kind of CHANGE_KINDS) assert.ok(section.includes(`\`${kind}\``), `${kind} missing from docs/cli.md`);
    const example = /^````markdown\n([\s\S]*?)^````$/m.exec(section)?.[1];
    assert.equal(example, fs.readFileSync(path.join(ROOT, 'test/diff/golden/realistic.md'), 'utf8'), 'the example is the golden realistic review');
    assert.equal(mermaidBlocks(section).length, 2, 'the picture in the example, and rendered');
  });
});

describe('README.md shows the real diff output', () => {
  it('its diff example is the golden text output', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const shown = /\$ team-charter diff base\/team-charter\.yaml head\/team-charter\.yaml\n([\s\S]*?)\n```/.exec(readme)?.[1];
    assert.ok(shown, 'README.md has no diff example');
    assert.equal(shown + '\n', fs.readFileSync(path.join(ROOT, 'test/diff/golden/realistic.txt'), 'utf8'), 'the lines after "$ team-charter diff base/… head/…" in README.md must be test/diff/golden/realistic.txt');
  });
});
