// Runs the real `team-charter` binary (bin/team-charter.js → dist/cli.js, built by
// scripts/build.mjs) in temp folders, the way a user or CI job does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BASE_CHARTER } from '../helpers/fixtures';

export const ROOT = path.resolve(__dirname, '../../..');
export const BIN = path.join(ROOT, 'bin/team-charter.js');
/** The base charter has no findings on this date. */
export const TODAY = '2026-11-25';
export { BASE_CHARTER };

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): RunResult {
  if (!fs.existsSync(path.join(ROOT, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run "node scripts/build.mjs" first');
  const baseEnv = { ...process.env };
  // The tests decide about colour themselves.
  delete baseEnv.FORCE_COLOR;
  delete baseEnv.NO_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...baseEnv, ...env }, encoding: 'utf8', timeout: 15000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Lint with a fixed today, so results do not depend on the system date. */
export function lintIn(cwd: string, ...args: string[]): RunResult {
  return runCli(['lint', '--today', TODAY, ...args], cwd);
}

const made: string[] = [];

/**
 * A fresh temp folder holding `files` (path → content); removed after the test run. Copies of the
 * base charter get a team id of their own (the first keeps "payments"), as the teams of one
 * repository have: the charters of a folder form one set, and the organisation rules compare them.
 */
export function tempTree(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'team-charter-cli-')));
  made.push(dir);
  let copies = 0;
  for (const [rel, content] of Object.entries(files)) {
    const own = typeof content === 'string' && content.includes(TEAM_PAYMENTS) && copies++ > 0 ? content.replace(TEAM_PAYMENTS, `team:\n  id: payments-${copies}\n`) : content;
    writeFile(dir, rel, own);
  }
  return dir;
}
const TEAM_PAYMENTS = 'team:\n  id: payments\n';

export function writeFile(dir: string, rel: string, content: string | Buffer): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

after(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The base charter with exact text replacements applied (each must match once). */
export function charterWith(...replacements: Array<[string | RegExp, string]>): string {
  let text = BASE_CHARTER;
  for (const [from, to] of replacements) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`charterWith: ${String(from)} not found`);
    text = next;
  }
  return text;
}

/** Decision "payout-batching" without an owner: one owner-missing error. */
export const MISSING_OWNER: [string, string] = ['    owner: ben\n    boundary: team', '    boundary: team'];
/** An unknown key with no close candidate: one schema-unknown-key warning (no fix). */
export const UNKNOWN_KEY: [string, string] = ['    kind: team\n', '    kind: team\n    colour: blue\n'];
/** A suppression that silences nothing: one unused-suppression info (safe fix: remove it). */
export const UNUSED_SUPPRESSION: [string, string] = ['checkins:\n', '# charter-disable-next-line owner-missing\ncheckins:\n'];
/** Format version 2: one unsupported-version error with a safe fix. */
export const VERSION_2: [string, string] = ['charter: 1\n', 'charter: 2\n'];

export interface JsonReport {
  version: number;
  files: Array<{
    path: string;
    findings: Array<{
      rule: string;
      severity: string;
      message: string;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
      fixes: Array<{ title: string; safe: boolean; edits: Array<{ range: unknown; newText: string }> }>;
    }>;
  }>;
}

export function lintJson(cwd: string, ...args: string[]): { result: RunResult; report: JsonReport } {
  const result = lintIn(cwd, '--format', 'json', ...args);
  let report: JsonReport;
  try {
    report = JSON.parse(result.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${result.code}): ${result.stdout}\n${result.stderr}`);
  }
  return { result, report };
}

/** `path rule` strings of every finding, sorted. */
export function ruleIds(report: JsonReport): string[] {
  return report.files.flatMap((f) => f.findings.map((x) => `${f.path} ${x.rule}`)).sort();
}
