// The problems of a `.charterrc.*` file, on the exact key or value each is about. When the editor
// validates the file with the config schema itself (VS Code's JSON service; Red Hat's YAML
// extension), only what the schema cannot express is reported here, so nothing shows twice.
import { configProblems } from '../../engine/config-problems';
import type { Rule } from '../../engine/rule';
import type { ConfigDocument, OffsetRange } from './config-document';
import { rangeAt } from './config-document';

export interface ConfigFileProblem {
  range: OffsetRange;
  message: string;
  /** A did-you-mean, as the text that replaces `range`. */
  fix?: { title: string; newText: string };
}

export interface ProblemOptions {
  /** The editor checks this file against schemas/charterrc.schema.json (and its syntax) already. */
  schemaValidated: boolean;
}

export function configFileProblems(config: ConfigDocument, rules: readonly Rule[], options: ProblemOptions): ConfigFileProblem[] {
  if (config.error) return options.schemaValidated ? [] : [{ range: config.error.range, message: `the config file cannot be used, so default rule settings apply: ${config.error.message}` }];
  const out: ConfigFileProblem[] = [];
  for (const problem of configProblems(config.data, rules)) {
    if (problem.inSchema && options.schemaValidated) continue;
    const range = rangeAt(config, problem.path, problem.at);
    const written = config.text.slice(range[0], range[1]);
    const quote = /^["']/.test(written) ? written[0] : '';
    const word = written.slice(quote.length, written.length - quote.length);
    // Only a fix that replaces the very word the problem is about (never a fallback range).
    const fixable = problem.suggestion !== undefined && (problem.at === 'key' ? word === String(problem.path[problem.path.length - 1]) : /^[\w-]+$/.test(word));
    out.push({ range, message: problem.message, ...(fixable ? { fix: { title: `Change to "${problem.suggestion}"`, newText: quote + problem.suggestion + quote } } : {}) });
  }
  return out;
}
