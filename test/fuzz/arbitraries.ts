// fast-check arbitraries: raw text, mutations of real charters, and generated charters.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import { ROOT, yamlFilesUnder } from '../helpers/fixtures';

/** The number of runs per property: small and seeded in `npm test`, large in `npm run fuzz`. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
export const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : 20261125;
export const fcParams = (runs = RUNS) => ({ numRuns: runs, seed: SEED, endOnFailure: true });

export function sampleCharters(): string[] {
  const files = [
    path.join(ROOT, 'test/helpers/base-charter.yaml'),
    ...yamlFilesUnder('examples'),
  ];
  return files.map((f) => fs.readFileSync(f, 'utf8'));
}

/** (a) Arbitrary strings and byte sequences (decoded leniently, as a client might). */
export const arbitraryText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8')),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1')),
  fc.array(fc.constantFrom('a', ':', ' ', '-', '\n', '  ', '#', '"', "'", '[', ']', '{', '}', '&a', '*a', '|', '>', '\t', 'id', 'owner', 'x'), { maxLength: 200 }).map((a) => a.join('')),
);

type Mutation = (lines: string[], text: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i) => (lines: string[]) => lines.filter((_, j) => j !== i % lines.length).join('\n')),
  fc.nat().map((i) => (lines: string[]) => { const k = i % lines.length; return [...lines.slice(0, k + 1), lines[k], ...lines.slice(k + 1)].join('\n'); }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (lines: string[]) => { const c = [...lines]; const a = i % c.length, b = j % c.length; [c[a], c[b]] = [c[b], c[a]]; return c.join('\n'); }),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([i, d]) => (lines: string[]) => { const c = [...lines]; const k = i % c.length; c[k] = d >= 0 ? ' '.repeat(d) + c[k] : c[k].replace(new RegExp(`^ {0,${-d}}`), ''); return c.join('\n'); }),
  fc.nat().map((i) => (_l: string[], text: string) => text.slice(0, i % (text.length + 1))),
  fc.tuple(fc.nat(), fc.constantFrom('\t', '"', "'", '[', '{', ': ', '- ', '&x ', '*x', '\r', '\u0000', '\uFEFF', '#')).map(([i, s]) => (_l: string[], text: string) => { const k = i % (text.length + 1); return text.slice(0, k) + s + text.slice(k); }),
  fc.tuple(fc.nat(), fc.string({ unit: 'grapheme', maxLength: 8 })).map(([i, s]) => (_l: string[], text: string) => { const k = i % (text.length + 1); return text.slice(0, k) + s + text.slice(k); }),
);

/** (b) Random mutations of the example charters. */
export function mutatedCharter(samples: string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([text, ops]) => {
    let t = text;
    for (const op of ops) t = op(t.split('\n'), t);
    return t;
  });
}

const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'omega', 'north', 'south', 'core', 'edge', 'web');
const idArb = fc.tuple(word, fc.nat({ max: 30 })).map(([w, n]) => `${w}-${n}`);
const sentence = fc.array(fc.constantFrom('payments', 'arrive', 'within', '24', 'hours', 'users', 'sign', 'in', 'faster', 'better', 'the', 'api', 'launch', 'every', 'team', 'TODO', '5%', 'stable'), { minLength: 1, maxLength: 9 }).map((w) => w.join(' '));
const cadence = fc.constantFrom('daily', 'twice-weekly', 'weekly', 'biweekly', 'monthly', 'quarterly', 'every 3 days', 'every 2 weeks', 'wekly', 'fortnightly');
const date = fc.tuple(fc.integer({ min: 2025, max: 2028 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });

/** (c) Generated charters: valid in shape, with random gaps and defects, comments and flow/block styles. */
export const generatedCharter: fc.Arbitrary<string> = fc
  .record({
    memberIds: fc.uniqueArray(idArb, { minLength: 1, maxLength: 6 }),
    experiences: fc.array(fc.constantFrom('new', 'developing', 'proficient', 'expert'), { minLength: 6, maxLength: 6 }),
    withRoles: fc.boolean(),
    mission: maybe(sentence),
    decisions: fc.array(fc.record({ id: idArb, scope: maybe(sentence), owner: fc.oneof(fc.nat(), fc.constantFrom('the team', 'a and b', 'TODO', 'nobody-x')), boundary: maybe(fc.constantFrom('team', 'consult', 'escalate', 'escalte')), approver: maybe(fc.nat()), consult: maybe(fc.array(fc.nat(), { maxLength: 3 })), risk: maybe(fc.nat()), escalate: maybe(fc.nat()) }), { maxLength: 5 }),
    checkins: fc.array(fc.record({ id: idArb, cadence: maybe(cadence), owner: maybe(fc.nat()), participants: fc.array(fc.nat(), { maxLength: 4 }), agreed: maybe(fc.array(fc.nat(), { maxLength: 4 })), purpose: maybe(sentence) }), { maxLength: 3 }),
    milestones: fc.array(fc.record({ id: idArb, title: maybe(sentence), due: maybe(date), owner: maybe(fc.nat()), done: maybe(fc.oneof(sentence, fc.array(sentence, { maxLength: 3 }))), status: maybe(fc.constantFrom('planned', 'in-progress', 'done', 'dropped')) }), { maxLength: 3 }),
    intent: maybe(fc.record({ what: maybe(sentence), why: maybe(sentence), done: maybe(fc.oneof(sentence, fc.array(sentence, { maxLength: 3 }))) })),
    updates: fc.boolean(),
    priorities: fc.array(fc.record({ id: idArb, title: sentence, why: maybe(sentence) }), { maxLength: 7 }),
    commentSeed: fc.array(fc.nat({ max: 9 }), { minLength: 20, maxLength: 20 }),
    crlf: fc.boolean(),
  })
  .map((g) => {
    const member = (n: number) => g.memberIds[n % g.memberIds.length];
    const data: Record<string, unknown> = { charter: 1, team: { id: 'fuzz-team', name: 'Fuzz team' } };
    if (g.mission) data.mission = g.mission;
    if (g.withRoles) data.roles = [{ id: 'lead', title: 'Lead' }, { id: 'engineer', title: 'Engineer' }];
    data.members = g.memberIds.map((id, i) => ({ id, name: `Person ${i}`, role: i === 0 ? 'lead' : 'engineer', experience: g.experiences[i] }));
    if (g.priorities.length) data.priorities = g.priorities.map((p) => strip({ ...p }));
    if (g.intent) data.intent = strip({ ...g.intent });
    if (g.decisions.length) data.decisions = g.decisions.map((d) => strip({ id: d.id, scope: d.scope, owner: typeof d.owner === 'number' ? member(d.owner) : d.owner, boundary: d.boundary, approver: d.approver === undefined ? undefined : member(d.approver), consult: d.consult?.map(member), risk_owner: d.risk === undefined ? undefined : member(d.risk), escalate_to: d.escalate === undefined ? undefined : member(d.escalate) }));
    if (g.checkins.length) data.checkins = g.checkins.map((c) => strip({ id: c.id, cadence: c.cadence, owner: c.owner === undefined ? undefined : member(c.owner), participants: c.participants.map(member), agreed_with: c.agreed?.map(member), purpose: c.purpose }));
    if (g.milestones.length) data.milestones = g.milestones.map((m) => strip({ id: m.id, title: m.title, due: m.due, owner: m.owner === undefined ? undefined : member(m.owner), done: m.done, status: m.status }));
    if (g.updates) data.updates = { cadence: 'weekly', channel: '#fuzz', covers: ['progress'] };
    const doc = new Document(data);
    let k = 0;
    visit(doc, {
      Pair(_key, pair) {
        const roll = g.commentSeed[k++ % g.commentSeed.length];
        if (roll === 0 && isScalar(pair.key)) pair.key.commentBefore = ` note ${k}`;
        if (roll === 1 && isScalar(pair.value)) pair.value.comment = ` trailing ${k}`;
        if (roll === 2 && (isSeq(pair.value) || isMap(pair.value)) && (pair.value as { items: unknown[] }).items.length) (pair.value as { flow: boolean }).flow = true;
      },
    });
    const text = doc.toString({ lineWidth: 0 });
    return g.crlf ? text.replace(/\n/g, '\r\n') : text;
  });

function strip<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined || (Array.isArray(o[k]) && (o[k] as unknown[]).length === 0)) delete o[k];
  return o;
}
