import { isScalar } from 'yaml';
import { defineRule } from '../engine/rule';
import type { Node } from 'yaml';
import type { FixDraft, RuleContext } from '../engine/rule';
import type { MapView } from '../engine/parse';
import { scalarText } from '../engine/parse';
import { closestMatches, q } from '../engine/text';

/**
 * `{scope: Pricing, discounts and refunds, owner: ana}`: in a flow map an unquoted comma ends the
 * value, and the rest becomes a key with no value. Say that, and offer to quote the whole text.
 */
function splitByComma(ctx: RuleContext, holder: MapView, key: string): { message: string; fix: FixDraft } | undefined {
  if (!holder.node.flow) return undefined;
  const items = holder.node.items;
  const i = items.findIndex((pair) => scalarText(pair.key as Node) === key);
  const pair = items[i];
  const previous = items[i - 1];
  if (i < 1 || pair.value !== null || !isScalar(pair.key) || !isScalar(previous?.value) || typeof previous.value.value !== 'string') return undefined;
  if (previous.value.type !== 'PLAIN' || pair.key.type !== 'PLAIN') return undefined;
  const [start] = previous.value.range!;
  const end = pair.key.range![1];
  const whole = ctx.model.text.slice(start, end);
  const field = scalarText(previous.key as Node);
  return {
    message: `${q(key)} is not a key: the unquoted comma in ${q(whole)} ended the "${field}" value there (a comma separates entries in a {…} map); quote the whole value`,
    fix: { title: `Quote the whole value: ${JSON.stringify(whole)}`, safe: false, edits: [ctx.edits.replace([start, end], JSON.stringify(whole))] },
  };
}

export default defineRule({
  id: 'schema-unknown-key',
  severity: 'warning',
  description: 'A key the charter format does not define (extension keys start with "x-")',
  check(ctx) {
    for (const p of ctx.schema.problems) {
      if (p.kind !== 'unknown-key' || !p.node || !p.key) continue;
      const split = p.holder ? splitByComma(ctx, p.holder, p.key) : undefined;
      if (split) {
        ctx.report({ at: p.node, entry: p.entry, message: split.message, fixes: [split.fix] });
        continue;
      }
      const present = new Set(p.holder ? [...p.holder.pairs.keys()] : []);
      const candidates = closestMatches(p.key, (p.candidates ?? []).filter((c) => !present.has(c)), 2);
      const hint = candidates.length ? `; did you mean ${candidates.map((c) => `"${c}"`).join(' or ')}?` : '; custom keys must start with "x-"';
      ctx.report({
        at: p.node,
        entry: p.entry,
        message: `${p.message}${hint}`,
        fixes: candidates.map((c) => ({
          title: `Rename to "${c}"`,
          safe: candidates.length === 1,
          edits: [isScalar(p.node) ? ctx.edits.replaceScalar(p.node, c) : undefined],
        })),
      });
    }
  },
});
