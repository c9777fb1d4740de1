// What a key means, from the JSON schema (every field has a description there): used by hover
// and by completion items.
import { PARTY_FIELDS } from '../engine/indexes';
import { resolveSchema, schemaAt } from '../engine/schema';
import type { JsonSchema } from '../engine/schema';
import type { PathSegment } from './cursor';

export interface FieldInfo {
  key: string;
  schema: JsonSchema;
  /** A short type, like `party reference` or `one of: team, consult, escalate`. */
  type: string;
  description: string;
}

/** Party reference fields by where they sit: `decisions.owner`, `updates.owner`, … */
export function isPartyField(path: readonly PathSegment[]): boolean {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return false;
  if (path.length === 2 && path[0] === 'updates') return key === 'owner';
  return path.length === 3 && typeof path[1] === 'number' && (PARTY_FIELDS[path[0] as string]?.includes(key) ?? false);
}

export function safeSchemaAt(path: readonly PathSegment[]): JsonSchema | undefined {
  try {
    return resolveSchema(schemaAt([...path]));
  } catch {
    return undefined;
  }
}

export function fieldInfo(path: readonly PathSegment[]): FieldInfo | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const schema = safeSchemaAt(path);
  if (!schema) return undefined;
  return { key, schema, type: typeLabel(path, schema), description: schema.description ?? '' };
}

export function typeLabel(path: readonly PathSegment[], s: JsonSchema): string {
  const many = Array.isArray(s.type) && s.type.includes('array');
  if (isPartyField(path)) return many ? 'party references' : 'party reference';
  const key = path[path.length - 1];
  if (key === 'milestones' && path[0] === 'checkins') return 'milestone ids';
  if (key === 'decisions' && path[0] === 'risks') return 'decision ids';
  if (s.const !== undefined) return `always ${JSON.stringify(s.const)}`;
  if (s.enum) return `one of: ${s.enum.join(', ')}`;
  if (s.anyOf) return 'cadence';
  if (s.pattern) return s.pattern.includes('[0-9]{4}') ? 'date, YYYY-MM-DD' : 'id, lowercase kebab-case';
  if (s.type === 'array' || many) {
    const items = resolveSchema(s.items);
    if (items?.enum) return `list of: ${items.enum.join(', ')}`;
    if (items?.properties) return 'list of entries';
    return many ? 'text, or a list of texts' : 'list of texts';
  }
  if (s.type === 'object') return 'map';
  if (s.type === 'integer' || s.type === 'number') return 'number';
  return 'text';
}

/** Whether a key's value is a nested block (a map or a list of entries), not a one-line value. */
export function opensBlock(s: JsonSchema): boolean {
  if (s.type === 'object') return true;
  if (s.type === 'array') return Boolean(resolveSchema(s.items)?.properties);
  return false;
}
