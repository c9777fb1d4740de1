// Language-server benchmark: our server and yaml-language-server, each spawned fresh per charter
// size over stdio, on the same files in the same run (alternating order, so drift hits both).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspSession } from './lsp-session';
import type { Diagnostic, ServerSpec } from './lsp-session';
import { median, percentile } from './stats';
import type { PlantedDefect } from './generate';

export const OURS = 'team-charter';
export const YAML_LS = 'yaml-language-server';

export interface BenchCharter {
  lines: number;
  file: string;
  text: string;
  defects: PlantedDefect[];
}

export interface ServerRun {
  server: string;
  lines: number;
  initializeMs: number;
  /** didOpen → first diagnostics: the median of `openSamples`. */
  openMs: number;
  /** didOpen → first diagnostics of this session and of the extra open-only sessions (fresh processes). */
  openSamples: number[];
  keystrokeP50: number;
  keystrokeP95: number;
  keystrokes: number[];
  peakRssMiB: number | undefined;
  /** Resident set size right after initialize, before any document is open. */
  startRssMiB: number | undefined;
  diagnostics: number;
  /** The planted schema error is among the first diagnostics (the server really validated). */
  validated: boolean;
}

export interface ServerBenchResult {
  runs: ServerRun[];
  /** Extra spawn → initialize samples per server (no document opened). */
  spawnMs: Record<string, number[]>;
  /** Why a server could not be measured. */
  errors: Record<string, string>;
}

export interface ServerBenchOptions {
  root: string;
  workDir: string;
  charters: BenchCharter[];
  keystrokes: number;
  spawnSamples: number;
  /** Extra fresh sessions per server and size that only open the charter (one sample is noisy). */
  openSamples: number;
  /**
   * When set, one extra, untimed session of our server on the largest charter runs with --cpu-prof
   * and writes its profile here (the measured sessions never run under the profiler).
   */
  profileDir?: string;
  log(line: string): void;
}

export function serverSpecs(root: string): ServerSpec[] {
  const schemaUri = pathToFileURL(path.join(root, 'schemas/team-charter.schema.json')).href;
  return [
    {
      name: OURS,
      script: path.join(root, 'dist/server.js'),
      args: ['--stdio'],
      settings: { teamCharter: { enable: true, run: 'onType' } },
      languageId: 'yaml',
    },
    {
      name: YAML_LS,
      script: path.join(root, 'node_modules/yaml-language-server/bin/yaml-language-server'),
      args: ['--stdio'],
      settings: {
        yaml: { validate: true, hover: true, completion: true, schemas: { [schemaUri]: ['*.yaml'] }, schemaStore: { enable: false } },
        http: { proxy: '', proxyStrictSSL: false },
        '[yaml]': {},
        editor: { detectIndentation: true },
      },
      languageId: 'yaml',
    },
  ];
}

/** Where to type: the end of a text value nearest the middle of the file (a member's name, a purpose…). */
export function typingPosition(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  for (let d = 0; d < lines.length; d++) {
    for (const i of [mid + d, mid - d]) {
      if (/^\s+(?:- )?(name|purpose|description|mitigation|title): [A-Za-z]/.test(lines[i] ?? '')) return { line: i, character: lines[i].length };
    }
  }
  return { line: 0, character: lines[0].length };
}

/** Typed into a text value: letters and spaces only, so the document stays valid YAML. */
const TYPED = ' and the payouts team signs off every quarter within budget';

export async function benchServers(o: ServerBenchOptions): Promise<ServerBenchResult> {
  const specs = serverSpecs(o.root);
  const result: ServerBenchResult = { runs: [], spawnMs: {}, errors: {} };
  for (const spec of specs) {
    result.spawnMs[spec.name] = [];
    if (!fs.existsSync(spec.script)) result.errors[spec.name] = `${path.relative(o.root, spec.script)} not found (run node scripts/build.mjs)`;
  }
  const usable = () => specs.filter((s) => !result.errors[s.name]);

  for (const c of o.charters) fs.writeFileSync(c.file, c.text);
  for (const [i, charter] of o.charters.entries()) {
    // Alternate which server goes first, so a slow patch of the machine does not favour one.
    const order = i % 2 === 0 ? usable() : [...usable()].reverse();
    for (const spec of order) {
      try {
        const run = await measureSession(spec, charter, o);
        result.runs.push(run);
        o.log(`  ${spec.name.padEnd(20)} ${String(charter.lines).padStart(6)} lines: init ${run.initializeMs.toFixed(0)} ms, open ${run.openMs.toFixed(0)} ms, keys p50/p95 ${run.keystrokeP50.toFixed(0)}/${run.keystrokeP95.toFixed(0)} ms, RSS ${run.peakRssMiB?.toFixed(0)} MiB${run.validated ? '' : '  (planted schema error NOT reported)'}`);
      } catch (error) {
        result.errors[spec.name] = String((error as Error).message ?? error);
        o.log(`  ${spec.name}: failed: ${result.errors[spec.name]}`);
      }
    }
  }
  for (let k = 0; k < o.spawnSamples; k++) {
    const order = k % 2 === 0 ? usable() : [...usable()].reverse();
    for (const spec of order) {
      try {
        const { session, initializeMs } = await LspSession.start({ ...spec, nodeArgs: [] }, o.workDir);
        result.spawnMs[spec.name].push(initializeMs);
        await session.close();
      } catch (error) {
        result.errors[spec.name] ??= String((error as Error).message ?? error);
      }
    }
  }
  // A first check is one sample of a cold process: a few more fresh processes per size make the
  // didOpen figure a median, for both servers alike.
  for (const [i, charter] of o.charters.entries()) {
    for (let k = 0; k < o.openSamples; k++) {
      const order = (i + k) % 2 === 0 ? usable() : [...usable()].reverse();
      for (const spec of order) {
        const run = result.runs.find((r) => r.server === spec.name && r.lines === charter.lines);
        if (!run) continue;
        try {
          const { session } = await LspSession.start(spec, o.workDir);
          try {
            const opened = await session.open(pathToFileURL(charter.file).href, charter.text);
            run.openSamples.push(opened.ms);
            run.validated &&= reportsSchemaDefect(opened.diagnostics, charter.defects);
          } finally {
            await session.close();
          }
        } catch (error) {
          result.errors[spec.name] ??= String((error as Error).message ?? error);
        }
      }
    }
  }
  for (const r of result.runs) {
    r.openMs = median(r.openSamples);
    result.spawnMs[r.server].push(r.initializeMs);
  }
  const ours = specs.find((s) => s.name === OURS);
  if (o.profileDir && ours && !result.errors[OURS] && o.charters.length) {
    const biggest = o.charters[o.charters.length - 1];
    try {
      await measureSession({ ...ours, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', o.profileDir] }, biggest, o);
    } catch (error) {
      o.log(`  profiling ${OURS} failed: ${String((error as Error).message ?? error)}`);
    }
  }
  return result;
}

async function measureSession(spec: ServerSpec, charter: BenchCharter, o: ServerBenchOptions): Promise<ServerRun> {
  const { session, initializeMs } = await LspSession.start(spec, o.workDir);
  const startRssMiB = session.rssMiB();
  try {
    const uri = pathToFileURL(charter.file).href;
    const opened = await session.open(uri, charter.text);
    const pos = typingPosition(charter.text);
    const keystrokes = await session.type(uri, pos.line, pos.character, TYPED.repeat(Math.ceil(o.keystrokes / TYPED.length)).slice(0, o.keystrokes));
    return {
      server: spec.name,
      lines: charter.lines,
      initializeMs,
      openMs: opened.ms,
      openSamples: [opened.ms],
      keystrokeP50: median(keystrokes),
      keystrokeP95: percentile(keystrokes, 95),
      keystrokes,
      peakRssMiB: session.peakRssMiB(),
      startRssMiB,
      diagnostics: opened.diagnostics.length,
      validated: reportsSchemaDefect(opened.diagnostics, charter.defects),
    };
  } finally {
    await session.close();
  }
}

/** True when a diagnostic starts on the line of a planted schema error. */
function reportsSchemaDefect(diagnostics: Diagnostic[], defects: PlantedDefect[]): boolean {
  const lines = new Set(defects.filter((d) => d.rule.startsWith('schema-')).map((d) => d.line));
  return lines.size > 0 && diagnostics.some((d) => lines.has(d.range.start.line));
}

export function spawnMedian(result: ServerBenchResult, server: string): number | undefined {
  const samples = result.spawnMs[server] ?? [];
  return samples.length ? median(samples) : undefined;
}
