// How the bundles are built (esbuild options), shared by scripts/build.mjs and the benchmark that
// builds variants of the server to compare (test/bench/machinery.ts).
import fs from 'node:fs';
import path from 'node:path';

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

/**
 * The esbuild options for one entry point: one CommonJS file for Node, or with `browser` ('iife'
 * for a worker script, 'cjs' for the web extension host) one file for a browser; `yaml` as the
 * bundles take it.
 */
export function bundleOptions(root, { entry, outfile, production = false, external = [], browser }) {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const define = { __VERSION__: JSON.stringify(version) };
  return {
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: browser ? 'browser' : 'node',
    target: browser ? 'es2022' : 'node18',
    format: browser ?? 'cjs',
    external,
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
    define: browser ? { ...define, 'process.env': '{}', 'process.argv': '[]' } : define,
    ...(browser ? { inject: [path.join(root, 'scripts/browser/set-immediate.js')] } : {}),
    // yaml's Node build reads process.env.LOG_TOKENS once per token (a call into C++ each time);
    // its browser build is the same code without that read.
    alias: { yaml: './node_modules/yaml/browser/index.js', ...(browser ? BROWSER_ALIAS : {}) },
  };
}
