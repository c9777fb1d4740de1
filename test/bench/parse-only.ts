// Baseline for the CLI benchmark: a cold node process that only finds, reads and parses charters.
// Bundled like the CLI (scripts/build.mjs). Usage: node out/test/bench/parse-only.bundle.js DIR  → prints {"files":N,"errors":M}
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

const CHARTER_NAME = /^(team-charter|.+\.charter)\.ya?ml$/;

function walk(dir: string, out: string[]): void {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    if (d.isDirectory()) {
      if (d.name !== 'node_modules' && d.name !== '.git') walk(path.join(dir, d.name), out);
    } else if (CHARTER_NAME.test(d.name)) out.push(path.join(dir, d.name));
  }
}

const files: string[] = [];
walk(process.argv[2] ?? '.', files);
let errors = 0;
for (const f of files.sort()) errors += parseDocument(fs.readFileSync(f, 'utf8')).errors.length;
process.stdout.write(JSON.stringify({ files: files.length, errors }) + '\n');
