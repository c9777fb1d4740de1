// `team-charter lint [PATH…]`: discovery → config per charter → one analysis per file (or fix
// passes) → a report in the chosen format → exit 0 (no errors), 1 (errors, too many warnings) or
// 2 (usage, config or file problems).
import path from 'node:path';
import { analyze, fixAll, ruleDocsUrl, rules } from '../lint';
import type { AnalyzeOptions, Finding } from '../lint';
import { checkConfig } from '../engine/config';
import type { CharterConfig } from '../engine/model';
import { plural } from '../engine/text';
import { findConfigFile, readConfigFile } from '../node/config-lookup';
import { LINT_USAGE, UsageError, parseLintArgs } from './args';
import type { LintArgs } from './args';
import { DiscoveryError, discoverCharters } from './discover';
import { FileError, readCharter, writeCharter } from './files';
import type { FileReport } from './formats/lint-report';
import { formatText } from './formats/text';
import { terminalLine } from './formats/escape-terminal';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatGithub } from './formats/github';
import type { CliIO } from './io';
import { useColor } from './io';

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
  const shown = (abs: string) => displayPath(abs, io.cwd);
  // One line each: a line break in a file name must not start a line of its own.
  const fail = (message: string) => io.stderr(`team-charter: ${terminalLine(message)}\n`);

  let files: string[];
  const problems: string[] = [];
  try {
    const found = discoverCharters(opts.paths, io.cwd);
    files = found.files;
    problems.push(...found.problems);
  } catch (e) {
    if (!(e instanceof DiscoveryError)) throw e;
    fail(e.message);
    return 2;
  }

  // Every config is resolved and checked before anything is linted or written, like ESLint.
  const configs = new ConfigResolver(io.cwd, opts.config);
  const configOf = new Map<string, CharterConfig | undefined>();
  try {
    for (const file of files) configOf.set(file, configs.forCharter(file));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    for (const line of e.message.split('\n')) fail(line);
    return 2;
  }

  const today = opts.today ?? io.today();
  const reports: FileReport[] = [];
  let fixesApplied = 0;
  let filesFixed = 0;
  for (const file of files) {
    const name = shown(file);
    const options: AnalyzeOptions = {
      config: configOf.get(file),
      today,
      maxFileSize: opts.maxFileSize,
      // The engine still reports the crashed rule as a finding; the exit status says the run is incomplete.
      onRuleError: (rule, error) => problems.push(`${name}: internal error in rule "${rule}": ${String((error as Error)?.message ?? error).split('\n')[0]}`),
    };
    try {
      const charter = readCharter(file, name);
      let findings: Finding[];
      if (opts.fix) {
        const fixed = fixAll(charter.text, options);
        if (fixed.text !== charter.text) {
          writeCharter(file, name, charter, fixed.text);
          fixesApplied += fixed.fixed;
          filesFixed++;
        }
        findings = fixed.findings ?? analyze(fixed.text, options).findings;
      } else {
        findings = analyze(charter.text, options).findings;
      }
      reports.push({ path: name, findings: opts.quiet ? findings.filter((f) => f.severity === 'error') : findings });
    } catch (e) {
      problems.push(e instanceof FileError ? e.message : `${name}: internal error: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
    }
  }

  io.stdout(render(reports, opts, io, problems.length === 0, opts.fix ? `applied ${plural(fixesApplied, 'safe fix', 'safe fixes')} in ${plural(filesFixed, 'file')}` : undefined));
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

function render(reports: FileReport[], opts: LintArgs, io: CliIO, complete: boolean, fixLine: string | undefined): string {
  switch (opts.format) {
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, { toolVersion: VERSION, rules, docsUrl: (id) => ruleDocsUrl(id), executionSuccessful: complete });
    case 'github':
      return formatGithub(reports);
    case 'text': {
      const text = formatText(reports, { color: useColor(io) });
      if (!fixLine) return text;
      // The summary stays the last line; the fix count goes just before it.
      const lines = text.trimEnd().split('\n');
      lines.splice(lines.length - 1, 0, fixLine);
      return lines.join('\n') + '\n';
    }
  }
}

export function displayPath(abs: string, cwd: string): string {
  return (path.relative(cwd, abs) || path.basename(abs)).split(path.sep).join('/');
}

class ConfigError extends Error {}

/** Config per charter: `--config FILE` for all, else the nearest `.charterrc.*` (read and checked once each). */
class ConfigResolver {
  private readonly byFile = new Map<string, CharterConfig>();
  private readonly nearest = new Map<string, string | null>();
  private readonly explicit: string | undefined;

  constructor(
    private readonly cwd: string,
    configArg: string | undefined,
  ) {
    this.explicit = configArg === undefined ? undefined : path.resolve(cwd, configArg);
  }

  forCharter(charter: string): CharterConfig | undefined {
    const file = this.explicit ?? findConfigFile(charter, undefined, this.nearest);
    return file === undefined ? undefined : this.load(file);
  }

  private load(file: string): CharterConfig {
    const cached = this.byFile.get(file);
    if (cached) return cached;
    const name = displayPath(file, this.cwd);
    let config: CharterConfig;
    try {
      config = readConfigFile(file);
    } catch (e) {
      // readConfigFile names the file by its absolute path; show it as the user sees it.
      const message = String((e as Error).message).split('\n')[0];
      throw new ConfigError(message.startsWith(file) ? name + message.slice(file.length) : `${name}: ${message}`);
    }
    const problems = checkConfig(config, rules);
    if (problems.length) throw new ConfigError(problems.map((p) => `${name}: ${p}`).join('\n'));
    this.byFile.set(file, config);
    return config;
  }
}
