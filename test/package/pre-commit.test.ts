// .pre-commit-hooks.yaml, read as pre-commit reads it: the hook the README tells users to add
// exists, runs the package's own command, and picks exactly the files `lint` treats as charters.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/fixtures';

interface Hook {
  id: string;
  name?: string;
  entry: string;
  language: string;
  files?: string;
  pass_filenames?: boolean;
  require_serial?: boolean;
}

const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Staged paths (as pre-commit passes them, relative to the repository) and whether each is a charter. */
const PATHS: Array<[string, boolean]> = [
  ['team-charter.yaml', true],
  ['team-charter.yml', true],
  ['teams/payments/team-charter.yaml', true],
  ['teams/payments.charter.yaml', true],
  ['payments.charter.yml', true],
  ['teams/payments/team-charter.json', false],
  ['teams/my-team-charter.yaml', false],
  ['charter.yaml', false],
  ['teams/.charter.yaml', false],
  ['team-charter.yaml.bak', false],
  ['Team-Charter.yaml', false],
  ['docs/team-charter.yaml.md', false],
  ['.charterrc.yaml', false],
];

describe('pre-commit hook', () => {
  const hook = hooks.find((h) => h.id === 'team-charter');

  it('is the hook the README shows, a node hook running the package\'s team-charter lint', () => {
    assert.ok(hook, 'no hook with id "team-charter"');
    assert.match(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), /hooks:\n\s+- id: team-charter\n/);
    assert.equal(hook.language, 'node');
    const [command, subcommand] = hook.entry.split(/\s+/);
    assert.ok(pkg.bin[command], `"${command}" is not a bin of the package`);
    assert.equal(subcommand, 'lint');
    assert.notEqual(hook.pass_filenames, false, 'the staged charters are passed to lint');
    // One call with every staged charter: a set of charters is checked together.
    assert.equal(hook.require_serial, true);
  });

  it('runs on exactly the files lint treats as charters', () => {
    // pre-commit matches `files` with Python's re.search; this pattern means the same in JavaScript.
    const files = new RegExp(hook!.files!);
    for (const [file, isCharter] of PATHS) assert.equal(files.test(file), isCharter, file);
  });
});
