// Generates the rule registry and bundles the entry points with esbuild, one file each, so start-up
// loads one file: dist/cli.js, dist/server.js and dist/client.js for Node, and for browsers
// (vscode.dev, github.dev) dist/web/server.js (a classic worker script) and dist/web/client.js.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { bundleOptions } from './bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const generator of ['gen-rule-registry.mjs', 'gen-schema-validator.mjs', 'gen-rule-help.mjs']) {
  execFileSync(process.execPath, [path.join(root, 'scripts', generator)], { stdio: 'inherit' });
}

const { build } = await import('esbuild');
const production = process.argv.includes('--production');
const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/lsp/browser-main.ts', out: 'dist/web/server.js', browser: 'iife' },
  { in: 'client/src/browser-extension.ts', out: 'dist/web/client.js', browser: 'cjs', external: ['vscode'] },
  // The CLI benchmark's baseline parses with the same yaml build as dist/cli.js.
  { in: 'test/bench/parse-only.ts', out: 'out/test/bench/parse-only.bundle.js' },
];
for (const e of entries) {
  if (!fs.existsSync(path.join(root, e.in))) continue;
  await build(bundleOptions(root, { entry: e.in, outfile: e.out, production, external: e.external, browser: e.browser }));
}
