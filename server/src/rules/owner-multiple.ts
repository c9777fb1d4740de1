import { isAlias, isScalar, isSeq } from 'yaml';
import type { Node, YAMLSeq } from 'yaml';
import { defineRule } from '../engine/rule';
import type { FixDraft, RuleContext } from '../engine/rule';
import { contentEnd, flowList, formatScalar } from '../engine/edits';
import type { OffsetEdit } from '../engine/edits';
import type { MapView } from '../engine/parse';
import { scalarText } from '../engine/parse';
import { q } from '../engine/text';
import { fieldValue, memberIdNamed, ownNode, ownerHolders, partiesIn, replaceFieldScalar } from '../engine/fields';

export default defineRule({
  id: 'owner-multiple',
  severity: 'error',
  description: 'An owner names several parties (a list, or "a and b") instead of exactly one',
  check(ctx) {
    const { model, index } = ctx;
    for (const { holder, entry, label, section } of ownerHolders(model)) {
      const shape = index.ownerShape(holder);
      // A map as owner is a wrong type, which the schema reports.
      if (shape.kind !== 'multiple') continue;
      const value = holder.value('owner');
      const at = ownNode(holder, 'owner') ?? value;
      if (!at || !value) continue;
      const parties = unique(shape.parties.map((p) => p.trim()).filter((p) => p !== ''));
      const shown = isSeq(value) ? `[${parties.join(', ')}]` : String(isScalar(value) ? value.value : '').trim();
      const message =
        parties.length > 1
          ? `${label} has ${parties.length} owners (${q(shown)}): with shared ownership, each owner can assume another one has it`
          : `${label} gives its owner as a list (${q(shown)}): an owner is exactly one party id, not a list`;
      const fixes: FixDraft[] = [];
      if (parties.length > 0) {
        // Display names (`Maya and Felix`) become the members' ids; a name no member has becomes a
        // visible TODO rather than a reference that unknown-reference would then report.
        const asIds = unique(parties.map((p) => (index.isDeclared('party', p) ? p : (memberIdNamed(model, p) ?? 'TODO'))));
        const [first, ...rest] = asIds;
        const others = section === 'decisions' ? rest.filter((p) => !partiesIn(holder, 'consult').includes(p)) : [];
        const edits = [ownerEdit(ctx, holder, value, first)];
        if (others.length) edits.push(consultEdit(ctx, holder, others));
        fixes.push({
          title: others.length ? `Keep "${first}" as owner and consult ${others.join(', ')}` : `Keep only "${first}" as owner`,
          safe: false,
          edits,
        });
      }
      ctx.report({ at, entry, message, fixes });
    }
  },
});

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Replaces the owner value with one party. */
function ownerEdit(ctx: RuleContext, holder: MapView, value: Node, party: string): OffsetEdit | undefined {
  const own = ownNode(holder, 'owner');
  if (!own) return undefined;
  if (isScalar(own) || isAlias(own)) return replaceFieldScalar(ctx.edits, holder, 'owner', party);
  if (!isSeq(value)) return undefined;
  if (value.flow) {
    const [start, end] = [value.range?.[0] ?? 0, value.range?.[1] ?? 0];
    // A multi-line flow list may hold comments; replacing it would drop them.
    return ctx.model.text.slice(start, end).includes('#') ? undefined : ctx.edits.replace(value, formatScalar(party));
  }
  return keepFirstItem(ctx, value, party);
}

/**
 * Block list → its first item as a plain value: drops the first item's `- ` and the lines of the
 * other items, so comments on the key and on the first item stay (another item's comment: no fix).
 */
function keepFirstItem(ctx: RuleContext, seq: YAMLSeq, party: string): OffsetEdit | undefined {
  const text = ctx.model.text;
  const first = seq.items[0] as Node | undefined;
  if (!isScalar(first) || !first.range) return undefined;
  const dash = text.lastIndexOf('-', first.range[0]);
  if (dash < 0 || text.slice(dash + 1, first.range[0]).trim() !== '') return undefined;
  const firstLineEnd = ctx.edits.lineEndAfter(first.range[1]);
  const lastLineEnd = ctx.edits.lineEndAfter(contentEnd(ctx.model, seq));
  if (text.slice(firstLineEnd, lastLineEnd).includes('#')) return undefined;
  // One edit from the dash to the end of the list that keeps the first item's line (its value
  // mapped to an id when it was a display name).
  const value = scalarText(first)?.trim() === party ? text.slice(first.range[0], first.range[1]) : formatScalar(party);
  return { start: dash, end: lastLineEnd, text: value + text.slice(first.range[1], firstLineEnd) };
}

/** Adds parties to `consult`, creating it when absent. */
function consultEdit(ctx: RuleContext, holder: MapView, parties: string[]): OffsetEdit | undefined {
  const field = fieldValue(holder, 'consult');
  if (field.kind === 'empty') return ctx.edits.setValue(holder, 'consult', flowList(parties));
  const own = ownNode(holder, 'consult');
  const value = holder.value('consult');
  if (!own) return undefined;
  if (isAlias(own) || isScalar(value)) return ctx.edits.replace(own, flowList([...holder.texts('consult'), ...parties]));
  if (!isSeq(value)) return undefined;
  const seq = value as YAMLSeq;
  if (seq.flow) return ctx.edits.appendToSeq(seq, parties.map(formatScalar).join(', '));
  const parts = parties.map((p) => ctx.edits.appendToSeq(seq, formatScalar(p)));
  if (parts.some((p) => p === undefined)) return undefined;
  const [firstPart] = parts as OffsetEdit[];
  return { start: firstPart.start, end: firstPart.end, text: (parts as OffsetEdit[]).map((p) => p.text).join('') };
}
