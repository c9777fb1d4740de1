// Config data (already read by an adapter) → each rule's effective severity and options.
import { parse as parseYaml } from 'yaml';
import type { CharterConfig, RuleSetting, SeverityOrOff } from './model';
import type { Rule } from './rule';
import { optionProblems, resolveOptions } from './options';
import { closestMatches } from './text';

export interface EffectiveRule {
  rule: Rule;
  severity: SeverityOrOff;
  options: Record<string, unknown>;
}

const SEVERITY_WORDS: Record<string, SeverityOrOff> = {
  off: 'off',
  info: 'info',
  warning: 'warning',
  warn: 'warning',
  error: 'error',
};

/**
 * Problems in a config (unknown rule ids, bad severities). Adapters show them; `rules` may hold
 * extra ids (e.g. from a newer version) and those are simply ignored by `effectiveRules`.
 */
export function checkConfig(config: unknown, rules: readonly Rule[]): string[] {
  const problems: string[] = [];
  if (config === null || config === undefined) return problems;
  if (typeof config !== 'object' || Array.isArray(config)) return ['the config must be a map with a "rules" key'];
  const known = new Map(rules.map((r) => [r.id, r]));
  for (const key of Object.keys(config)) if (key !== 'rules' && key !== 'ignores' && !key.startsWith('x-')) problems.push(`unknown config key "${key}" (expected "rules" or "ignores")`);
  problems.push(...ignoreProblems((config as CharterConfig).ignores));
  const ruleSettings = (config as CharterConfig).rules;
  if (ruleSettings === undefined || ruleSettings === null) return problems;
  if (typeof ruleSettings !== 'object' || Array.isArray(ruleSettings)) return [...problems, '"rules" must be a map of rule id to severity'];
  for (const [id, setting] of Object.entries(ruleSettings)) {
    if (!known.has(id)) {
      const close = closestMatches(id, known.keys(), 3);
      problems.push(`unknown rule "${id}" in config${close.length ? ` (did you mean "${close[0]}"?)` : ''}`);
    }
    const sev = Array.isArray(setting) ? setting[0] : setting;
    if (typeof sev !== 'string' || !Object.prototype.hasOwnProperty.call(SEVERITY_WORDS, sev)) problems.push(`rule "${id}": severity must be off, info, warning or error, not ${JSON.stringify(sev)}`);
    if (Array.isArray(setting) && setting.length > 1 && (typeof setting[1] !== 'object' || setting[1] === null || Array.isArray(setting[1]))) {
      problems.push(`rule "${id}": options must be a map, like [warning, { max: 3 }]`);
    } else if (Array.isArray(setting) && setting[1] && known.has(id)) {
      problems.push(...optionProblems(id, known.get(id)!.options, setting[1] as Record<string, unknown>));
    }
  }
  return problems;
}

/** `ignores`: a list of gitignore-style globs (`*`, `**`, trailing `/`); negation (`!`) is not supported. */
function ignoreProblems(ignores: unknown): string[] {
  if (ignores === undefined || ignores === null) return [];
  if (!Array.isArray(ignores)) return ['"ignores" must be a list of globs, like [test/fixtures/]'];
  return ignores.flatMap((glob) => {
    if (typeof glob !== 'string') return [`"ignores": ${JSON.stringify(glob)} is not a glob (write it as a string)`];
    if (glob.trim() === '') return ['"ignores": an empty glob matches nothing'];
    if (glob.startsWith('!')) return [`"ignores": "${glob}": negation ("!") is not supported; the glob is left out`];
    return [];
  });
}

export function effectiveRules(rules: readonly Rule[], config: CharterConfig | undefined): EffectiveRule[] {
  const settings = (config && typeof config === 'object' && config.rules && typeof config.rules === 'object' ? config.rules : {}) as Record<string, RuleSetting>;
  return rules.map((rule) => {
    const setting = Object.prototype.hasOwnProperty.call(settings, rule.id) ? settings[rule.id] : undefined;
    let severity: SeverityOrOff = rule.severity;
    let given: Record<string, unknown> | undefined;
    if (setting !== undefined) {
      const sev = Array.isArray(setting) ? setting[0] : setting;
      if (typeof sev === 'string' && Object.prototype.hasOwnProperty.call(SEVERITY_WORDS, sev)) severity = SEVERITY_WORDS[sev];
      if (Array.isArray(setting) && setting[1] && typeof setting[1] === 'object') given = setting[1];
    }
    return { rule, severity, options: resolveOptions(rule.options, given) };
  });
}

export const CONFIG_FILE_NAMES = ['.charterrc.yaml', '.charterrc.yml', '.charterrc.json'] as const;

/**
 * Parses a config file's text (YAML or JSON); throws with a readable message when it is broken.
 * yaml's warnings (an unknown tag: the value is read as plain) are not printed: the engine writes nothing.
 */
export function parseConfigText(text: string, fileName: string): CharterConfig {
  let data: unknown;
  try {
    data = fileName.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { prettyErrors: false, logLevel: 'error' });
  } catch (e) {
    throw new Error(`${fileName}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error(`${fileName}: the config must be a map with a "rules" key`);
  return data as CharterConfig;
}
