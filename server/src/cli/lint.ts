// `team-charter lint [PATH…]`: PATHs → charter sets through the host → the configs that govern each
// charter → one analysis per file (or fix passes) → a report in the chosen format → exit 0 (no
// errors), 1 (errors, too many warnings) or 2 (usage, config or file problems).
import { fixAll, ruleDocsUrl, rules } from '../lint';
import type { Analysis } from '../lint';
import { plural } from '../engine/text';
import { NodeHost } from '../host/node-host';
import { NOT_FIXED_LINK, WriteError, writeCharterFile } from '../host/node-write';
import { LINT_USAGE, commandOptions, parseLintArgs } from './args';
import type { LintArgs } from './args';
import { comparePathsShown } from './charter-sets';
import { analyseSet, loadSetsForCommand } from './set-loader';
import { fixLines, unifiedDiff } from './fix-report';
import type { FileReport, SkippedReport } from './formats/lint-report';
import { formatText } from './formats/text';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatGithub } from './formats/github';
import type { CliIO } from './io';
import { stderrLine, useColor } from './io';

export { displayPath } from './charter-sets';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export async function runLint(args: string[], io: CliIO): Promise<number> {
  const opts = commandOptions('lint', LINT_USAGE, parseLintArgs, args, io);
  if (typeof opts === 'number') return opts;
  const fail = stderrLine(io);
  const host = new NodeHost({ cwd: io.cwd, configFile: opts.config, ignoreGlobs: opts.ignore, stable: true });

  const loaded = await loadSetsForCommand(host, opts.paths, io.cwd, !opts.noOrg, fail);
  if (loaded === 2) return 2;

  const today = opts.today ?? io.today();
  const reports: FileReport[] = [];
  const skipped: SkippedReport[] = loaded.skipped;
  /** Lines that make the run exit 2. */
  const problems: string[] = [...loaded.problems];
  /** Lines about fixes: stdout in text format, stderr otherwise. */
  const fixOutput: string[] = [];
  const diffs: string[] = [];
  let fixesApplied = 0;
  let filesFixed = 0;
  const fixing = opts.fix || opts.fixDryRun;
  const crashes = (name: string) => (rule: string, error: unknown) =>
    problems.push(`${name}: internal error in rule "${rule}": ${String((error as Error)?.message ?? error).split('\n')[0]}`);

  for (const set of loaded.sets) {
    const asked = set.charters.filter((c) => c.asked);
    // Fixes first (each charter's own safe fixes), then every charter is checked as part of its set.
    const fixedTexts = new Map<string, string>();
    for (const charter of fixing ? asked : []) {
      const name = charter.shown;
      if (charter.file.link) {
        // A link is never written through; its findings are those of the text as it is.
        fail(`${name}: ${NOT_FIXED_LINK}`);
        continue;
      }
      const fixed = fixAll(charter.file.text, { config: charter.config, today, maxFileSize: opts.maxFileSize, onRuleError: crashes(name) });
      if (fixed.text === charter.file.text) continue;
      if (opts.fix) {
        try {
          writeCharterFile(charter.file, fixed.text, name);
        } catch (e) {
          if (!(e instanceof WriteError)) throw e;
          problems.push(e.message);
          continue; // not written: what remains is the text on disk
        }
      }
      fixedTexts.set(charter.abs, fixed.text);
      fixOutput.push(...fixLines(name, fixed.applied));
      if (opts.fixDryRun) diffs.push(unifiedDiff(name, charter.file.text, fixed.text));
      fixesApplied += fixed.fixed;
      filesFixed++;
    }
    let analyses: Map<string, Analysis>;
    try {
      analyses = analyseSet(set, { org: !opts.noOrg, cwd: io.cwd, today, maxFileSize: opts.maxFileSize, onRuleError: (rule, error) => problems.push(`internal error in rule "${rule}": ${String((error as Error)?.message ?? error).split('\n')[0]}`) }, fixedTexts);
    } catch (e) {
      problems.push(`internal error: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
      continue;
    }
    for (const charter of asked) {
      const findings = analyses.get(charter.abs)?.findings ?? [];
      reports.push({ path: charter.shown, findings: opts.quiet ? findings.filter((f) => f.severity === 'error') : findings });
    }
  }
  reports.sort((a, b) => comparePathsShown(a.path, b.path));

  const fixSummary = opts.fix
    ? `applied ${plural(fixesApplied, 'safe fix', 'safe fixes')} in ${plural(filesFixed, 'file')}`
    : opts.fixDryRun
      ? `would apply ${plural(fixesApplied, 'safe fix', 'safe fixes')} in ${plural(filesFixed, 'file')} (dry run: nothing written)`
      : undefined;
  const fixText = [...fixOutput.map((l) => l + '\n'), ...diffs].join('');
  if (opts.format !== 'text' && fixText) io.stderr(fixText);
  io.stdout(render(reports, skipped, opts, io, problems.length === 0, fixSummary, fixText));
  for (const p of problems) fail(p);

  const all = reports.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  if (problems.length) return 2;
  if (errors > 0) return 1;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    // On stderr in every format, so a CI log says why the step failed without breaking JSON/SARIF.
    fail(`too many warnings: ${warnings}, more than --max-warnings ${opts.maxWarnings}`);
    return 1;
  }
  return 0;
}

function render(
  reports: FileReport[],
  skipped: SkippedReport[],
  opts: LintArgs,
  io: CliIO,
  complete: boolean,
  fixSummary: string | undefined,
  fixText: string,
): string {
  switch (opts.format) {
    case 'json':
      return formatJson(reports, { skipped });
    case 'sarif':
      return formatSarif(reports, { toolVersion: VERSION, rules, docsUrl: (id) => ruleDocsUrl(id), executionSuccessful: complete, skipped });
    case 'github':
      return formatGithub(reports);
    case 'text': {
      const text = formatText(reports, { color: useColor(io) });
      if (!fixSummary) return text;
      // The summary stays the last line; the fixes and their count go just before it.
      const lines = text.trimEnd().split('\n');
      const summary = lines.pop()!;
      return [...lines.map((l) => l + '\n'), fixText, fixSummary + '\n', summary + '\n'].join('');
    }
  }
}
