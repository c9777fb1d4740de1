// Typed rule options: each rule declares its options (type, range, default, description) once, and
// the engine validates what a config gives against that declaration. Rules then read plain, typed
// values; the config schema, the docs tables and completion read the same declarations.
import { closestMatches } from './text';

export type OptionSpec =
  | { type: 'integer'; default: number; minimum?: number; maximum?: number; description: string }
  | { type: 'number'; default: number; minimum?: number; exclusiveMinimum?: number; maximum?: number; description: string }
  | { type: 'string-list'; default: readonly string[]; description: string };

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The values a rule's check sees for its declared options. */
export type OptionValues<S extends OptionSpecs> = { readonly [K in keyof S]: S[K] extends { type: 'string-list' } ? readonly string[] : number };

/** What values an option allows, in words: `an integer ≥ 1`, `a number > 0 and ≤ 1`, `a list of strings`. */
export function allowedValues(spec: OptionSpec): string {
  if (spec.type === 'string-list') return 'a list of strings';
  const bounds: string[] = [];
  if (spec.type === 'number' && spec.exclusiveMinimum !== undefined) bounds.push(`> ${spec.exclusiveMinimum}`);
  if (spec.minimum !== undefined) bounds.push(`≥ ${spec.minimum}`);
  if (spec.maximum !== undefined) bounds.push(`≤ ${spec.maximum}`);
  return `${spec.type === 'integer' ? 'an integer' : 'a number'}${bounds.length ? ' ' + bounds.join(' and ') : ''}`;
}

/** True when `value` is allowed by `spec`. */
export function isAllowed(spec: OptionSpec, value: unknown): boolean {
  if (spec.type === 'string-list') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (spec.type === 'integer' && !Number.isInteger(value)) return false;
  if (spec.minimum !== undefined && value < spec.minimum) return false;
  if (spec.maximum !== undefined && value > spec.maximum) return false;
  if (spec.type === 'number' && spec.exclusiveMinimum !== undefined && value <= spec.exclusiveMinimum) return false;
  return true;
}

export interface OptionProblem {
  /** The option's name as written. */
  name: string;
  /** An unknown name is about the key; a bad value about the value. */
  at: 'key' | 'value';
  message: string;
  /** The config schema expresses it too (a type or a range); an unknown name it leaves to the server. */
  inSchema: boolean;
  /** The declared option a misspelt name probably meant. */
  suggestion?: string;
}

/** Problems with the options a config gives one rule, each naming the rule, the option and what is allowed. */
export function optionProblems(ruleId: string, specs: OptionSpecs | undefined, given: Record<string, unknown>): OptionProblem[] {
  const declared = specs ?? {};
  const names = Object.keys(declared);
  const problems: OptionProblem[] = [];
  for (const [name, value] of Object.entries(given)) {
    const spec = Object.prototype.hasOwnProperty.call(declared, name) ? declared[name] : undefined;
    if (!spec) {
      const close = closestMatches(name, names, Math.min(3, Math.max(1, Math.floor(name.length / 3))));
      const hint = close.length ? `did you mean "${close[0]}"?` : names.length ? `its options: ${names.join(', ')}` : 'it takes none';
      problems.push({ name, at: 'key', message: `rule "${ruleId}" has no option "${name}" (${hint})`, inSchema: false, ...(close.length ? { suggestion: close[0] } : {}) });
    } else if (!isAllowed(spec, value)) {
      problems.push({ name, at: 'value', message: `rule "${ruleId}": option "${name}" must be ${allowedValues(spec)}, like ${JSON.stringify(spec.default)}, not ${JSON.stringify(value)}`, inSchema: true });
    }
  }
  return problems;
}

/** Declared defaults overlaid with the valid given values (an invalid one keeps its default). */
export function resolveOptions(specs: OptionSpecs | undefined, given: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs ?? {})) {
    const value = given && Object.prototype.hasOwnProperty.call(given, name) ? given[name] : undefined;
    out[name] = value !== undefined && isAllowed(spec, value) ? value : spec.default;
  }
  return out;
}
