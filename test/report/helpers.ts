// Report fixtures as analyses (for the data tests) and the CLI run in their folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../../server/src/lint';
import { buildReport } from '../../server/src/report';
import type { CharterInput, CharterReport, ReportData } from '../../server/src/report';
import { ROOT } from '../helpers/fixtures';

export const REPORT_FIXTURES = path.join(ROOT, 'test/report/fixtures');
export const TODAY = '2026-01-10';

let copied: string | undefined;

/**
 * The fixtures copied into a temp folder, where the CLI runs on them: inside this repository the
 * root config ignores test charters, and a report of them there would be empty.
 */
export function fixturesCopy(): string {
  if (!copied) {
    copied = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-report-'));
    fs.cpSync(REPORT_FIXTURES, copied, { recursive: true });
    process.on('exit', () => fs.rmSync(copied!, { recursive: true, force: true }));
  }
  return copied;
}

/** The fixture charters under `dir` (relative to the fixtures folder), sorted by path. */
export function fixtureInputs(dir: string, maxFileSize?: number): CharterInput[] {
  const base = path.join(REPORT_FIXTURES, dir);
  const files = fs
    .readdirSync(base, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)(team-charter|.+\.charter)\.ya?ml$/.test(f))
    .sort();
  return files.map((f) => {
    const text = fs.readFileSync(path.join(base, f), 'utf8');
    const rel = `${dir}/${f}`;
    const analysis = analyze(text, { today: TODAY, ...(maxFileSize ? { maxFileSize } : {}) });
    return { path: rel, analysis, ...(maxFileSize && text.length > maxFileSize ? { tooLarge: { size: text.length, limit: maxFileSize } } : {}) };
  });
}

export function fixtureReport(dir: string): ReportData {
  return buildReport(fixtureInputs(dir));
}

export function charterOf(data: ReportData, teamId: string): CharterReport {
  const c = data.charters.find((x) => x.team.id === teamId);
  if (!c) throw new Error(`no charter with team id ${teamId}`);
  return c;
}

/** The matrix as { decision: { party: letters } }, parties without a part left out. */
export function matrixCells(c: CharterReport): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const row of c.matrix.rows) {
    const cells: Record<string, string> = {};
    row.cells.forEach((cell, i) => {
      if (cell) cells[c.matrix.columns[i].id] = cell.letters.join('');
    });
    out[row.id ?? row.label] = cells;
  }
  return out;
}
