// Every action that action.yml runs, and every action the docs' workflows tell users to run, is
// pinned by a commit (a tag can be moved to other code; a commit cannot), with the release tag it
// was read from in a comment so a reader and an updater know what it is.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/fixtures';

const PINNED = /^[\w.-]+\/[\w.-]+(\/[\w.\/-]+)?@[0-9a-f]{40}$/;
const TAG_COMMENT = /^# v\d+(\.\d+){0,2}$/;
/** Our own action, which the docs show at its major tag (the release a user picks). */
const OWN_ACTION = 'team-charter/team-charter@v1';

/** `uses:` lines of a YAML text: [line number, reference, the rest of the line]. */
function usesLines(text: string): Array<[number, string, string]> {
  return text.split('\n').flatMap((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*(\S+)\s*(.*)$/.exec(line);
    return m ? [[i + 1, m[1], m[2].trim()] as [number, string, string]] : [];
  });
}

/** The YAML code blocks of a markdown page. */
const yamlBlocks = (markdown: string) => [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((m) => m[1]);

const DOC_PAGES = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('actions are pinned by commit', () => {
  it('action.yml: every `uses:` is a 40-hex commit with its tag in a comment', () => {
    const text = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    const lines = usesLines(text);
    const steps = (parse(text) as { runs: { steps: Array<{ uses?: string }> } }).runs.steps.filter((s) => s.uses);
    assert.equal(lines.length, steps.length, 'every step that uses an action is written as a `uses:` line');
    for (const [line, ref, rest] of lines) {
      assert.match(ref, PINNED, `action.yml:${line}: ${ref}`);
      assert.match(rest, TAG_COMMENT, `action.yml:${line}: the tag comment after ${ref}`);
    }
  });

  it('action.yml runs the checker on Node.js 24 unless told otherwise', () => {
    const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
    assert.equal(action.inputs['node-version'].default, '24');
  });

  it('the workflows in the docs pin every action but this one the same way, and upload SARIF with upload-sarif v4', () => {
    let sarifUploads = 0;
    for (const page of DOC_PAGES) {
      for (const block of yamlBlocks(fs.readFileSync(path.join(ROOT, page), 'utf8'))) {
        for (const [, ref, rest] of usesLines(block)) {
          if (ref === OWN_ACTION) continue;
          assert.match(ref, PINNED, `${page}: ${ref}`);
          assert.match(rest, TAG_COMMENT, `${page}: the tag comment after ${ref}`);
          if (ref.startsWith('github/codeql-action/upload-sarif@')) {
            sarifUploads++;
            assert.match(rest, /^# v4\./, `${page}: upload-sarif ${rest}`);
          }
        }
      }
    }
    assert.ok(sarifUploads > 0, 'the docs show how to upload SARIF');
  });
});
