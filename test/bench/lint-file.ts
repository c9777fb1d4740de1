// Lints one file N times in a fresh process; run under `node --cpu-prof` by `--profile`.
// Usage: node out/test/bench/lint-file.js FILE [N]
import fs from 'node:fs';
import { lint } from '../../server/src/lint';
import { BENCH_TODAY } from './engine-bench';

const text = fs.readFileSync(process.argv[2], 'utf8');
const runs = Number(process.argv[3] ?? 3);
let findings = 0;
for (let i = 0; i < runs; i++) findings = lint(text, { today: BENCH_TODAY }).length;
process.stdout.write(`${findings}\n`);
