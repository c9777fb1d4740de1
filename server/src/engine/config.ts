// Config data (already read by an adapter) → each rule's effective severity and options.
import { parse as parseYaml } from 'yaml';
import type { CharterConfig, RuleSetting, SeverityOrOff } from './model';
import type { Rule } from './rule';
import { resolveOptions } from './options';
import { configProblems } from './config-problems';

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
 * Problems in a config (unknown rule ids, bad severities and options, globs that match nothing), as
 * messages; config-problems.ts has them with the path of the key or value each is about. `rules` may
 * hold extra ids (e.g. from a newer version) and those are simply ignored by `effectiveRules`.
 */
export function checkConfig(config: unknown, rules: readonly Rule[]): string[] {
  return configProblems(config, rules).map((p) => p.message);
}

export function effectiveRules(rules: readonly Rule[], config: CharterConfig | undefined): EffectiveRule[] {
  const settings = (config && typeof config === 'object' && config.rules && typeof config.rules === 'object' ? config.rules : {}) as Record<string, RuleSetting>;
  return rules.map((rule) => {
    // Own keys only: a `__proto__` or `constructor` key in a config names no rule and sets nothing.
    const setting = Object.prototype.hasOwnProperty.call(settings, rule.id) ? settings[rule.id] : undefined;
    let severity: SeverityOrOff = rule.severity;
    let given: Record<string, unknown> | undefined;
    if (setting !== undefined) {
      const sev = Array.isArray(setting) ? setting[0] : setting;
      if (typeof sev === 'string' && Object.prototype.hasOwnProperty.call(SEVERITY_WORDS, sev)) severity = SEVERITY_WORDS[sev];
      if (Array.isArray(setting) && setting[1] && typeof setting[1] === 'object') given = setting[1];
    }
    return { rule, severity, options: given ? resolveOptions(rule.options, given) : defaultOptions(rule) };
  });
}

/** Each rule's options when a config gives none: worked out once (every check asks), frozen as they are shared. */
const DEFAULT_OPTIONS = new WeakMap<Rule, Readonly<Record<string, unknown>>>();
function defaultOptions(rule: Rule): Record<string, unknown> {
  let options = DEFAULT_OPTIONS.get(rule);
  if (!options) DEFAULT_OPTIONS.set(rule, (options = Object.freeze(resolveOptions(rule.options, undefined))));
  return options as Record<string, unknown>;
}

/**
 * `target[key] = value` as an own property, whatever the key: assigning `__proto__` would replace
 * the object's prototype instead, and every rule id would then inherit a setting from it.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
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
