// docs/pr-review.md shows real output: its usage, text, markdown and json examples must be what
// the binary prints for the example pull request (commit ids aside).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/fixtures';
import { TODAY, realisticCharter, runBinary, tempRepo } from './helpers';
import type { TempRepo } from './helpers';

const DOC = fs.readFileSync(path.join(ROOT, 'docs/pr-review.md'), 'utf8');
const blocks = [...DOC.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], body: m[2] }));
const block = (test: (b: { lang: string; body: string }) => boolean, what: string) => {
  const found = blocks.filter(test);
  assert.equal(found.length, 1, `docs/pr-review.md should have exactly one ${what} block`);
  return found[0].body;
};
const withoutCommits = (s: string) => s.replace(/\b[0-9a-f]{40}\b/g, '<commit>').replace(/`[0-9a-f]{12}`/g, '`<commit>`');

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

  it('the json example', () => {
    assert.equal(withoutCommits(block((b) => b.lang === 'json', 'json')), withoutCommits(diff('-f', 'json').stdout));
  });
});

describe('README.md shows the real diff output', () => {
  it('its diff example is the golden text output', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const shown = /\$ team-charter diff base\/team-charter\.yaml head\/team-charter\.yaml\n([\s\S]*?)\n```/.exec(readme)?.[1];
    assert.ok(shown, 'README.md has no diff example');
    assert.equal(shown + '\n', fs.readFileSync(path.join(ROOT, 'test/diff/golden/realistic.txt'), 'utf8'));
  });
});
