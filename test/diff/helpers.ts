// Shared by the diff tests: the base charter, exact text edits that fail loudly when they miss,
// and the CLI run in-process with captured output.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../server/src/cli/main';
import type { CliIO } from '../../server/src/cli/io';
import { ROOT } from '../helpers/fixtures';

export const TODAY = '2026-11-25';
export const BASE_CHARTER = fs.readFileSync(path.join(ROOT, 'test/helpers/base-charter.yaml'), 'utf8');
export const DIFF_FIXTURES = path.join(ROOT, 'test/diff/fixtures');

/** Replaces `from` (which must occur exactly once) with `to`. */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at !== -1, `edit: ${JSON.stringify(from)} not found`);
  assert.equal(text.indexOf(from, at + 1), -1, `edit: ${JSON.stringify(from)} occurs more than once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], options: { cwd: string; isTTY?: boolean; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: options.cwd,
    isTTY: options.isTTY ?? false,
    env: options.env ?? plainEnv(),
    today: () => TODAY,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** This process's environment without colour switches, so output is what a pipe would get. */
export function plainEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return env;
}
