import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { NodeHost } from '../../server/src/host/node-host';
import type { CharterText } from '../../server/src/host/host';
import { WriteError, writeCharterFile } from '../../server/src/host/node-write';
import { tempTree } from './cli-helpers';

/** Reads through the host, as lint does; a skipped file becomes an error with its one-line message. */
function readCharter(file: string, shownAs: string): CharterText {
  const host = new NodeHost({ cwd: path.dirname(file) });
  const read = host.readCharterSync(file, host.rootOfSync(file));
  if (read.skipped) throw new Error(`${shownAs}: ${read.skipped.reason}`);
  return read.file;
}
const writeCharter = (file: string, shownAs: string, read: CharterText, text: string) => {
  assert.equal(read.path, file);
  writeCharterFile(read, text, shownAs);
};

describe('cli files: reading and writing charters', () => {
  it('never overwrites a file that changed after it was read, and leaves no temp file', () => {
    const dir = tempTree({ 'team-charter.yaml': 'charter: 2\n' });
    const file = path.join(dir, 'team-charter.yaml');
    const read = readCharter(file, 'team-charter.yaml');
    fs.writeFileSync(file, 'charter: 2\n# edited meanwhile\n');
    assert.throws(() => writeCharter(file, 'team-charter.yaml', read, 'charter: 1\n'), (e: unknown) => {
      assert.ok(e instanceof WriteError);
      assert.equal(e.message, 'team-charter.yaml: changed on disk while it was being fixed; fixes not written');
      return true;
    });
    assert.equal(fs.readFileSync(file, 'utf8'), 'charter: 2\n# edited meanwhile\n');
    assert.deepEqual(fs.readdirSync(dir), ['team-charter.yaml']);
  });

  it('strips the BOM for linting and puts it back on write', () => {
    const dir = tempTree({ 'a.yaml': '\uFEFFcharter: 2\r\n' });
    const file = path.join(dir, 'a.yaml');
    const read = readCharter(file, 'a.yaml');
    assert.equal(read.text, 'charter: 2\r\n');
    assert.equal(read.hadBom, true);
    writeCharter(file, 'a.yaml', read, 'charter: 1\r\n');
    assert.deepEqual([...fs.readFileSync(file)].slice(0, 3), [0xef, 0xbb, 0xbf]);
    assert.equal(fs.readFileSync(file, 'utf8'), '\uFEFFcharter: 1\r\n');
  });

  it('refuses folders and non-regular files with a one-line message', () => {
    const dir = tempTree({ 'sub/x': '' });
    assert.throws(() => readCharter(path.join(dir, 'sub'), 'sub'), /sub: is a folder, not a charter file/);
    assert.throws(() => readCharter('/dev/null', '/dev/null'), /\/dev\/null: is a device, not a charter file; not opened/);
  });
});
