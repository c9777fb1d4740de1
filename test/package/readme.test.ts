// The pages users read first (README.md, which npm shows; docs/marketplace.md, the extension's
// listing; CONTRIBUTING.md) against the code: the rule count, the example output, the version in
// CHANGELOG and every relative link. A new rule or a moved file makes this fail, not a reader.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { rules } from '../../server/src/lint';
import { ROOT } from '../helpers/fixtures';

const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const PAGES = ['README.md', 'docs/marketplace.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'docs/architecture.md'];

/** The body of the `## title` section of a markdown page. */
function section(page: string, title: string): string {
  const m = new RegExp(`^## ${title}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(read(page));
  assert.ok(m, `${page} has no "## ${title}" section`);
  return m[1];
}

/** GitHub's anchor for a heading. */
const anchor = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');

describe('README and the listing', () => {
  it('state the number of rules the registry holds', () => {
    for (const page of ['README.md', 'docs/marketplace.md']) {
      const count = /(\d+) rules\b/.exec(section(page, 'Rules'))?.[1];
      assert.equal(Number(count), rules.length, `${page}, section "Rules": "${count} rules", but the registry has ${rules.length}`);
    }
  });

  it('show the real output of linting the examples', () => {
    const shown = /\$ npx team-charter lint examples\/ --today (\S+)\n([\s\S]*?)\n```/.exec(read('README.md'));
    assert.ok(shown, 'README.md shows no lint example');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/team-charter.js'), 'lint', 'examples/', '--today', shown[1]], { cwd: ROOT, encoding: 'utf8' });
    const real = r.stdout.split('\n');
    for (const line of shown[2].split('\n').filter((l) => l !== '…')) assert.ok(real.includes(line), `not in the real output: ${line}`);
  });

  it('name no registry host (users find the registries by name)', () => {
    for (const page of PAGES) {
      assert.doesNotMatch(read(page), /marketplace\.visualstudio\.com|open-vsx\.org|npmjs\.(com|org)|registry\.yarnpkg/i, page);
    }
  });

  it('link only to files that exist, and to headings that exist', () => {
    for (const page of PAGES) {
      const text = read(page).replace(/```[\s\S]*?```/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const [file, hash] = target.split('#');
        const resolved = file ? path.join(ROOT, path.dirname(page), file) : path.join(ROOT, page);
        assert.ok(fs.existsSync(resolved), `${page}: link to ${target}, which does not exist`);
        if (hash && resolved.endsWith('.md')) {
          const headings = [...fs.readFileSync(resolved, 'utf8').matchAll(/^#+ (.+)$/gm)].map((m) => anchor(m[1]));
          assert.ok(headings.includes(hash), `${page}: link to ${target}, a heading that does not exist`);
        }
      }
    }
  });

  it('CHANGELOG.md starts with the package version', () => {
    const { version } = JSON.parse(read('package.json'));
    assert.equal(/^## (\S+)/m.exec(read('CHANGELOG.md'))?.[1], version);
  });
});
