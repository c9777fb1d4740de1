// Plants defects of varied kinds into a charter draft. Each kind changes one entry so that exactly
// one rule reports exactly one finding, on a line we know after emitting.
import type { Random } from './random';
import { get, items, remove, set } from './emit';
import type { EntryDraft } from './emit';
import type { GeneratorContext } from './generate';
import { BAD_CADENCES, PLACEHOLDER_MITIGATIONS, VAGUE_DONE } from './words';

export interface PlantedDefect {
  kind: string;
  /** The rule expected to report it. */
  rule: string;
  /** 0-based line where the finding's range starts. */
  line: number;
  section: string;
}

interface DefectKind {
  kind: string;
  rule: string;
  section: string;
  eligible(e: EntryDraft, ctx: Lookup): boolean;
  /** Changes the entry; returns the key the finding points at. */
  apply(e: EntryDraft, ctx: Lookup, rng: Random): string;
}

const str = (e: EntryDraft, key: string) => {
  const v = get(e, key);
  return typeof v === 'string' ? v : undefined;
};

/** Lookups built once per charter, so planting stays linear on 50,000-line charters. */
interface Lookup extends GeneratorContext {
  position: Map<EntryDraft, number>;
  squadMembers: Map<string, string[]>;
  squadDecisions: Map<string, EntryDraft[]>;
  referencedDecisions: Set<string>;
}

function buildLookup(ctx: GeneratorContext): Lookup {
  const position = new Map<EntryDraft, number>();
  for (const list of Object.values(ctx.lists)) list.forEach((e, i) => position.set(e, i));
  const group = <T>(list: EntryDraft[], f: (e: EntryDraft) => T) => {
    const out = new Map<string, T[]>();
    for (const e of list) out.set(e.squad, [...(out.get(e.squad) ?? []), f(e)]);
    return out;
  };
  return {
    ...ctx,
    position,
    squadMembers: group(ctx.lists.members, (m) => str(m, 'id')!),
    squadDecisions: group(ctx.lists.decisions, (d) => d),
    referencedDecisions: new Set(ctx.lists.risks.flatMap((r) => items(get(r, 'decisions')))),
  };
}

const squadMembers = (e: EntryDraft, ctx: Lookup) => ctx.squadMembers.get(e.squad) ?? [];

/** A near-miss of an id that is not declared (a typo). */
function typo(id: string, declared: Set<string>): string {
  let out = id + id.slice(-1);
  while (declared.has(out)) out += 'x';
  return out;
}

const DEFECT_KINDS: DefectKind[] = [
  { kind: 'invalid experience', rule: 'schema-invalid-value', section: 'members', eligible: (e) => e.tag !== 'lead',
    apply: (e) => (set(e, 'experience', 'senior'), 'experience') },
  { kind: 'unknown key', rule: 'schema-unknown-key', section: 'members', eligible: () => true,
    apply: (e) => (set(e, 'phone', '+44 20 7946 0000'), 'phone') },
  { kind: 'member without role', rule: 'member-role-missing', section: 'members', eligible: (e) => e.tag !== 'lead' && e.tag !== 'tech-lead',
    apply: (e) => (remove(e, 'role'), 'id') },
  { kind: 'decision without owner', rule: 'owner-missing', section: 'decisions', eligible: () => true,
    apply: (e) => (remove(e, 'owner'), 'id') },
  { kind: 'placeholder owner', rule: 'owner-placeholder', section: 'decisions', eligible: () => true,
    apply: (e) => (set(e, 'owner', 'the team'), 'owner') },
  { kind: 'two owners', rule: 'owner-multiple', section: 'decisions',
    eligible: (e, ctx) => e.tag === 'team' && squadMembers(e, ctx).length > 1,
    apply: (e, ctx, rng) => {
      const owner = str(e, 'owner')!;
      set(e, 'owner', `${owner} and ${rng.pick(squadMembers(e, ctx).filter((m) => m !== owner))}`);
      return 'owner';
    } },
  { kind: 'misspelled party', rule: 'unknown-reference', section: 'decisions', eligible: (e) => items(get(e, 'inform')).length > 0,
    apply: (e, ctx) => {
      const inform = items(get(e, 'inform'));
      set(e, 'inform', { flow: [typo(inform[0], ctx.partyIds), ...inform.slice(1)] });
      return 'inform';
    } },
  { kind: 'misspelled milestone', rule: 'unknown-reference', section: 'checkins', eligible: (e) => e.tag === 'review',
    apply: (e, ctx) => {
      const ms = items(get(e, 'milestones'));
      set(e, 'milestones', { flow: [typo(ms[0], ctx.milestoneIds), ...ms.slice(1)] });
      return 'milestones';
    } },
  { kind: 'vague done', rule: 'done-vague', section: 'milestones', eligible: () => true,
    apply: (e, _ctx, rng) => (set(e, 'done', rng.pick(VAGUE_DONE).replace('{c}', 'checkout').replace(/^c/, 'C')), 'done') },
  { kind: 'invalid cadence', rule: 'cadence-invalid', section: 'checkins', eligible: (e) => e.tag === 'demo' || e.tag === 'retro',
    apply: (e, _ctx, rng) => (set(e, 'cadence', rng.pick(BAD_CADENCES)), 'cadence') },
  { kind: 'check-in without cadence', rule: 'cadence-missing', section: 'checkins', eligible: (e) => e.tag === 'demo' || e.tag === 'retro',
    apply: (e) => (remove(e, 'cadence'), 'id') },
  { kind: 'duplicate decision id', rule: 'duplicate-id', section: 'decisions',
    eligible: (e, ctx) => ctx.position.get(e)! > 0 && !ctx.referencedDecisions.has(str(e, 'id')!),
    apply: (e, ctx, rng) => {
      const source = ctx.lists.decisions[rng.int(0, ctx.position.get(e)! - 1)];
      source.locked = true;
      set(e, 'id', str(source, 'id')!);
      return 'id';
    } },
  { kind: 'copied scope', rule: 'scope-overlap', section: 'decisions',
    eligible: (e, ctx) => scopeSources(e, ctx).length > 0,
    apply: (e, ctx, rng) => {
      const source = rng.pick(scopeSources(e, ctx));
      source.locked = true;
      set(e, 'scope', str(source, 'scope')!);
      return 'scope';
    } },
  { kind: 'milestone without due date', rule: 'milestone-due-missing', section: 'milestones', eligible: () => true,
    apply: (e) => (remove(e, 'due'), 'id') },
  { kind: 'overdue milestone', rule: 'milestone-overdue', section: 'milestones', eligible: (e) => e.tag !== 'done',
    apply: (e) => (set(e, 'due', '2025-06-30'), 'due') },
  { kind: 'participant not agreed', rule: 'checkin-not-agreed', section: 'checkins', eligible: (e) => items(get(e, 'agreed_with')).length >= 2,
    apply: (e) => (set(e, 'agreed_with', { flow: items(get(e, 'agreed_with')).slice(0, -1) }), 'agreed_with') },
  { kind: 'check-in without purpose', rule: 'checkin-purpose-missing', section: 'checkins', eligible: () => true,
    apply: (e) => (remove(e, 'purpose'), 'id') },
  { kind: 'consult without consultees', rule: 'consult-missing', section: 'decisions', eligible: (e) => e.tag === 'consult',
    apply: (e) => (remove(e, 'consult'), set(e, 'risk_owner', str(e, 'owner')!), 'id') },
  { kind: 'escalate without approver', rule: 'approver-missing', section: 'decisions', eligible: (e) => e.tag === 'escalate',
    apply: (e) => (remove(e, 'approver'), set(e, 'risk_owner', str(e, 'owner')!), 'id') },
  { kind: 'owner approves', rule: 'self-approval', section: 'decisions', eligible: (e) => e.tag === 'escalate',
    apply: (e) => (set(e, 'approver', str(e, 'owner')!), set(e, 'risk_owner', str(e, 'owner')!), 'approver') },
  { kind: 'decision without scope', rule: 'scope-missing', section: 'decisions', eligible: () => true,
    apply: (e) => (remove(e, 'scope'), 'id') },
  { kind: 'risk owner left out', rule: 'risk-owner-excluded', section: 'decisions',
    eligible: (e, ctx) => e.tag === 'team' && outsiders(e, ctx).length > 0,
    apply: (e, ctx, rng) => (set(e, 'risk_owner', rng.pick(outsiders(e, ctx))), 'risk_owner') },
  { kind: 'consult without escalation', rule: 'escalation-missing', section: 'decisions', eligible: (e) => e.tag === 'consult',
    apply: (e) => (remove(e, 'escalate_to'), 'id') },
  { kind: 'placeholder mitigation', rule: 'placeholder-text', section: 'risks', eligible: () => true,
    apply: (e, _ctx, rng) => (set(e, 'mitigation', rng.pick(PLACEHOLDER_MITIGATIONS)), 'mitigation') },
];

/** Earlier, untouched decisions of the same squad with another owner: copying a scope from one overlaps. */
function scopeSources(e: EntryDraft, ctx: Lookup): EntryDraft[] {
  const owner = str(e, 'owner');
  const before = ctx.position.get(e)!;
  return (ctx.squadDecisions.get(e.squad) ?? []).filter((d) => ctx.position.get(d)! < before && !d.defect && str(d, 'scope') && str(d, 'owner') !== owner);
}

/** Squad members a team decision neither is owned by nor informs. */
function outsiders(e: EntryDraft, ctx: Lookup): string[] {
  const known = new Set([str(e, 'owner'), ...items(get(e, 'inform'))]);
  return squadMembers(e, ctx).filter((m) => !known.has(m));
}

export const DEFECT_RULES = [...new Set(DEFECT_KINDS.map((k) => k.rule))].sort();

/**
 * Plants `count` defects, cycling through the kinds in a seeded order; the first is always a
 * schema error so the benchmarks can check that yaml-language-server really validates.
 */
export function plantDefects(context: GeneratorContext, rng: Random, count: number): void {
  const ctx = buildLookup(context);
  const [first, ...others] = DEFECT_KINDS;
  let order: DefectKind[] = [];
  let misses = 0;
  for (let planted = 0; planted < count && misses < DEFECT_KINDS.length * 2; ) {
    if (order.length === 0) order = planted === 0 ? [first, ...rng.shuffle([...others])] : rng.shuffle([...DEFECT_KINDS]);
    const kind = order.shift()!;
    const entry = pickEligible(ctx.lists[kind.section], (e) => !e.defect && !e.locked && kind.eligible(e, ctx), rng);
    if (!entry) {
      misses++;
      continue;
    }
    const anchor = kind.apply(entry, ctx, rng);
    entry.defect = { kind: kind.kind, rule: kind.rule, anchor };
    planted++;
    misses = 0;
  }
}

/** A random entry that passes `ok`: a few random tries first (cheap on big lists), then a full scan. */
function pickEligible(list: EntryDraft[], ok: (e: EntryDraft) => boolean, rng: Random): EntryDraft | undefined {
  if (list.length === 0) return undefined;
  for (let i = 0; i < 32; i++) {
    const e = rng.pick(list);
    if (ok(e)) return e;
  }
  const all = list.filter(ok);
  return all.length ? rng.pick(all) : undefined;
}
