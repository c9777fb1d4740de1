// `team-charter report [PATH…]`: discovery and config as for lint → one analysis per charter →
// report data → html, markdown or mermaid on stdout or in --out FILE. Exit 0, or 2 on usage,
// config or file problems (the charters that could be read are still drawn).
import fs from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import { analyze } from '../lint';
import type { CharterConfig } from '../engine/model';
import { buildReport, renderHtml, renderMarkdown, renderMermaid } from '../report';
import type { CharterInput } from '../report';
import { UsageError } from './args';
import { DiscoveryError, discoverCharters } from './discover';
import { FileError, readCharter } from './files';
import type { CliIO } from './io';
import { ConfigError, ConfigResolver, displayPath } from './lint';
import { REPORT_USAGE, parseReportArgs } from './report-args';
import type { ReportArgs } from './report-args';

export async function runReport(args: string[], io: CliIO): Promise<number> {
  let opts: ReportArgs;
  try {
    opts = parseReportArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`team-charter report: ${e.message}\nRun "team-charter report --help" for usage.\n`);
    return 2;
  }
  if (opts.help) {
    io.stdout(REPORT_USAGE + '\n');
    return 0;
  }
  const fail = (message: string) => io.stderr(`team-charter: ${message}\n`);
  const out = opts.out === undefined ? undefined : path.resolve(io.cwd, opts.out);
  if (out !== undefined) {
    const problem = outProblem(out, opts.out!);
    if (problem) {
      fail(problem);
      return 2;
    }
  }

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

  files = withoutIgnored(files, opts, io);

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
  const inputs: CharterInput[] = [];
  for (const file of files) {
    const name = displayPath(file, io.cwd);
    try {
      const { text } = readCharter(file, name);
      const analysis = analyze(text, {
        config: configOf.get(file),
        today,
        maxFileSize: opts.maxFileSize,
        onRuleError: (rule, error) => problems.push(`${name}: internal error in rule "${rule}": ${String((error as Error)?.message ?? error).split('\n')[0]}`),
      });
      inputs.push({ path: name, analysis, ...(text.length > opts.maxFileSize ? { tooLarge: { size: text.length, limit: opts.maxFileSize } } : {}) });
    } catch (e) {
      problems.push(e instanceof FileError ? e.message : `${name}: internal error: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
    }
  }

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

/**
 * Leaves out the charters matched by `--ignore` (gitignore-style globs relative to the current
 * folder, matched by the `ignore` package); one named on the command line is skipped with a notice.
 * The ignores of `.charterrc.*` files come with the host layer.
 */
function withoutIgnored(files: string[], opts: ReportArgs, io: CliIO): string[] {
  if (opts.ignore.length === 0) return files;
  const matcher = ignore().add(opts.ignore);
  const named = new Set(opts.paths.map((p) => path.resolve(io.cwd, p)));
  return files.filter((file) => {
    const rel = path.relative(io.cwd, file).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../') || path.isAbsolute(rel) || !matcher.ignores(rel)) return true;
    if (named.has(file)) io.stderr(`team-charter: ${rel}: skipped (matched by --ignore)\n`);
    return false;
  });
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
