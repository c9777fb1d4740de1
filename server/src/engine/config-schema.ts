// The JSON schema of `.charterrc.*` (draft-07, as VS Code's JSON language service and Red Hat's YAML
// extension read it), built from the rule definitions: every rule id with its description, default
// severity and typed options. schemas/charterrc.schema.json is this function's output, committed
// (`npm run schema` rewrites it; a test fails when it is out of date).
//
// What the schema leaves to the language server, so an editor that uses both reports nothing twice
// (see config-problems.ts, `inSchema`): rule ids and option names it does not know are allowed here
// (the server says "did you mean"; a newer version's rule is not an error), and globs are any
// non-empty string (the server checks their syntax).
import type { Rule } from './rule';
import type { OptionSpec } from './options';
import { allowedValues } from './options';
import { SEVERITY_WORDS } from './config-problems';

type Json = { [key: string]: unknown };

/** What each severity word means, for the schema, completion and hover. */
export const SEVERITY_MEANINGS: Record<(typeof SEVERITY_WORDS)[number], string> = {
  off: 'The rule does not run.',
  info: 'Findings are information (exit code 0 in the CLI).',
  warning: 'Findings are warnings.',
  warn: 'Short for `warning`.',
  error: 'Findings are errors (exit code 1 in the CLI).',
};

export function configSchema(rules: readonly Rule[], docsUrl: (id: string) => string): Json {
  const ruleProperties: Json = {};
  for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) ruleProperties[rule.id] = ruleSchema(rule, docsUrl(rule.id));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/team-charter/team-charter/schemas/charterrc.schema.json',
    title: 'Team Charter configuration (.charterrc.yaml, .charterrc.yml, .charterrc.json)',
    description: 'Rule severities and options, and charters to skip, for the charters in this folder and below (the nearest .charterrc.* wins).',
    type: 'object',
    properties: {
      rules: {
        type: ['object', 'null'],
        description: 'Severity per rule id: off, info, warning (or warn) or error, or [severity, { options }].',
        markdownDescription: 'Severity per rule id: `off`, `info`, `warning` (or `warn`) or `error`, or `[severity, { options }]`, like `checkin-too-frequent: [error, { minDays: 3 }]`.',
        properties: ruleProperties,
        additionalProperties: { $ref: '#/definitions/setting' },
      },
      $schema: { type: 'string', description: 'Where editors find this schema; ignored by Team Charter.' },
      ignores: {
        type: ['array', 'null'],
        description: 'Charters the CLI and the editor skip: gitignore-style globs (*, **, a trailing / for a folder), relative to this file\'s folder.',
        markdownDescription: 'Charters the CLI and the editor skip: gitignore-style globs (`*`, `**`, a trailing `/` for a folder), relative to this file\'s folder, like `[archive/, "**/*.draft.charter.yaml"]`. No negation (`!`) and no braces (`{a,b}`).',
        items: { type: 'string', minLength: 1 },
      },
    },
    patternProperties: { '^x-': { description: 'Extension key: ignored by Team Charter, kept for your own tools.' } },
    additionalProperties: false,
    definitions: {
      severity: {
        enum: [...SEVERITY_WORDS],
        description: 'off, info, warning (or warn) or error.',
        markdownEnumDescriptions: SEVERITY_WORDS.map((w) => SEVERITY_MEANINGS[w]),
      },
      setting: {
        anyOf: [{ $ref: '#/definitions/severity' }, { type: 'array', items: [{ $ref: '#/definitions/severity' }, { type: 'object' }], minItems: 1, maxItems: 2 }],
      },
    },
  };
}

function ruleSchema(rule: Rule, docs: string): Json {
  const options = Object.entries(rule.options ?? {});
  const optionsSchema: Json = { type: 'object' };
  if (options.length) {
    optionsSchema.properties = Object.fromEntries(options.map(([name, spec]) => [name, optionSchema(spec)]));
    optionsSchema.default = Object.fromEntries(options.map(([name, spec]) => [name, spec.default]));
  }
  const plainOptions = options.map(([name, spec]) => `${name} (${allowedValues(spec)}, default ${JSON.stringify(spec.default)})`);
  return {
    description: `${sentence(rule.description)} Default severity: ${rule.severity}.${plainOptions.length ? ` Options: ${plainOptions.join('; ')}.` : ''}`,
    markdownDescription: ruleMarkdown(rule, docs),
    default: rule.severity,
    anyOf: [{ $ref: '#/definitions/severity' }, { type: 'array', items: [{ $ref: '#/definitions/severity' }, optionsSchema], minItems: 1, maxItems: 2 }],
  };
}

function optionSchema(spec: OptionSpec): Json {
  const base = { description: `${spec.description} ${capitalise(allowedValues(spec))}, default ${JSON.stringify(spec.default)}.`, markdownDescription: optionMarkdown(spec) };
  if (spec.type === 'string-list') return { type: 'array', items: { type: 'string' }, default: spec.default, ...base };
  const range: Json = {};
  if (spec.minimum !== undefined) range.minimum = spec.minimum;
  if (spec.type === 'number' && spec.exclusiveMinimum !== undefined) range.exclusiveMinimum = spec.exclusiveMinimum;
  if (spec.maximum !== undefined) range.maximum = spec.maximum;
  return { type: spec.type, ...range, default: spec.default, ...base };
}

/** A rule for a hover or the schema: what it checks, its default severity, its options, its page. */
export function ruleMarkdown(rule: Rule, docs: string): string {
  const lines = [`**${rule.id}** · default severity \`${rule.severity}\``, '', rule.description];
  const options = Object.entries(rule.options ?? {});
  if (options.length) {
    lines.push('', 'Options:');
    for (const [name, spec] of options) lines.push(`- \`${name}\`: ${allowedValues(spec)}, default \`${JSON.stringify(spec.default)}\`. ${spec.description}`);
  }
  lines.push('', `[Rule page](${docs})`);
  return lines.join('\n');
}

/** One option for a hover or the schema: what it allows, its default and what it means. */
export function optionMarkdown(spec: OptionSpec): string {
  return `${spec.description}\n\n${capitalise(allowedValues(spec))}, default \`${JSON.stringify(spec.default)}\`.`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The schema as the committed file holds it. */
export function configSchemaText(rules: readonly Rule[], docsUrl: (id: string) => string): string {
  return JSON.stringify(configSchema(rules, docsUrl), null, 2) + '\n';
}
