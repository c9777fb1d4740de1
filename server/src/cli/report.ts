// `team-charter report [PATH…]`: discovery and config as for lint → one analysis per charter →
// report data → html, markdown or mermaid on stdout or in --out FILE. Exit 0, or 2 on usage,
// config or file problems (the charters that could be read are still drawn).
import fs from 'node:fs';
import path from 'node:path';
import { buildReport, renderHtml, renderMarkdown, renderMermaid } from '../report';
import type { CharterInput } from '../report';
import { commandOptions } from './args';
import { comparePathsShown } from './charter-sets';
import { analyseSet, loadSetsForCommand } from './set-loader';
import { NodeHost } from '../host/node-host';
import type { CliIO } from './io';
import { stderrLine } from './io';
import { REPORT_USAGE, parseReportArgs } from './report-args';

export async function runReport(args: string[], io: CliIO): Promise<number> {
  const opts = commandOptions('report', REPORT_USAGE, parseReportArgs, args, io);
  if (typeof opts === 'number') return opts;
  const fail = stderrLine(io);
  const out = opts.out === undefined ? undefined : path.resolve(io.cwd, opts.out);
  if (out !== undefined) {
    const problem = outProblem(out, opts.out!);
    if (problem) {
      fail(problem);
      return 2;
    }
  }

  const host = new NodeHost({ cwd: io.cwd, configFile: opts.config, ignoreGlobs: opts.ignore, stable: true });
  const loaded = await loadSetsForCommand(host, opts.paths, io.cwd, !opts.noOrg, fail, 'drawn');
  if (loaded === 2) return 2;
  const problems = [...loaded.problems];

  const today = opts.today ?? io.today();
  const inputs: CharterInput[] = [];
  for (const set of loaded.sets) {
    const onRuleError = (rule: string, error: unknown) => problems.push(`internal error in rule "${rule}": ${String((error as Error)?.message ?? error).split('\n')[0]}`);
    const analyses = analyseSet(set, { org: !opts.noOrg, cwd: io.cwd, today, maxFileSize: opts.maxFileSize, onRuleError });
    for (const charter of set.charters) {
      const analysis = analyses.get(charter.abs);
      if (!analysis) continue;
      const size = charter.file.text.length;
      inputs.push({ path: charter.shown, analysis, ...(size > opts.maxFileSize ? { tooLarge: { size, limit: opts.maxFileSize } } : {}) });
    }
  }
  inputs.sort((a, b) => comparePathsShown(a.path, b.path));

  const data = buildReport(inputs, { organisation: !opts.noOrg });
  const text = opts.format === 'markdown' ? renderMarkdown(data, { today }) : opts.format === 'mermaid' ? renderMermaid(data) : renderHtml(data, { today });
  if (out === undefined) io.stdout(text);
  else {
    try {
      fs.writeFileSync(out, text, 'utf8');
    } catch (e) {
      fail(`${opts.out}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return 2;
    }
  }
  for (const p of problems) fail(p);
  return problems.length ? 2 : 0;
}

/** `--out` must name a file (new or replaced) in an existing folder. */
function outProblem(abs: string, shown: string): string | undefined {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(abs);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) return `${shown}: is a folder; --out needs a file name`;
  if (stat && !stat.isFile()) return `${shown}: not a regular file; --out writes a file`;
  try {
    if (!fs.statSync(path.dirname(abs)).isDirectory()) return `${shown}: its folder is not a folder`;
  } catch {
    return `${shown}: its folder does not exist`;
  }
  return undefined;
}
