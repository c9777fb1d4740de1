import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import { defineRule } from '../engine/rule';
import type { RuleContext } from '../engine/rule';
import { PARTY_FIELDS } from '../engine/indexes';
import { acceptsText, charterSchema, resolveSchema, valueLabel } from '../engine/schema';
import type { JsonSchema } from '../engine/schema';
import { q } from '../engine/text';
import { mayHoldPlaceholder, placeholderIn } from '../engine/vocabulary';

type Path = Array<string | number>;

/** Fields holding references, per place: unknown-reference and owner-placeholder cover those. */
const REFERENCE_FIELDS: Record<string, readonly string[]> = {
  ...PARTY_FIELDS,
  checkins: [...PARTY_FIELDS.checkins, 'milestones'],
  risks: [...PARTY_FIELDS.risks, 'decisions'],
};

export default defineRule({
  id: 'placeholder-text',
  severity: 'warning',
  description: 'A text value that is still a placeholder (TODO, TBD, ???, <…>, lorem ipsum)',
  check(ctx) {
    const root = ctx.model.root;
    if (!root || !mayHoldPlaceholder(ctx.model.text)) return;
    const roleIsReference = root.has('roles');
    /** True for a field whose values are references, at `path` (the map holding `key`). */
    const isReference = (path: Path, key: string): boolean => {
      const section = String(path[0]);
      const place = path.length === 2 && typeof path[1] === 'number' ? section : path.length === 1 && section === 'updates' ? 'updates' : undefined;
      if (place === undefined) return false;
      if (place === 'members') return key === 'role' && roleIsReference;
      return REFERENCE_FIELDS[place]?.includes(key) ?? false;
    };
    walk(ctx, root.node, charterSchema, [], isReference);
  },
});

/**
 * Visits every value the schema knows (not keys, not `x-` extensions, not aliases) alongside its schema.
 * `path` is one array, extended and restored along the way (a copy per node made a first check slower).
 */
function walk(ctx: RuleContext, node: Node, schema: JsonSchema | undefined, path: Path, isReference: (path: Path, key: string) => boolean): void {
  const s = resolveSchema(schema);
  if (!s) return;
  if (isMap(node)) {
    for (const pair of node.items as Array<Pair<Node, Node | null>>) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== 'string' || key.startsWith('x-') || !pair.value || isReference(path, key)) continue;
      path.push(key);
      walk(ctx, pair.value, s.properties?.[key], path, isReference);
      path.pop();
    }
  } else if (isSeq(node)) {
    const items = node.items as Array<Node | null>;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!item) continue;
      path.push(i);
      walk(ctx, item, s.items, path, isReference);
      path.pop();
    }
  } else if (isScalar(node) && typeof node.value === 'string') {
    const placeholder = placeholderIn(node.value);
    if (placeholder !== undefined && acceptsText(s)) report(ctx, node, path, node.value.trim(), placeholder);
  }
}

function report(ctx: RuleContext, node: Node, path: Path, value: string, placeholder: string): void {
  const entry = typeof path[1] === 'number' ? ctx.model.lists[path[0] as keyof typeof ctx.model.lists]?.find((e) => e.index === path[1]) : undefined;
  const label = valueLabel(ctx.model, path);
  let what: string;
  if (entry && path.length === 3 && path[2] === 'id') what = `${entry.noun} #${entry.index + 1} has the placeholder id ${q(value)}`;
  else if (placeholder === value) what = `${label} is the placeholder ${q(value)}`;
  else what = `${label} still contains the placeholder ${q(placeholder)}`;
  ctx.report({
    at: node,
    entry: entry ?? { section: String(path[0]) },
    message: `${what}: until someone fills it in, people have to ask instead of reading it`,
  });
}
