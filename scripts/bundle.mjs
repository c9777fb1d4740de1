// How the bundles are built (esbuild options), shared by scripts/build.mjs and the benchmark that
// builds variants of the server to compare (test/bench/machinery.ts).
import fs from 'node:fs';
import path from 'node:path';

/** The esbuild options for one entry point: one CommonJS file for Node, `yaml` as the bundles take it. */
export function bundleOptions(root, { entry, outfile, production = false, external = [] }) {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return {
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external,
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
    define: { __VERSION__: JSON.stringify(version) },
    // yaml's Node build reads process.env.LOG_TOKENS once per token (a call into C++ each time);
    // its browser build is the same code without that read.
    alias: { yaml: './node_modules/yaml/browser/index.js' },
  };
}
