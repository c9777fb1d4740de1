import { isSeq } from 'yaml';
import type { YAMLSeq } from 'yaml';
import { defineRule } from '../engine/rule';
import type { FixDraft, RuleContext } from '../engine/rule';
import type { OffsetEdit } from '../engine/edits';
import { formatScalar } from '../engine/edits';
import type { Reference } from '../engine/indexes';
import { NearestIds, q } from '../engine/text';
import { memberIdNamed } from '../engine/fields';
import { isOwnerPlaceholder, isPlaceholderText } from '../engine/vocabulary';

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** What a reference should name, for messages: `no member, role or stakeholder has that id`. */
const TARGET: Record<Reference['kind'], string> = {
  party: 'member, role or stakeholder',
  role: 'role in "roles"',
  milestone: 'milestone',
  decision: 'decision',
};

export default defineRule({
  id: 'unknown-reference',
  severity: 'error',
  description: 'A reference to an id that is not declared (party fields, check-in milestones, risk decisions, member roles)',
  check(ctx) {
    const { index } = ctx;
    const declaredIds = (kind: Reference['kind']): string[] =>
      kind === 'role'
        ? [...index.declared.party].filter(([, entries]) => entries.some((e) => e.section === 'roles')).map(([id]) => id)
        : [...index.declared[kind].keys()];
    const nearest = new Map<Reference['kind'], NearestIds>();
    const suggestions = new Map<string, string[]>();
    const unparsed = idsInBrokenYaml(ctx);
    for (const ref of index.references) {
      if (index.isDeclared(ref.kind, ref.value) || unparsed.has(ref.value)) continue;
      // owner-multiple / owner-placeholder / self-approval report these values instead.
      if (ref.field === 'owner' && index.ownerShape(ref.holder).kind !== 'single') continue;
      if (ref.field === 'approver' && ref.holder.text('owner')?.trim() === ref.value) continue;

      const holder = ref.entry?.label ?? 'updates';
      // Stand-ins (`TODO`, `everyone`, …) get their own message and no fix that would guess a name.
      const placeholder = ref.kind === 'party' || ref.kind === 'role' ? isOwnerPlaceholder(ref.value) : isPlaceholderText(ref.value);
      if (placeholder) {
        ctx.report({
          at: ref.node,
          entry: ref.entry ?? { section: 'updates' },
          message: `${holder} has the placeholder ${q(ref.value)} in "${ref.field}": name a declared ${TARGET[ref.kind]} instead`,
        });
        continue;
      }
      const key = `${ref.kind}:${ref.value}`;
      let close = suggestions.get(key);
      if (!close) {
        let ids = nearest.get(ref.kind);
        if (!ids) nearest.set(ref.kind, (ids = new NearestIds(declaredIds(ref.kind))));
        suggestions.set(key, (close = ids.closest(ref.value, 2)));
      }
      // Letter case or separators alone (`Ana`, `ana_silva`) are safe to correct; any other
      // "closest id" may be another person (`ben` → `ken`), so a person chooses.
      const spelled = sameButSpelling(ref.value, declaredIds(ref.kind));
      if (spelled && !close.includes(spelled)) close = [spelled, ...close];
      const byName = ref.kind === 'party' ? memberIdNamed(ctx.model, ref.value) : undefined;
      if (byName && !close.includes(byName)) close = [...close, byName];
      const fixes: FixDraft[] = close.map((c) => ({ title: `Change to "${c}"`, safe: c === spelled, edits: [ctx.edits.replaceScalar(ref.node, c)] }));
      if (ID.test(ref.value) && ref.kind === 'party') fixes.push({ title: `Declare "${ref.value}" as a stakeholder`, safe: false, edits: [declare(ctx, 'stakeholders', ref.value, 'name', 'who they are')] });
      if (ID.test(ref.value) && ref.kind === 'role') fixes.push({ title: `Add "${ref.value}" to roles`, safe: false, edits: [declare(ctx, 'roles', ref.value, 'title', 'role title')] });

      const hint = close.length ? ` (did you mean ${close.map((c) => q(c)).join(' or ')}?)` : '';
      ctx.report({
        at: ref.node,
        entry: ref.entry ?? { section: 'updates' },
        message: `${holder} names ${q(ref.value)} in "${ref.field}", but no ${TARGET[ref.kind]} has that id${hint}: ${WHY[ref.kind]}`,
        fixes,
      });
    }
  },
});

/** The one declared id that differs from `value` only by letter case or `_`/`-`/space separators. */
function sameButSpelling(value: string, ids: readonly string[]): string | undefined {
  const key = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const matches = ids.filter((id) => id !== value && key(id) === key(value));
  return matches.length === 1 ? matches[0] : undefined;
}

const WHY: Record<Reference['kind'], string> = {
  party: 'nobody can tell who is meant',
  role: 'nobody can tell what this person is responsible for',
  milestone: 'the check-in has nothing to trigger it',
  decision: 'nobody can tell which call carries this risk',
};

/**
 * When the YAML is broken, ids written as `id: x` in the source: an entry the parser could not
 * read is still declared, and yaml-syntax already reports why it was not read.
 */
function idsInBrokenYaml(ctx: RuleContext): Set<string> {
  const ids = new Set<string>();
  if (ctx.model.syntaxErrors.length === 0) return ids;
  for (const m of ctx.model.text.matchAll(/(?:^|[\s{,-])id\s*:\s*["']?([^\s"',{}[\]#]+)/g)) ids.add(m[1]);
  return ids;
}

/** Appends `- id: <id>` plus a TODO line to a top-level list, creating the list when needed. */
function declare(ctx: RuleContext, section: 'stakeholders' | 'roles', id: string, key: string, todo: string): OffsetEdit | undefined {
  const { model, edits } = ctx;
  const value = model.root?.value(section) ?? null;
  const second = `${key}: "TODO: ${todo}"`;
  // `true`, `null`… are kebab-case ids too: quoted, they stay text instead of becoming a boolean.
  id = formatScalar(id);
  if (isSeq(value) && (value.flow || value.items.length > 0)) {
    if (value.flow) return edits.appendToSeq(value as YAMLSeq, `{id: ${id}, ${second}}`);
    const column = model.lines.positionAt(value.range?.[0] ?? 0).character;
    return edits.appendToSeq(value as YAMLSeq, `id: ${id}${model.lines.eol}${' '.repeat(column + 2)}${second}`);
  }
  if (!model.root?.isEmpty(section)) return undefined;
  return edits.setValue(undefined, section, { block: [[1, `- id: ${id}`], [1, `  ${second}`]] });
}
