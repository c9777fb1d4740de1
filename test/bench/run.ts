// `npm run bench`: engine, language servers (ours vs yaml-language-server) and CLI benchmarks, at
// the sizes users have. Prints Markdown tables, each target with its ratio and PASS/FAIL, then one
// JSON line (last line of stdout). Progress goes to stderr. Exit 0 unless --enforce is given and a
// target fails. A section is a file exporting a `Section` (section.ts), listed in SECTIONS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { engineSection } from './engine-bench';
import { serverSection } from './server-bench';
import { cliSection } from './cli-bench';
import { machinerySection } from './machinery';
import { adversarialSection } from './adversarial';
import { orgSection } from './org-bench';
import { formatReport, jsonSummary, targetsOf } from './report';
import type { BenchRun } from './report';
import type { BenchArgs, Section } from './section';

const ROOT = path.resolve(__dirname, '../../..');
const SECTIONS: Section[] = [engineSection, serverSection, cliSection, orgSection, adversarialSection, machinerySection];

const USAGE = `Usage: npm run bench -- [options]   (or: node out/test/bench/run.js [options])

  --sizes 50,200,500,1000    single-charter sizes in lines (default all four; --quick: 200,1000)
  --only SECTION[,SECTION]   run only these sections (default: all but the opt-in ones)
  --quick                    fewer processes, sessions and keystrokes, for iteration
  --seed N                   generator seed (default 1)
  --processes N              fresh processes per server and size for first checks (default 15; --quick: 5)
  --keystrokes N             keystrokes per typing session (default 50; --quick: 20)
  --charters N               charters in the generated repository (default 300)
  --profile                  CPU profiles of the engine, our server and the CLI; prints hot spots
  --keep                     keep the temporary folder with the generated files
  --enforce                  exit 1 when a target fails or cannot be measured

Sections:
${SECTIONS.map((s) => `  ${s.name.padEnd(12)} ${s.summary}${s.optIn ? ' (only with --only)' : ''}`).join('\n')}
`;

interface Args extends BenchArgs {
  sections: Section[];
  keep: boolean;
  enforce: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [], sections: SECTIONS.filter((s) => !s.optIn), quick: false, seed: 1, keystrokes: 0, processes: 0, charters: 300, profile: false, keep: false, enforce: false };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  const positive = (v: string, flag: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag}: "${v}" is not a positive integer`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    const next = () => inline ?? value(i++, flag);
    switch (flag) {
      case '--sizes':
        args.sizes = next().split(',').map((s) => positive(s.trim(), flag));
        break;
      case '--only': {
        const names = next().split(',').map((s) => s.trim());
        const bad = names.filter((n) => !SECTIONS.some((s) => s.name === n));
        if (bad.length) throw new Error(`--only: unknown section "${bad[0]}" (${SECTIONS.map((s) => s.name).join(', ')})`);
        args.sections = SECTIONS.filter((s) => names.includes(s.name));
        break;
      }
      case '--seed':
        args.seed = positive(next(), flag);
        break;
      case '--processes':
        args.processes = positive(next(), flag);
        break;
      case '--keystrokes':
        args.keystrokes = positive(next(), flag);
        break;
      case '--charters':
        args.charters = positive(next(), flag);
        break;
      case '--quick':
        args.quick = true;
        break;
      case '--profile':
        args.profile = true;
        break;
      case '--keep':
        args.keep = true;
        break;
      case '--enforce':
        args.enforce = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        process.exit(0);
      // falls through (exit does not return)
      default:
        throw new Error(`unknown option "${argv[i]}"`);
    }
  }
  if (!args.sizes.length) args.sizes = args.quick ? [200, 1000] : [50, 200, 500, 1000];
  args.keystrokes ||= args.quick ? 20 : 50;
  args.processes ||= args.quick ? 5 : 15;
  return args;
}

const log = (line: string) => process.stderr.write(line + '\n');

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const cpus = os.cpus();
  const run: BenchRun = {
    machine: { cores: cpus.length, cpu: cpus[0]?.model.trim() ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.release()}`, loadStart: os.loadavg() },
    seed: args.seed,
    sizes: args.sizes,
    sections: {},
  };
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'team-charter-bench-'));
  const hot: string[] = [];
  try {
    for (const section of args.sections) {
      log(`${section.name}: ${section.summary}`);
      try {
        const result = await section.run({ root: ROOT, workDir, args, log });
        run.sections[section.name] = result;
        hot.push(...(result.hotSpots ?? []));
      } catch (error) {
        run.sections[section.name] = { error: String((error as Error)?.stack ?? error) };
        log(`  failed: ${(error as Error)?.message ?? String(error)}`);
      }
    }
  } finally {
    if (args.keep) log(`kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }

  run.machine.loadEnd = os.loadavg();
  process.stdout.write(formatReport(run) + '\n');
  if (hot.length) process.stdout.write('\n' + hot.join('\n\n') + '\n');
  process.stdout.write(jsonSummary(run) + '\n');
  const failed = targetsOf(run).filter((t) => t.status === 'FAIL' || t.status === 'ERROR').length + Object.values(run.sections).filter((s) => 'error' in s).length;
  return args.enforce && failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error)?.message ?? String(error)}\n`);
    process.exit(2);
  },
);
