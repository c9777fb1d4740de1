// JSON Schema validation (ajv) of the charter's data, mapped back onto YAML nodes and rewritten
// as plain sentences. Produces raw problems; the three schema-* rules turn them into findings.
import type { ErrorObject, ValidateFunction } from 'ajv';
import validateCharter from './schema-validator.generated';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import schemaJson from '../../../schemas/team-charter.schema.json';
import { MapView, deref, pairsOf, scalarText } from './parse';
import type { CharterModel, Entry, ListSection } from './parse';
import { LIST_SECTIONS } from './parse';
import { PARTY_FIELD_NAMES } from './indexes';
import { isPlaceholderText } from './vocabulary';

export const charterSchema = schemaJson as unknown as JsonSchema;

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  $ref?: string;
  default?: unknown;
  pattern?: string;
  definitions?: Record<string, JsonSchema>;
}

export interface SchemaProblem {
  kind: 'unknown-key' | 'missing-key' | 'invalid-value';
  /** The node the finding points at (key node, value node, or the entry/section anchor). */
  node: Node | undefined;
  message: string;
  path: Array<string | number>;
  entry?: Entry;
  /** unknown-key: the offending key; missing-key: the missing key. */
  key?: string;
  /** The map a key is missing from / unknown in. */
  holder?: MapView;
  /** unknown-key: keys defined at that place; invalid-value: allowed enum values. */
  candidates?: string[];
}

export interface SchemaResult {
  problems: SchemaProblem[];
}

/** Compiled at build time (scripts/gen-schema-validator.mjs), so ajv is not loaded at run time. */
const getValidator = (): ValidateFunction => validateCharter as unknown as ValidateFunction;

/** Resolves `$ref`s of our own schema (`#/definitions/x`). */
const resolved = new WeakMap<JsonSchema, JsonSchema>();
export function resolveSchema(s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s?.$ref) return s;
  const cached = resolved.get(s);
  if (cached) return cached;
  let cur: JsonSchema | undefined = s;
  for (let i = 0; cur?.$ref && i < 10; i++) {
    const name: string = cur.$ref.replace('#/definitions/', '');
    cur = { ...charterSchema.definitions?.[name], description: cur.description ?? charterSchema.definitions?.[name]?.description };
  }
  if (cur) resolved.set(s, cur);
  return cur;
}

/** True when a string is an acceptable kind of value at this place (text, an enum, a date, an id, a cadence). */
export function acceptsText(s: JsonSchema | undefined): boolean {
  const schema = resolveSchema(s);
  if (!schema) return false;
  if (schema.anyOf) return schema.anyOf.some(acceptsText);
  if (schema.enum) return schema.enum.some((v) => typeof v === 'string');
  if (schema.type === undefined) return false;
  return schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
}

/** The schema that applies at a data path (list indexes are numbers). */
export function schemaAt(path: Array<string | number>): JsonSchema | undefined {
  let cur = resolveSchema(charterSchema);
  for (const seg of path) {
    if (!cur) return undefined;
    if (typeof seg === 'number') cur = resolveSchema(cur.items);
    else cur = resolveSchema(cur.properties?.[seg]);
  }
  return cur;
}

export function validateSchema(model: CharterModel): SchemaResult {
  if (model.root === undefined) return { problems: notAMap(model) };
  const validate = getValidator();
  validate(model.data);
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  // On a line the parser rejected, odd keys and types are artefacts of its recovery: yaml-syntax explains them.
  const brokenLines = new Set(model.syntaxErrors.map((e) => model.lines.lineOf(e.start)));
  for (const error of validate.errors ?? []) {
    const problem = toProblem(model, error);
    if (!problem) continue;
    if (problem.kind !== 'missing-key' && problem.node?.range && brokenLines.has(model.lines.lineOf(problem.node.range[0]))) continue;
    const key = `${problem.kind}|${problem.path.join('/')}|${problem.key ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return { problems };
}

function notAMap(model: CharterModel): SchemaProblem[] {
  const contents = model.doc.contents as Node | null;
  if (!contents || (isScalar(contents) && contents.value === null)) {
    if (model.syntaxErrors.length) return [];
    const what = model.text.trim() === '' ? 'the file is empty' : 'the file is empty apart from comments';
    return [{ kind: 'missing-key', node: undefined, path: [], key: 'charter', message: `${what}: a charter is a YAML map that starts with "charter: 1"` }];
  }
  // Broken YAML often parses as one stray scalar: the syntax error already explains it.
  if (isScalar(contents) && model.syntaxErrors.length) return [];
  const what = isSeq(contents) ? 'a list' : isScalar(contents) ? `a single value (${describeActual(contents.value)})` : 'not a map';
  return [{ kind: 'invalid-value', node: contents, path: [], message: `this file is ${what}, but a charter is a YAML map of sections (charter, team, members, …)` }];
}

function parsePointer(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => (s.includes('~') ? s.replace(/~1/g, '/').replace(/~0/g, '~') : s))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function nodeAt(model: CharterModel, path: Array<string | number>): Node | null {
  let node: Node | null = model.doc.contents as Node | null;
  for (const seg of path) {
    node = deref(model.doc, node);
    if (!node) return null;
    if (typeof seg === 'number' && isSeq(node)) node = deref(model.doc, node.items[seg] as Node);
    else if (isMap(node)) {
      const pair = pairsOf(model.doc, node as YAMLMap<Node, Node | null>).get(String(seg));
      node = pair ? ((pair.value as Node | null) ?? (pair.key as Node)) : null;
    } else return null;
  }
  return deref(model.doc, node);
}

function keyNodeAt(model: CharterModel, path: Array<string | number>, key: string): Node | undefined {
  const holder = nodeAt(model, path);
  if (!isMap(holder)) return undefined;
  return pairsOf(model.doc, holder as YAMLMap<Node, Node | null>).get(key)?.key as Node | undefined;
}

/**
 * The entry at a list position: a binary search, as a section's entries are in position order (items
 * that are not maps have no entry). No cache keyed by the model: a WeakMap entry per check made the
 * garbage collections during a check dearer.
 */
function entryAt(model: CharterModel, path: Array<string | number>): Entry | undefined {
  const [section, position] = path;
  if (path.length < 2 || typeof position !== 'number' || !(LIST_SECTIONS as readonly unknown[]).includes(section)) return undefined;
  const entries = model.lists[section as ListSection];
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = entries[mid].index;
    if (at === position) return entries[mid];
    if (at < position) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** `decision "x"`, `team`, `updates`, `the charter`: the thing holding the value at `path`. */
function holderLabel(model: CharterModel, path: Array<string | number>): string {
  const entry = entryAt(model, path);
  if (entry && path.length >= 2) return entry.label;
  if (path.length === 0) return 'the charter';
  return `"${path.slice(0, 2).join('.')}"`.replace(/^"(\w+)"$/, '$1');
}

/** How a value is named in a message: `"owner" of decision "x"`, `mission`, `item 2 of "covers" in updates`. */
export function valueLabel(model: CharterModel, path: Array<string | number>): string {
  if (path.length === 0) return 'the charter';
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (typeof last === 'number') {
    if (parent.length === 1) return `${parent[0]} item ${last + 1}`;
    return `item ${last + 1} of "${parent[parent.length - 1]}" in ${holderLabel(model, parent.slice(0, -1))}`;
  }
  if (parent.length === 0) return `"${last}"`;
  return `"${last}" of ${holderLabel(model, parent)}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a map of keys',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

function describeActual(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `text "${value.length > 40 ? value.slice(0, 37) + '…' : value}"`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

/** List and map sections whose `*-missing` rule reports them when empty. */
const EMPTY_MEANS_MISSING = new Set(['priorities', 'intent', 'decisions', 'checkins', 'updates']);

/** Paths whose problems a catalogue rule reports instead (one problem, one finding). */
function coveredByCatalogue(model: CharterModel, path: Array<string | number>, value: unknown): boolean {
  if (path[0] === 'charter') return true;
  // An empty section (blank text, `[]`, `{}`) is its `*-missing` rule's finding, whatever its type.
  if (path.length === 1 && EMPTY_MEANS_MISSING.has(String(path[0])) && model.root?.isEmpty(String(path[0]))) return true;
  const field = [...path].reverse().find((s): s is string => typeof s === 'string');
  const fieldIndex = path.lastIndexOf(field as string);
  const isScalarValue = value === null || ['string', 'number', 'boolean'].includes(typeof value);
  const inEntryOrUpdates = (path.length >= 3 && typeof path[1] === 'number') || path[0] === 'updates';
  if (!inEntryOrUpdates || fieldIndex < 1) return false;
  if (field === 'cadence') return true;
  if (field === 'owner' && fieldIndex === path.length - 1 && (isScalarValue || Array.isArray(value))) return true;
  if (PARTY_FIELD_NAMES.has(field as string) && isScalarValue) return true;
  if (path[0] === 'checkins' && field === 'milestones' && isScalarValue) return true;
  if (path[0] === 'risks' && field === 'decisions' && isScalarValue) return true;
  if (path[0] === 'members' && field === 'role' && isScalarValue && model.root?.has('roles')) return true;
  return false;
}

function toProblem(model: CharterModel, error: ErrorObject): SchemaProblem | undefined {
  const path = parsePointer(error.instancePath);
  const value = error.data;
  switch (error.keyword) {
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      if (path.length === 0 && key === 'charter') return undefined;
      const entry = entryAt(model, path);
      const holderNode = nodeAt(model, path);
      const holder = isMap(holderNode) ? new MapView(model.doc, holderNode as YAMLMap<Node, Node | null>) : undefined;
      // `key:` with no value counts as missing, but the message says it is empty.
      const empty = holder?.has(key) ?? false;
      let node: Node | undefined;
      if (entry && path.length === 2) node = entry.anchor;
      else if (path.length === 0) node = (empty ? holder?.keyNode(key) : undefined) ?? model.root?.keyNode('charter');
      else node = keyNodeAt(model, path.slice(0, -1), String(path[path.length - 1])) ?? holderNode ?? undefined;
      let message: string;
      if (path.length === 0) message = empty ? `the "${key}" section is empty, but every charter needs one` : `the charter has no "${key}" section, which every charter needs`;
      else message = empty ? `${holderLabel(model, path)} has an empty "${key}", which is required` : `${holderLabel(model, path)} is missing the required key "${key}"`;
      return { kind: 'missing-key', node, message, path, entry, key, holder };
    }
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const node = keyNodeAt(model, path, key);
      const defined = Object.keys(schemaAt(path)?.properties ?? {});
      const holderNode = nodeAt(model, path);
      const holder = isMap(holderNode) ? new MapView(model.doc, holderNode as YAMLMap<Node, Node | null>) : undefined;
      const where = path.length === 0 ? 'at the top level' : `in ${holderLabel(model, path)}`;
      return { kind: 'unknown-key', node, path, key, holder, entry: entryAt(model, path), candidates: defined, message: `unknown key "${key}" ${where}` };
    }
    case 'type': {
      if (coveredByCatalogue(model, path, value)) return undefined;
      const expected = String((error.params as { type: string | string[] }).type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ');
      const node = nodeAt(model, path) ?? undefined;
      return { kind: 'invalid-value', node, path, entry: entryAt(model, path), message: `${valueLabel(model, path)} must be ${expected}, not ${describeActual(value)}` };
    }
    case 'enum': {
      if (coveredByCatalogue(model, path, value)) return undefined;
      if (typeof value === 'string' && isPlaceholderText(value)) return undefined;
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const node = nodeAt(model, path) ?? undefined;
      return {
        kind: 'invalid-value',
        node,
        path,
        entry: entryAt(model, path),
        candidates: allowed,
        message: `${valueLabel(model, path)} is ${describeActual(value).replace(/^text /, '')}, which is not one of: ${allowed.join(', ')}`,
      };
    }
    case 'pattern': {
      if (coveredByCatalogue(model, path, value)) return undefined;
      if (typeof value === 'string' && isPlaceholderText(value)) return undefined;
      // A blank milestone `due` counts as missing: milestone-due-missing reports it.
      if (path[0] === 'milestones' && path[path.length - 1] === 'due' && typeof value === 'string' && value.trim() === '') return undefined;
      const node = nodeAt(model, path) ?? undefined;
      // Which pattern failed, not which field: every date field (`due`, `revisit`, `until`) shares it.
      const isDate = error.schemaPath.startsWith('#/definitions/date/');
      const message = isDate
        ? `${valueLabel(model, path)} is "${value}", not a date in YYYY-MM-DD form`
        : `${valueLabel(model, path)} is "${value}", not a lowercase kebab-case id (like "${suggestId(String(value))}")`;
      return { kind: 'invalid-value', node, path, entry: entryAt(model, path), message };
    }
    case 'format': {
      const node = nodeAt(model, path) ?? undefined;
      return { kind: 'invalid-value', node, path, entry: entryAt(model, path), message: `${valueLabel(model, path)} is "${value}", which is not a real calendar date` };
    }
    case 'minimum': {
      if (coveredByCatalogue(model, path, value)) return undefined;
      const limit = (error.params as { limit: number }).limit;
      const node = nodeAt(model, path) ?? undefined;
      return { kind: 'invalid-value', node, path, entry: entryAt(model, path), message: `${valueLabel(model, path)} is ${String(value)}, but must be at least ${limit}` };
    }
    case 'const':
    case 'anyOf':
    case 'if':
    case 'then':
      return undefined;
    default: {
      if (coveredByCatalogue(model, path, value)) return undefined;
      const node = nodeAt(model, path) ?? undefined;
      return { kind: 'invalid-value', node, path, entry: entryAt(model, path), message: `${valueLabel(model, path)} ${error.message ?? 'is not valid'}` };
    }
  }
}

export function suggestId(value: string): string {
  const id = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  return id || 'my-id';
}
