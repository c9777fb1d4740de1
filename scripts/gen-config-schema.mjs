// Writes schemas/charterrc.schema.json from the rule definitions (server/src/engine/config-schema.ts).
// The file is committed so tools can point at it; test/engine/config-schema.test.ts fails when it is
// out of date. Run: npm run schema
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const generator of ['gen-rule-registry.mjs', 'gen-schema-validator.mjs']) {
  execFileSync(process.execPath, [path.join(root, 'scripts', generator)], { stdio: 'inherit' });
}
const { build } = await import('esbuild');
const bundled = await build({
  absWorkingDir: root,
  stdin: {
    contents: "export { configSchemaText } from './server/src/engine/config-schema'; export { rules, ruleDocsUrl } from './server/src/lint';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  write: false,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(module, module.exports, createRequire(path.join(root, 'package.json')));
const { configSchemaText, rules, ruleDocsUrl } = module.exports;
const out = path.join(root, 'schemas/charterrc.schema.json');
const text = configSchemaText(rules, ruleDocsUrl);
if (!fs.existsSync(out) || fs.readFileSync(out, 'utf8') !== text) {
  fs.writeFileSync(out, text);
  console.log(`wrote ${path.relative(root, out)}`);
}
