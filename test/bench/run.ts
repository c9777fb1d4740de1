// `npm run bench`: engine, language servers (ours vs yaml-language-server) and CLI benchmarks.
// Prints Markdown tables, each target with its ratio and PASS/FAIL, then one JSON line (last line
// of stdout). Progress goes to stderr. Exit 0 unless --enforce is given and a target fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCharter } from './generate';
import { benchEngine, BENCH_TODAY } from './engine-bench';
import type { EngineBenchOptions } from './engine-bench';
import { benchServers } from './server-bench';
import type { BenchCharter } from './server-bench';
import { benchCli, writeCorpus } from './cli-bench';
import { evaluateTargets, formatReport, jsonSummary } from './report';
import type { BenchResults } from './report';
import { formatHotSpots, hotSpots, profileScript, projectSpots, readNewestProfile } from './profile';
import { benchAdversarial, formatAdversarial } from './adversarial';
import type { AdversarialRun } from './adversarial';

const ROOT = path.resolve(__dirname, '../../..');
const SECTIONS = ['engine', 'server', 'cli', 'adversarial'];

const USAGE = `Usage: npm run bench -- [options]   (or: node out/test/bench/run.js [options])

  --sizes 1000,10000,50000   charter sizes in lines (default all three; --quick: 1000,10000)
  --only engine|server|cli|adversarial   run some sections only (comma-separated);
                             adversarial: lint time of 100 KB hostile inputs and 1 MB lines vs a normal charter
  --quick                    fewer repetitions and keystrokes, for iteration
  --seed N                   generator seed (default 1)
  --keystrokes N             keystrokes per server session (default 50)
  --charters N               charters in the CLI folder (default 1000)
  --profile                  CPU profiles: engine in-process, our server with --cpu-prof; prints hot spots
  --keep                     keep the temporary folder with the generated charters
  --enforce                  exit 1 when a target fails or cannot be measured
`;

interface Args {
  sizes: number[];
  sections: string[];
  quick: boolean;
  seed: number;
  keystrokes: number;
  charters: number;
  profile: boolean;
  keep: boolean;
  enforce: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [], sections: SECTIONS, quick: false, seed: 1, keystrokes: 50, charters: 1000, profile: false, keep: false, enforce: false };
  let sizesGiven = false;
  let keystrokesGiven = false;
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
        sizesGiven = true;
        break;
      case '--only': {
        const only = next().split(',').map((s) => s.trim());
        const bad = only.filter((s) => !SECTIONS.includes(s));
        if (bad.length) throw new Error(`--only: unknown section "${bad[0]}" (${SECTIONS.join(', ')})`);
        args.sections = only;
        break;
      }
      case '--seed':
        args.seed = positive(next(), flag);
        break;
      case '--keystrokes':
        args.keystrokes = positive(next(), flag);
        keystrokesGiven = true;
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
  if (!sizesGiven) args.sizes = args.quick ? [1000, 10000] : [1000, 10000, 50000];
  if (!keystrokesGiven && args.quick) args.keystrokes = 20;
  return args;
}

const log = (line: string) => process.stderr.write(line + '\n');

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const cpus = os.cpus();
  const results: BenchResults = {
    machine: { cores: cpus.length, cpu: cpus[0]?.model.trim() ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.release()}`, loadStart: os.loadavg() },
    seed: args.seed,
    sizes: args.sizes,
    sections: args.sections,
  };
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'team-charter-bench-'));
  const hot: string[] = [];
  let adversarial: AdversarialRun[] | undefined;
  try {
    const needCharters = args.sections.includes('engine') || args.sections.includes('server');
    if (needCharters) log(`generating charters of ${args.sizes.join(', ')} lines (seed ${args.seed}) in ${workDir}`);
    const charters: BenchCharter[] = (needCharters ? args.sizes : []).map((lines) => {
      const g = generateCharter({ lines, seed: args.seed });
      const dir = path.join(workDir, `charter-${lines}`);
      fs.mkdirSync(dir);
      log(`  ${lines}: ${g.lineCount} lines, ${g.defects.length} planted defects`);
      return { lines, file: path.join(dir, 'team-charter.yaml'), text: g.text, defects: g.defects };
    });

    if (args.sections.includes('engine')) {
      log('engine: lint vs yaml.parseDocument');
      const o: EngineBenchOptions = args.quick ? { budgetMs: 1000, minRuns: 3, maxRuns: 20, warmup: 1 } : { budgetMs: 4000, minRuns: 5, maxRuns: 40, warmup: 3 };
      results.engine = charters.map((c) => {
        const e = benchEngine(c.text, c.lines, o);
        log(`  ${c.lines}: parse ${e.parseMs.toFixed(1)} ms, lint ${e.lintMs.toFixed(1)} ms (${e.runs} runs); slowest phases: ${e.phases.slice(0, 4).map((p) => `${p.phase} ${p.ms.toFixed(1)}`).join(', ')}`);
        return e;
      });
      if (args.profile) {
        const biggest = charters[charters.length - 1];
        fs.writeFileSync(biggest.file, biggest.text);
        const profile = profileScript(path.join(__dirname, 'lint-file.js'), [biggest.file, '3'], path.join(workDir, 'profiles', 'engine'));
        if (profile) {
          hot.push(formatHotSpots(`Engine hot spots (fresh process, 3 lints of ${biggest.lines} lines, self time):`, hotSpots(profile, ROOT)));
          hot.push(formatHotSpots(`Engine time by project function (library calls charged to their caller):`, projectSpots(profile, ROOT)));
        }
        hot.push(`Engine phases at ${biggest.lines} lines (median ms): ${results.engine[results.engine.length - 1].phases.slice(0, 8).map((p) => `${p.phase} ${p.ms.toFixed(1)}`).join(', ')}`);
      }
    }

    if (args.sections.includes('server')) {
      log(`language servers: ${args.keystrokes} keystrokes per size`);
      const profileDir = args.profile ? path.join(workDir, 'profiles') : undefined;
      results.servers = await benchServers({ root: ROOT, workDir, charters, keystrokes: args.keystrokes, spawnSamples: args.quick ? 2 : 5, openSamples: args.quick ? 2 : 6, profileDir, log });
      if (profileDir) {
        const profile = readNewestProfile(profileDir);
        const biggest = charters[charters.length - 1].lines;
        if (profile) {
          hot.push(formatHotSpots(`Server hot spots (an extra, untimed session on ${biggest} lines: open + keystrokes, self time):`, hotSpots(profile, ROOT)));
          hot.push(formatHotSpots(`Server time by project function (library calls charged to their caller):`, projectSpots(profile, ROOT)));
        }
      }
    }

    if (args.sections.includes('cli')) {
      log(`CLI: ${args.charters} charters`);
      const dir = path.join(workDir, 'cli');
      const lines = writeCorpus(dir, args.charters, args.seed);
      try {
        results.cli = await benchCli(ROOT, dir, args.charters, lines, args.quick ? 1 : 3);
        if (results.cli.error) log(`  ${results.cli.error}`);
        else if (args.profile) {
          const cliArgs = ['lint', '--format', 'json', '--today', BENCH_TODAY, dir];
          const profile = profileScript(path.join(ROOT, 'bin/team-charter.js'), cliArgs, path.join(workDir, 'profiles', 'cli'), true);
          if (profile) {
            hot.push(formatHotSpots(`CLI hot spots (an extra, untimed cold run on ${args.charters} charters, self time):`, hotSpots(profile, ROOT)));
            hot.push(formatHotSpots(`CLI time by project function (library calls charged to their caller):`, projectSpots(profile, ROOT)));
          }
        }
      } catch (error) {
        results.cliError = String((error as Error).message ?? error);
        log(`  failed: ${results.cliError}`);
      }
    }

    if (args.sections.includes('adversarial')) {
      log('adversarial inputs: lint vs a normal charter of the same size');
      adversarial = benchAdversarial({ runs: args.quick ? 3 : 7, seed: args.seed, log });
    }
  } finally {
    if (args.keep) log(`kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }

  results.machine.loadEnd = os.loadavg();
  const targets = evaluateTargets(results);
  process.stdout.write(formatReport(results, targets) + '\n');
  if (hot.length) process.stdout.write('\n' + hot.join('\n\n') + '\n');
  if (adversarial) process.stdout.write('\n' + formatAdversarial(adversarial) + '\n');
  process.stdout.write(jsonSummary(results, targets) + '\n');
  const failed = targets.filter((t) => t.status === 'FAIL' || t.status === 'ERROR');
  const adversarialFailed = (adversarial ?? []).some((r) => r.status === 'FAIL');
  return args.enforce && (failed.length || adversarialFailed) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error)?.message ?? String(error)}\n`);
    process.exit(2);
  },
);
