// `team-charter lint [PATH…]`: PATHs → charter sets through the host → the configs that govern each
// charter → one analysis per file (or fix passes) → a report in the chosen format → exit 0 (no
// errors), 1 (errors, too many warnings) or 2 (usage, config or file problems).
import { analyze, fixAll, ruleDocsUrl, rules } from '../lint';
import type { AnalyzeOptions, Finding } from '../lint';
import type { CharterConfig } from '../engine/model';
import { plural } from '../engine/text';
import { NodeHost } from '../host/node-host';
import { NOT_FIXED_LINK, WriteError, writeCharterFile } from '../host/node-write';
import { LINT_USAGE, UsageError, parseLintArgs } from './args';
import type { LintArgs } from './args';
import { DiscoveryError, askedCharters, chartersOf, configMessages, displayPath, skippedLine } from './charter-sets';
import { fixLines, unifiedDiff } from './fix-report';
import type { FileReport, SkippedReport } from './formats/lint-report';
import { formatText } from './formats/text';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatGithub } from './formats/github';
import type { CliIO } from './io';
import { useColor } from './io';

export { displayPath } from './charter-sets';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export async function runLint(args: string[], io: CliIO): Promise<number> {
  let opts: LintArgs;
  try {
    opts = parseLintArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`team-charter lint: ${e.message}\nRun "team-charter lint --help" for usage.\n`);
    return 2;
  }
  if (opts.help) {
    io.stdout(LINT_USAGE + '\n');
    return 0;
  }
  const fail = (message: string) => io.stderr(`team-charter: ${message}\n`);
  const host = new NodeHost({ cwd: io.cwd, configFile: opts.config, ignoreGlobs: opts.ignore, stable: true });

  let sets: Awaited<ReturnType<typeof chartersOf>>;
  try {
    sets = await chartersOf(host, opts.paths, io.cwd);
  } catch (e) {
    if (!(e instanceof DiscoveryError)) throw e;
    fail(e.message);
    return 2;
  }
  const charters = askedCharters(sets.listings, io.cwd);

  // Every config is resolved and checked before anything is linted or written, like ESLint.
  const configOf = new Map<string, CharterConfig | undefined>();
  const configLines = { fatal: new Set<string>(), errors: new Set<string>() };
  for (const charter of charters) {
    const governing = await host.configFor(charter.path, charter.listing.root);
    const messages = configMessages(governing, io.cwd);
    for (const line of messages.fatal) configLines.fatal.add(line);
    for (const line of [...messages.errors, ...messages.problems]) configLines.errors.add(line);
    configOf.set(charter.path, governing.rules?.config);
  }
  // A config that is a folder, FIFO or device stops the run at once; so does any broken config.
  const configFailures = configLines.fatal.size ? configLines.fatal : configLines.errors;
  if (configFailures.size) {
    for (const line of configFailures) fail(line);
    return 2;
  }
  for (const notice of sets.notices) fail(notice);

  const today = opts.today ?? io.today();
  const reports: FileReport[] = [];
  const skipped: SkippedReport[] = [];
  /** Lines that make the run exit 2. */
  const problems: string[] = [];
  /** Lines about fixes: stdout in text format, stderr otherwise. */
  const fixOutput: string[] = [];
  const diffs: string[] = [];
  let fixesApplied = 0;
  let filesFixed = 0;
  for (const listing of sets.listings) {
    for (const s of listing.skipped) {
      skipped.push({ path: displayPath(s.path, io.cwd), reason: s.reason });
      if (s.asked) problems.push(skippedLine(s, io.cwd));
      else fail(skippedLine(s, io.cwd));
    }
  }
  const fixing = opts.fix || opts.fixDryRun;
  for (const charter of charters) {
    const name = charter.shown;
    const options: AnalyzeOptions = {
      config: configOf.get(charter.path),
      today,
      maxFileSize: opts.maxFileSize,
      // The engine still reports the crashed rule as a finding; the exit status says the run is incomplete.
      onRuleError: (rule, error) => problems.push(`${name}: internal error in rule "${rule}": ${String((error as Error)?.message ?? error).split('\n')[0]}`),
    };
    const read = await host.readCharter(charter.path, charter.listing.root, charter.asked);
    if (read.skipped) {
      skipped.push({ path: name, reason: read.skipped.reason });
      problems.push(`${name}: ${read.skipped.reason}`);
      continue;
    }
    const file = read.file;
    try {
      let findings: Finding[];
      if (fixing && file.link) {
        // A link is never written through; its findings are those of the text as it is.
        fail(`${name}: ${NOT_FIXED_LINK}`);
        findings = analyze(file.text, options).findings;
      } else if (fixing) {
        const fixed = fixAll(file.text, options);
        findings = fixed.findings ?? analyze(fixed.text, options).findings;
        if (fixed.text !== file.text) {
          let written = opts.fixDryRun;
          if (opts.fix) {
            try {
              writeCharterFile(file, fixed.text, name);
              written = true;
            } catch (e) {
              if (!(e instanceof WriteError)) throw e;
              problems.push(e.message);
              // Not written: what remains is the text on disk.
              findings = analyze(file.text, options).findings;
            }
          }
          if (written) {
            fixOutput.push(...fixLines(name, fixed.applied));
            if (opts.fixDryRun) diffs.push(unifiedDiff(name, file.text, fixed.text));
            fixesApplied += fixed.fixed;
            filesFixed++;
          }
        }
      } else {
        findings = analyze(file.text, options).findings;
      }
      reports.push({ path: name, findings: opts.quiet ? findings.filter((f) => f.severity === 'error') : findings });
    } catch (e) {
      problems.push(`${name}: internal error: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
    }
  }

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
      return formatJson(reports, skipped);
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
