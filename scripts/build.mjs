// Generates the rule registry and bundles the entry points with esbuild, one file each, so start-up
// loads one file: dist/cli.js, dist/server.js and dist/client.js for Node, and for browsers
// (vscode.dev, github.dev) dist/web/server.js (a classic worker script) and dist/web/client.js.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const generator of ['gen-rule-registry.mjs', 'gen-schema-validator.mjs']) {
  execFileSync(process.execPath, [path.join(root, 'scripts', generator)], { stdio: 'inherit' });
}

const { build } = await import('esbuild');
const { yamlEagerParser } = await import('./yaml-eager-parser.mjs');
const production = process.argv.includes('--production');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
/**
 * The browser bundles reach no Node built-in (esbuild fails the build on one): the language
 * server's shared modules import vscode-languageserver's and -client's Node entries, which a
 * browser build swaps for their browser entries (same API, postMessage transport); the report's
 * posix path arithmetic gets path-browserify (the same functions); `process` is read only for test
 * hooks, which a browser does not have; setImmediate gets a shim. Anything else (fs, url) fails the build.
 */
const BROWSER_ALIAS = {
  'node:path': 'path-browserify',
  'vscode-languageserver/node': 'vscode-languageserver/browser',
  'vscode-languageclient/node': 'vscode-languageclient/browser',
};
const BROWSER = {
  define: { __VERSION__: JSON.stringify(version), 'process.env': '{}', 'process.argv': '[]' },
  inject: [path.join(root, 'scripts/browser/set-immediate.js')],
};
const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/lsp/browser-main.ts', out: 'dist/web/server.js', browser: 'iife' },
  { in: 'client/src/browser-extension.ts', out: 'dist/web/client.js', browser: 'cjs', external: ['vscode'] },
  // The CLI benchmark's baseline parses with the same yaml build as dist/cli.js.
  { in: 'test/bench/parse-only.ts', out: 'out/test/bench/parse-only.bundle.js' },
  // yaml as the bundles build it, for the test that compares it with yaml's own build.
  { in: 'node_modules/yaml/browser/index.js', out: 'out/test/yaml-eager.bundle.js' },
];
for (const e of entries) {
  if (!fs.existsSync(path.join(root, e.in))) continue;
  await build({
    absWorkingDir: root,
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    platform: e.browser ? 'browser' : 'node',
    target: e.browser ? 'es2022' : 'node18',
    format: e.browser ?? 'cjs',
    external: e.external ?? [],
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
    define: { __VERSION__: JSON.stringify(version) },
    ...(e.browser ? BROWSER : {}),
    // yaml's Node build reads process.env.LOG_TOKENS once per token (a call into C++ each time,
    // ~25 % of a parse); its browser build is the same code without that read.
    alias: { yaml: './node_modules/yaml/browser/index.js', ...(e.browser ? BROWSER_ALIAS : {}) },
    // Its lexer and parser without generators: a third of the allocations (scripts/yaml-eager-parser.mjs).
    plugins: [yamlEagerParser()],
  });
}
