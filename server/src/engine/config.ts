// Config data (already read by an adapter) → each rule's effective severity and options.
import { parse as parseYaml } from 'yaml';
import type { CharterConfig, RuleSetting, SeverityOrOff } from './model';
import type { Rule } from './rule';

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
  for (const key of Object.keys(config)) if (key !== 'rules' && !key.startsWith('x-')) problems.push(`unknown config key "${key}" (expected "rules")`);
  const ruleSettings = (config as CharterConfig).rules;
  if (ruleSettings === undefined || ruleSettings === null) return problems;
  if (typeof ruleSettings !== 'object' || Array.isArray(ruleSettings)) return [...problems, '"rules" must be a map of rule id to severity'];
  for (const [id, setting] of Object.entries(ruleSettings)) {
    if (!known.has(id)) problems.push(`unknown rule "${id}" in config`);
    const sev = Array.isArray(setting) ? setting[0] : setting;
    if (typeof sev !== 'string' || !(sev in SEVERITY_WORDS)) problems.push(`rule "${id}": severity must be off, info, warning or error, not ${JSON.stringify(sev)}`);
    if (Array.isArray(setting) && setting.length > 1 && (typeof setting[1] !== 'object' || setting[1] === null || Array.isArray(setting[1]))) {
      problems.push(`rule "${id}": options must be a map, like [warning, { max: 3 }]`);
    } else if (Array.isArray(setting) && setting[1] && known.has(id)) {
      problems.push(...optionProblems(known.get(id)!, setting[1] as Record<string, unknown>));
    }
  }
  return problems;
}

/** Options a rule does not have, or of another type than its default (every option has one). */
function optionProblems(rule: Rule, options: Record<string, unknown>): string[] {
  const defaults = rule.defaultOptions ?? {};
  const names = Object.keys(defaults);
  return Object.entries(options).flatMap(([name, value]) => {
    if (!(name in defaults)) {
      return [`rule "${rule.id}" has no option "${name}" (${names.length ? `its options: ${names.join(', ')}` : 'it takes none'})`];
    }
    const type = typeof defaults[name];
    return typeof value === type ? [] : [`rule "${rule.id}": option "${name}" must be a ${type}, like ${JSON.stringify(defaults[name])}, not ${JSON.stringify(value)}`];
  });
}

export function effectiveRules(rules: readonly Rule[], config: CharterConfig | undefined): EffectiveRule[] {
  const settings = (config && typeof config === 'object' && config.rules && typeof config.rules === 'object' ? config.rules : {}) as Record<string, RuleSetting>;
  return rules.map((rule) => {
    // Own keys only: a `__proto__` or `constructor` key in a config names no rule and sets nothing.
    const setting = Object.prototype.hasOwnProperty.call(settings, rule.id) ? settings[rule.id] : undefined;
    let severity: SeverityOrOff = rule.severity;
    let options: Record<string, unknown> = { ...(rule.defaultOptions ?? {}) };
    if (setting !== undefined) {
      const sev = Array.isArray(setting) ? setting[0] : setting;
      if (typeof sev === 'string' && sev in SEVERITY_WORDS) severity = SEVERITY_WORDS[sev];
      if (Array.isArray(setting) && setting[1] && typeof setting[1] === 'object') options = { ...options, ...setting[1] };
    }
    return { rule, severity, options };
  });
}

/** Merges configs; later ones win per rule (editor settings on top of the config file). */
export function mergeConfigs(...configs: Array<CharterConfig | undefined>): CharterConfig {
  const rules: Record<string, RuleSetting> = {};
  for (const c of configs) if (c?.rules && typeof c.rules === 'object') for (const [id, setting] of Object.entries(c.rules)) setOwn(rules, id, setting);
  return { rules };
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
