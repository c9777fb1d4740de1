// What is wrong in a config's data, each problem with the path of the key or value it is about, so
// the CLI can print it and an editor can underline it in the config file itself. Every problem also
// says whether the config schema (schemas/charterrc.schema.json) expresses it: an editor that
// validates the file with that schema already reports those, and nothing should be reported twice.
import type { Rule } from './rule';
import { optionProblems } from './options';
import { globProblem } from './globs';
import { closestMatches } from './text';

export type ConfigPath = ReadonlyArray<string | number>;

export interface ConfigProblem {
  /** Where: `['rules', 'owner-mising']`, `['rules', id, 1, 'minDays']`, `['ignores', 2]`; `[]` is the whole file. */
  path: ConfigPath;
  /** The key at `path` (an unknown id or option), or its value (a bad severity, an out-of-range option). */
  at: 'key' | 'value';
  message: string;
  /** The config schema expresses it too (a type, an enum, a range, an unknown top-level key). */
  inSchema: boolean;
  /** The word the user probably meant (the "did you mean"), to replace the key or value with. */
  suggestion?: string;
}

/** The words a severity may be written with, and what each means (`warn` is short for `warning`). */
export const SEVERITY_WORDS = ['off', 'info', 'warning', 'warn', 'error'] as const;

export const CONFIG_KEYS = ['rules', 'ignores'] as const;

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function configProblems(config: unknown, rules: readonly Rule[]): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const add = (path: ConfigPath, at: 'key' | 'value', message: string, inSchema: boolean, suggestion?: string) =>
    out.push({ path, at, message, inSchema, ...(suggestion !== undefined ? { suggestion } : {}) });
  if (config === null || config === undefined) return out;
  if (!isMap(config)) return [{ path: [], at: 'value', message: 'the config must be a map with a "rules" key', inSchema: true }];
  for (const key of Object.keys(config)) {
    // `$schema` tells editors where the schema is (a JSON habit); `x-` keys are the user's own.
    if (!(CONFIG_KEYS as readonly string[]).includes(key) && key !== '$schema' && !key.startsWith('x-')) {
      const close = closestMatches(key, CONFIG_KEYS, 2);
      add([key], 'key', `unknown config key "${key}" (${close.length ? `did you mean "${close[0]}"?` : 'expected "rules" or "ignores"'})`, true, close[0]);
    }
  }
  if (has(config, 'ignores')) ignoresProblems(config.ignores, add);
  const settings = config.rules;
  if (settings === undefined || settings === null) return out;
  if (!isMap(settings)) {
    add(['rules'], 'value', '"rules" must be a map of rule id to severity', true);
    return out;
  }
  const known = new Map(rules.map((r) => [r.id, r]));
  for (const [id, setting] of Object.entries(settings)) {
    const rule = known.get(id);
    if (!rule) {
      const close = closestMatches(id, known.keys(), 3);
      add(['rules', id], 'key', `unknown rule "${id}" in config${close.length ? ` (did you mean "${close[0]}"?)` : ''}`, false, close[0]);
    }
    const list = Array.isArray(setting);
    const severity = list ? setting[0] : setting;
    if (typeof severity !== 'string' || !(SEVERITY_WORDS as readonly string[]).includes(severity)) {
      const close = typeof severity === 'string' ? closestMatches(severity, ['off', 'info', 'warning', 'error'], 2) : [];
      const given = severity === undefined ? 'nothing' : JSON.stringify(severity);
      add(list ? ['rules', id, 0] : ['rules', id], 'value', `rule "${id}": severity must be off, info, warning or error, not ${given}${close.length ? ` (did you mean "${close[0]}"?)` : ''}`, true, close[0]);
    }
    if (!list) continue;
    if (setting.length > 2) add(['rules', id, 2], 'value', `rule "${id}": write the severity and at most one map of options, like [warning, { max: 3 }]`, true);
    if (setting.length < 2 || setting[1] === null || setting[1] === undefined) continue;
    if (!isMap(setting[1])) add(['rules', id, 1], 'value', `rule "${id}": options must be a map, like [warning, { max: 3 }]`, true);
    else if (rule) for (const p of optionProblems(id, rule.options, setting[1])) add(['rules', id, 1, p.name], p.at, p.message, p.inSchema, p.suggestion);
  }
  return out;
}

function ignoresProblems(ignores: unknown, add: (path: ConfigPath, at: 'key' | 'value', message: string, inSchema: boolean) => void): void {
  if (ignores === undefined || ignores === null) return;
  if (!Array.isArray(ignores)) {
    add(['ignores'], 'value', '"ignores" must be a list of globs, like [test/fixtures/]', true);
    return;
  }
  ignores.forEach((glob, i) => {
    if (typeof glob !== 'string') add(['ignores', i], 'value', `"ignores": ${JSON.stringify(glob)} is not a glob (write it as a string)`, true);
    else if (glob.trim() === '') add(['ignores', i], 'value', '"ignores": an empty glob matches nothing', true);
    else {
      const problem = globProblem(glob);
      if (problem) add(['ignores', i], 'value', `"ignores": "${glob}": ${problem}`, false);
    }
  });
}
