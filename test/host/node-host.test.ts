// The Node host on real folders: roots, the charter set of a root, ignores, configs and `team.parent` paths.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { NodeHost } from '../../server/src/host/node-host';
import { charterWith, tempTree } from '../cli/cli-helpers';

const rel = (dir: string, files: Array<{ path: string }>) => files.map((f) => path.relative(dir, f.path).split(path.sep).join('/'));

describe('host: roots', () => {
  it('the nearest folder holding a .git entry (folder or file), else the current folder when it contains PATH, else PATH\'s folder', () => {
    const dir = tempTree({ 'repo/.git/HEAD': 'x', 'repo/sub/team-charter.yaml': '', 'worktree/.git': 'gitdir: elsewhere\n', 'worktree/a/team-charter.yaml': '', 'plain/b/team-charter.yaml': '' });
    const host = new NodeHost({ cwd: path.join(dir, 'plain') });
    assert.deepEqual(host.rootOfSync(path.join(dir, 'repo/sub/team-charter.yaml')), { dir: path.join(dir, 'repo'), by: 'git' });
    assert.deepEqual(host.rootOfSync(path.join(dir, 'worktree/a')), { dir: path.join(dir, 'worktree'), by: 'git' });
    assert.deepEqual(host.rootOfSync('b/team-charter.yaml'), { dir: path.join(dir, 'plain'), by: 'cwd' });
    assert.deepEqual(new NodeHost({ cwd: path.join(dir, 'plain/b') }).rootOfSync(path.join(dir, 'plain')), { dir: path.join(dir, 'plain'), by: 'folder' });
    assert.deepEqual(new NodeHost({ workspaceFolders: [dir] }).rootOfSync(path.join(dir, 'plain/b/team-charter.yaml')), { dir, by: 'workspace' });
    assert.deepEqual(new NodeHost({ workspaceFolders: [] }).rootOfSync(path.join(dir, 'plain/b/team-charter.yaml')), { dir: path.join(dir, 'plain/b'), by: 'alone' });
  });
});

describe('host: the charters of a root', () => {
  it('lists every charter of the root and marks the ones asked; one file asked still gives the whole set', () => {
    const dir = tempTree({ '.git/HEAD': 'x', 'a/team-charter.yaml': '', 'b/x.charter.yml': '', 'b/c/team-charter.yml': '' });
    const host = new NodeHost({ cwd: dir, stable: true });
    const listing = host.listChartersSync(host.rootOfSync(dir), { asked: [path.join(dir, 'b/x.charter.yml')], whole: true });
    assert.deepEqual(rel(dir, listing.charters), ['a/team-charter.yaml', 'b/c/team-charter.yml', 'b/x.charter.yml']);
    assert.deepEqual(listing.charters.map((c) => c.asked), [false, false, true]);
  });

  it('ignores: cumulative from the root down, each relative to its own folder; --ignore relative to the current folder', () => {
    const dir = tempTree({
      '.git/HEAD': 'x',
      '.charterrc.yaml': 'ignores: [fixtures/]\n',
      'teams/.charterrc.json': JSON.stringify({ ignores: ['/old/', 'draft.charter.yaml'] }),
      'teams/a/team-charter.yaml': '',
      'teams/old/team-charter.yaml': '',
      'teams/a/old/team-charter.yaml': '',
      'teams/a/draft.charter.yaml': '',
      'draft.charter.yaml': '',
      'test/fixtures/x/team-charter.yaml': '',
      'test/other/team-charter.yaml': '',
    });
    const host = new NodeHost({ cwd: path.join(dir, 'test'), ignoreGlobs: ['other/'], stable: true });
    const listing = host.listChartersSync(host.rootOfSync(dir));
    assert.deepEqual(rel(dir, listing.charters), ['draft.charter.yaml', 'teams/a/old/team-charter.yaml', 'teams/a/team-charter.yaml']);
    assert.equal(host.ignoredBySync(path.join(dir, 'teams/a/draft.charter.yaml'), host.rootOfSync(dir)), path.join(dir, 'teams/.charterrc.json'));
    assert.equal(host.ignoredBySync(path.join(dir, 'test/other/team-charter.yaml'), host.rootOfSync(dir)), '--ignore');
  });

  it('--config FILE replaces the .charterrc ignores with its own, relative to its folder', () => {
    const dir = tempTree({ '.git/HEAD': 'x', '.charterrc.yaml': 'ignores: [a/]\n', 'conf/strict.yaml': 'ignores: [../b/]\n', 'a/team-charter.yaml': '', 'b/team-charter.yaml': '' });
    const host = new NodeHost({ cwd: dir, configFile: 'conf/strict.yaml' });
    // `../b/` is outside conf/: gitignore globs never reach above their folder, so nothing is ignored.
    assert.deepEqual(rel(dir, host.listChartersSync(host.rootOfSync(dir)).charters), ['a/team-charter.yaml', 'b/team-charter.yaml']);
    fs.writeFileSync(path.join(dir, 'strict.yaml'), 'ignores: [b/]\n');
    const top = new NodeHost({ cwd: dir, configFile: 'strict.yaml' });
    assert.deepEqual(rel(dir, top.listChartersSync(top.rootOfSync(dir)).charters), ['a/team-charter.yaml']);
  });

  it('never enters a folder link, even one pointing at /; a charter link inside the root is listed under its own path once', () => {
    const dir = tempTree({ '.git/HEAD': 'x', 'real/team-charter.yaml': charterWith(), 'shared/base.yaml': charterWith() });
    fs.symlinkSync('/', path.join(dir, 'rootlink'));
    fs.symlinkSync('real', path.join(dir, 'again'));
    fs.mkdirSync(path.join(dir, 'linked'));
    fs.symlinkSync('../shared/base.yaml', path.join(dir, 'linked/team-charter.yaml'));
    fs.symlinkSync('../real/team-charter.yaml', path.join(dir, 'linked/dup.charter.yaml'));
    fs.symlinkSync('/etc/passwd', path.join(dir, 'linked/evil.charter.yaml'));
    const host = new NodeHost({ cwd: dir });
    const listing = host.listChartersSync(host.rootOfSync(dir));
    assert.deepEqual(rel(dir, listing.charters), ['linked/team-charter.yaml', 'real/team-charter.yaml']);
    assert.deepEqual(listing.charters.map((c) => c.link), [true, false]);
    assert.equal(listing.charters[0].target, path.join(dir, 'shared/base.yaml'));
    assert.deepEqual(listing.skipped.map((s) => [path.relative(dir, s.path), s.reason]), [['linked/evil.charter.yaml', 'a symbolic link out of the root; not read']]);
  });

  it('a named folder reached through a link out of the root is not searched, wherever the link is in its path', () => {
    const dir = tempTree({ 'repo/.git/HEAD': 'x', 'repo/in/team-charter.yaml': '', 'outside/sub/team-charter.yaml': '' });
    fs.symlinkSync('../outside', path.join(dir, 'repo/out'));
    const host = new NodeHost({ cwd: path.join(dir, 'repo') });
    const root = host.rootOfSync(path.join(dir, 'repo/out/sub'));
    assert.equal(root.dir, path.join(dir, 'repo'));
    const listing = host.listChartersSync(root, { asked: [path.join(dir, 'repo/out/sub'), path.join(dir, 'repo/out/sub/team-charter.yaml')] });
    assert.deepEqual(listing.charters, []);
    assert.deepEqual(listing.skipped.map((s) => s.reason).sort(), ['outside the root (through a folder link); not read', 'outside the root (through a folder link); not searched']);
  });
});

describe('host: reading', () => {
  it('never opens a FIFO, and reads a link out of the root as skipped, not its text', function () {
    const dir = tempTree({ '.git/HEAD': 'x' });
    const fifo = path.join(dir, 'team-charter.yaml');
    require('node:child_process').execFileSync('mkfifo', [fifo]);
    fs.symlinkSync('/etc/passwd', path.join(dir, 'x.charter.yaml'));
    const host = new NodeHost({ cwd: dir });
    const root = host.rootOfSync(dir);
    assert.equal(host.readCharterSync(fifo, root).skipped?.reason, 'is a FIFO (named pipe), not a charter file; not opened');
    assert.equal(host.readCharterSync(path.join(dir, 'x.charter.yaml'), root).skipped?.reason, 'a symbolic link out of the root; not read');
  });
});

describe('host: configs', () => {
  it('the nearest .charterrc.* up to the root gives the rules; the chain holds every config from the root down', () => {
    const dir = tempTree({ '.charterrc.yaml': 'rules:\n  owner-missing: off\n', 'repo/.git/HEAD': 'x', 'repo/.charterrc.yml': 'ignores: [x/]\n', 'repo/t/.charterrc.json': '{"rules":{"owner-missing":"info"}}', 'repo/t/u/team-charter.yaml': '' });
    const host = new NodeHost({ cwd: dir });
    const file = path.join(dir, 'repo/t/u/team-charter.yaml');
    const config = host.configForSync(file, host.rootOfSync(file));
    assert.equal(config.rules?.path, path.join(dir, 'repo/t/.charterrc.json'));
    assert.deepEqual(config.chain.map((c) => path.relative(dir, c.path)), ['repo/.charterrc.yml', 'repo/t/.charterrc.json']);
  });

  it('a .charterrc.yaml that is a folder, or a --config that is a FIFO or device, is fatal, and nothing is opened', () => {
    const dir = tempTree({ '.git/HEAD': 'x', 'team-charter.yaml': '' });
    fs.mkdirSync(path.join(dir, '.charterrc.yaml'));
    const host = new NodeHost({ cwd: dir });
    const file = path.join(dir, 'team-charter.yaml');
    const config = host.configForSync(file, host.rootOfSync(file));
    assert.equal(config.rules?.fatal, true);
    assert.equal(config.rules?.error, 'is a folder, not a config file');
    const zero = new NodeHost({ cwd: dir, configFile: '/dev/zero' }).configForSync(file, host.rootOfSync(file));
    assert.equal(zero.rules?.fatal, true);
    assert.equal(zero.rules?.error, 'is a device, not a config file; not opened');
  });
});

describe('host: team.parent paths', () => {
  it('resolves a relative path from a charter\'s folder to a file inside the root, lexically and after links', () => {
    const dir = tempTree({ '.git/HEAD': 'x', 'org/team-charter.yaml': '', 'org/teams/a/team-charter.yaml': '', 'org/teams/b/notes.md': '' });
    fs.symlinkSync('../../team-charter.yaml', path.join(dir, 'org/teams/b/up.charter.yaml'));
    fs.symlinkSync('/etc/passwd', path.join(dir, 'org/teams/b/out.charter.yaml'));
    const host = new NodeHost({ cwd: dir });
    const from = path.join(dir, 'org/teams/a/team-charter.yaml');
    const root = host.rootOfSync(from);
    const resolve = (p: string) => host.resolveRelativeSync(from, p, root);
    assert.equal(resolve('../../team-charter.yaml'), path.join(dir, 'org/team-charter.yaml'));
    assert.equal(resolve('../b/up.charter.yaml'), path.join(dir, 'org/team-charter.yaml'), 'a link resolves to the charter it stands for');
    for (const bad of ['../b/out.charter.yaml', '../../../../etc/passwd', '/etc/passwd', 'https://example.org/x.yaml', '../b', '../b/', '../missing.yaml', '']) {
      assert.equal(resolve(bad), undefined, bad);
    }
  });
});
