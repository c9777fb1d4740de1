// The .vsix as a marketplace (and a user installing it) gets it: `npm run package` on a copy of the
// checkout, then what vsce printed and what the archive holds. vsce asks "continue? [y/N]" after
// some warnings and publishes others to the listing, so a warning fails here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { ROOT, checkoutCopy, npmCommand, userEnv } from './checkout';

/** What the archive may hold: the bundles, the manifest, the listing's pages, the icon and the schemas. */
const ALLOWED = /^(\[Content_Types\]\.xml|extension\.vsixmanifest|extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|dist\/([\w-]+\/)*[\w-]+\.js|docs\/images\/icon\.png|schemas\/[\w-]+\.schema\.json))$/;
const REPOSITORY = 'https://github.com/team-charter/team-charter';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('.vsix (npm run package)', function () {
  this.timeout(180000);
  let output: string;
  let zip: JSZip;
  let files: string[];
  const text = (name: string) => zip.file(name)!.async('string');

  before(async () => {
    const checkout = checkoutCopy();
    const r = spawnSync(npmCommand('npm'), ['run', 'package'], { cwd: checkout, env: userEnv(), encoding: 'utf8', timeout: 170000 });
    output = `${r.stdout}${r.stderr}`;
    assert.equal(r.status, 0, `npm run package failed:\n${output.slice(-3000)}`);
    zip = await JSZip.loadAsync(fs.readFileSync(path.join(checkout, 'team-charter.vsix')));
    files = Object.keys(zip.files).filter((f) => !zip.files[f].dir).sort();
  });

  it('packages without a single warning from vsce', () => {
    assert.match(output, /DONE +Packaged: team-charter\.vsix/);
    assert.doesNotMatch(output, /WARNING|ERROR|\bwarn\b/i, output);
  });

  it('holds the bundles, the manifest, the user page, CHANGELOG, LICENSE, the icon and the schemas, and nothing else', () => {
    assert.deepEqual(files.filter((f) => !ALLOWED.test(f)), [], 'files the .vsix should not hold');
    // The Node bundles (desktop) and the browser ones (vscode.dev, github.dev: `browser` and its worker).
    for (const needed of ['extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/web/client.js', 'extension/dist/web/server.js']) {
      assert.ok(files.includes(needed), `${needed} is missing`);
    }
    assert.ok(!files.some((f) => /\.(ts|map)$|(^|\/)(test|node_modules|src)\//.test(f)), 'no sources, tests, maps or node_modules');
  });

  it('ships the entry points the manifest names, for Node and for browsers', async () => {
    const pkg = JSON.parse(await text('extension/package.json'));
    for (const entry of [pkg.main, pkg.browser]) assert.ok(files.includes(`extension/${path.posix.normalize(entry)}`), `${entry} is in the .vsix`);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, true);
  });

  it('has a 128×128 PNG icon that the manifest names', async () => {
    const manifest = await text('extension.vsixmanifest');
    const icon = /<Icon>([^<]+)<\/Icon>/.exec(manifest)?.[1];
    assert.ok(icon && files.includes(icon), `icon in the manifest: ${icon}`);
    assert.deepEqual(pngSize(Buffer.from(await zip.file(icon)!.async('uint8array'))), { width: 128, height: 128 });
    assert.match(manifest, /Microsoft\.VisualStudio\.Services\.Content\.Changelog/);
  });

  it('shows the user page (docs/marketplace.md), its links resolved to files of the repository', async () => {
    const readme = await text('extension/readme.md');
    assert.equal(readme.split('\n')[0], fs.readFileSync(path.join(ROOT, 'docs/marketplace.md'), 'utf8').split('\n')[0]);
    assert.doesNotMatch(readme, /npm run test|CONTRIBUTING|benchmark/i, 'the developer README leaked into the listing');
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(links.some((l) => /\.png$/.test(l)), 'the page shows a screenshot');
    for (const link of links) {
      assert.ok(link.startsWith(`${REPOSITORY}/`), `${link} is not a link into the repository`);
      const file = link.replace(new RegExp(`^${REPOSITORY}/(blob|raw)/main/`), '').replace(/#.*$/, '');
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${link}: ${file} does not exist`);
    }
  });

  it('has the package version, and a CHANGELOG entry for it', async () => {
    const pkg = JSON.parse(await text('extension/package.json'));
    assert.equal(pkg.version, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    assert.match(await text('extension/changelog.md'), new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')}$`, 'm'));
  });
});
