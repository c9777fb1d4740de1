// Seeded generator of realistic charters for the benchmarks: one team organised in squads, each
// with members, decisions, check-ins, milestones and risks; ~1 planted defect per 100 lines.
// The same options always give the same text. org-repo.ts gives each charter of a generated
// repository its identity (team, people, stakeholders, scopes) through `team`.
import { Random } from './random';
import { emitCharter, entryLineCount, scalar } from './emit';
import type { CharterDraft, EntryDraft } from './emit';
import { plantDefects } from './defects';
import type { PlantedDefect } from './defects';
import * as W from './words';

export type { PlantedDefect } from './defects';

export interface GenerateOptions {
  /** Target length in lines; the result lands within a few percent of it. */
  lines: number;
  seed: number;
  /** Planted defects per 100 lines (default 1). 0 gives a charter with no findings. */
  defectsPer100Lines?: number;
  /** The team's identity when the charter is one of a repository; otherwise a made-up team. */
  team?: TeamIdentity;
}

export type StakeholderDraft = readonly [id: string, name: string, kind: 'person' | 'team' | 'group'];

/** Who a charter of a generated repository is, and where its people and scopes come from. */
export interface TeamIdentity {
  id: string;
  name: string;
  /** `team.parent`: a team id or a relative path to the parent's charter; absent for the top team. */
  parent?: string;
  /** Declared as stakeholders; decisions name them as approvers and escalation targets, demos invite them. */
  stakeholders: readonly StakeholderDraft[];
  /** A person who is a member of no other team. */
  newPerson(): { id: string; name: string };
  /** The next decision scope: unique in the repository unless it is shared on purpose. */
  nextScope(): { scope: string; slug: string };
}

export interface GeneratedCharter {
  text: string;
  lineCount: number;
  defects: PlantedDefect[];
  /** Members by role tag (`lead`, `tech-lead`, …) with their names, for charters that name them. */
  members: Array<{ id: string; name: string; role: string }>;
}

export function generateCharter(options: GenerateOptions): GeneratedCharter {
  const rng = new Random(options.seed);
  const g = new Generator(rng, options.lines, options.team);
  const draft = g.build();
  const rate = options.defectsPer100Lines ?? 1;
  const plannedLines = g.lineEstimate();
  const count = rate <= 0 ? 0 : Math.max(1, Math.round((plannedLines * rate) / 100));
  plantDefects(g.context(), rng, count);
  const text = emitCharter(draft);
  const defects = collectDefects(draft);
  return { text, lineCount: text.split('\n').length, defects, members: g.memberList() };
}

function collectDefects(draft: CharterDraft): PlantedDefect[] {
  const out: PlantedDefect[] = [];
  for (const block of draft.blocks) {
    if (block.kind !== 'list') continue;
    for (const e of block.entries) {
      if (!e.defect) continue;
      const line = e.keyLines?.get(e.defect.anchor) ?? e.keyLines?.get('id') ?? -1;
      out.push({ kind: e.defect.kind, rule: e.defect.rule, line, section: e.section });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/** What defect planting needs to know besides the draft. */
export interface GeneratorContext {
  lists: Record<string, EntryDraft[]>;
  partyIds: Set<string>;
  milestoneIds: Set<string>;
}

interface Member {
  id: string;
  experience: string;
  role: string;
}

const fill = (template: string, c: string) => template.replace(/\{c\}/g, c);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

class Generator {
  private readonly lists: Record<string, EntryDraft[]> = {
    members: [], decisions: [], checkins: [], milestones: [], risks: [],
  };
  private readonly partyIds = new Set<string>();
  private readonly milestoneIds = new Set<string>();
  private readonly decisionIds = new Set<string>();
  private readonly small: boolean;
  private readonly roleIds: string[];
  private readonly stakeholders: readonly StakeholderDraft[];
  /** Decisions owned per member id. */
  private readonly owned = new Map<string, number>();
  /** Approvals and escalations per party id. */
  private readonly asked = new Map<string, number>();
  private readonly members: Array<{ id: string; name: string; role: string }> = [];
  private scopePool: number[] = [];
  private lines = 0;
  private lead!: Member;

  constructor(
    private readonly rng: Random,
    private readonly target: number,
    private readonly team?: TeamIdentity,
  ) {
    this.small = target < 500;
    this.roleIds = this.small ? ['lead', 'tech-lead', 'engineer', 'pm', 'sre'] : W.ROLES.map((r) => r[0]);
    this.stakeholders = team?.stakeholders ?? (this.small ? rng.sample(W.STAKEHOLDERS, 3) : W.STAKEHOLDERS);
  }

  memberList(): Array<{ id: string; name: string; role: string }> {
    return this.members;
  }

  lineEstimate(): number {
    return this.lines;
  }

  context(): GeneratorContext {
    return { lists: this.lists, partyIds: this.partyIds, milestoneIds: this.milestoneIds };
  }

  build(): CharterDraft {
    const rng = this.rng;
    const teamName = this.team?.name ?? rng.pick(['Commerce', 'Identity', 'Growth', 'Core platform', 'Marketplace']);
    const parent = this.team ? this.team.parent : 'platform';
    const head = [
      `# Generated charter for benchmarks (about ${this.target} lines).`,
      'charter: 1',
      'team:',
      `  id: ${this.team?.id ?? teamName.toLowerCase().replace(/ /g, '-')}`,
      `  name: ${teamName}`,
      ...(parent ? [`  parent: ${scalar(parent)}`] : []),
      `  description: Everything customers touch in ${teamName.toLowerCase()}, from sign-up to support.`,
      `mission: Customers finish every ${teamName.toLowerCase()} task in under two minutes without help.`,
      'vision: Nobody ever needs to open a support ticket to get unblocked.',
      '',
    ];
    const roles = ['roles:'];
    for (const [id, title, duties] of W.ROLES.filter((r) => this.roleIds.includes(r[0]))) {
      roles.push(`  - id: ${id}`, `    title: ${title}`);
      this.partyIds.add(id);
      if (duties.length) roles.push('    responsibilities:', ...(this.small ? duties.slice(0, 1) : duties).map((d) => `      - ${d}`));
    }
    roles.push('');
    const stakeholders = ['stakeholders:'];
    for (const [id, name, kind] of this.stakeholders) {
      stakeholders.push(`  - id: ${id}`, `    name: ${scalar(name)}`, `    kind: ${kind}`);
      this.partyIds.add(id);
    }
    stakeholders.push('');
    const priorities = [
      'priorities:',
      '  - id: reliability',
      '    title: 99.95% monthly availability for every customer-facing service',
      '    why: Outages cost more than any feature earns.',
      '  - id: self-service',
      '    title: Customers solve common tasks without support',
      '    why: Support queues grow faster than the support team.',
      '',
      'intent:',
      `  what: Make ${teamName.toLowerCase()} self-service for every customer.`,
      '  why: Customers leave when they have to wait for us.',
      '  done:',
      '    - 90% of common tasks finish without a support ticket by 2027-12-31.',
      '    - Median task time under 2 minutes for 8 weeks in a row.',
      '',
    ];
    const updates = ['updates:', '  cadence: weekly', `  channel: "#${teamName.toLowerCase().replace(/ /g, '-')}-updates"`];
    const tail = [...updates, '  owner: LEAD', '  covers: [progress, changes, issues, risks]', ''];
    this.lines = head.length + roles.length + stakeholders.length + priorities.length + tail.length + 6;

    this.lead = this.addMember('lead', 'expert', 'Leads the whole team');
    tail[3] = `  owner: ${this.lead.id}`;
    if (!this.team) this.scopePool = rng.shuffle(Array.from({ length: W.SCOPE_TEMPLATES.length * W.COMPONENTS.length * W.ASPECTS.length }, (_, i) => i));
    // At least one squad: a small charter still has decisions and check-ins.
    for (let s = 0; s === 0 || this.lines < this.target - 20; s++) this.addSquad(s);
    this.informStakeholders();

    return {
      blocks: [
        { kind: 'raw', lines: [...head, ...roles] },
        { kind: 'list', section: 'members', entries: this.lists.members },
        { kind: 'raw', lines: [...stakeholders, ...priorities] },
        { kind: 'list', section: 'decisions', entries: this.lists.decisions },
        { kind: 'list', section: 'checkins', entries: this.lists.checkins },
        { kind: 'list', section: 'milestones', entries: this.lists.milestones },
        { kind: 'raw', lines: tail },
        { kind: 'list', section: 'risks', entries: this.lists.risks },
      ],
    };
  }

  /**
   * Every stakeholder is named somewhere (stakeholder-unused), whatever defect is planted later:
   * the first decision informs them all.
   */
  private informStakeholders(): void {
    const unnamed = this.stakeholders.map((s) => s[0]);
    const first = this.lists.decisions?.[0];
    if (!unnamed.length || !first) return;
    const inform = first.fields.find(([key]) => key === 'inform');
    if (inform && typeof inform[1] === 'object' && inform[1] && 'flow' in inform[1]) inform[1] = { flow: [...new Set([...inform[1].flow, ...unnamed])] };
    else first.fields.push(['inform', { flow: unnamed }]);
  }

  /** Stakeholders who are one person (a group or a team cannot own a risk: owner-placeholder). */
  private persons(): string[] {
    return this.stakeholders.filter((s) => s[2] === 'person').map((s) => s[0]);
  }

  private push(section: string, entry: EntryDraft): void {
    this.lists[section].push(entry);
    this.lines += entryLineCount(entry);
  }

  private addMember(role: string, experience: string, comment?: string, squad = ''): Member {
    const rng = this.rng;
    const first = rng.pick(W.FIRST_NAMES);
    const last = rng.pick(W.LAST_NAMES);
    let id = `${first}-${last}`;
    let name = `${cap(first)} ${cap(last)}`;
    if (this.team) ({ id, name } = this.team.newPerson());
    else for (let n = 2; this.partyIds.has(id); n++) id = `${first}-${last}-${n}`;
    this.partyIds.add(id);
    this.members.push({ id, name, role });
    const fields: EntryDraft['fields'] = [
      ['id', id],
      ['name', name],
      ['role', role],
      ['experience', experience],
    ];
    if (rng.chance(0.6)) fields.push(['contact', rng.chance(0.5) ? `@${id}` : `${this.team ? id.replace('-', '.') : `${first}.${last}`}@example.com`]);
    this.push('members', { section: 'members', fields, comment, tag: role, squad });
    return { id, experience, role };
  }

  /** A squad sized to the remaining budget: members, decisions, milestones, check-ins, risks. */
  private addSquad(s: number): void {
    const rng = this.rng;
    const remaining = this.target - this.lines;
    const scale = Math.min(1, remaining / 160);
    const name = W.SQUADS[s % W.SQUADS.length] + (s >= W.SQUADS.length ? `-${Math.floor(s / W.SQUADS.length) + 1}` : '');
    const others = this.roleIds.filter((r) => r !== 'lead' && r !== 'tech-lead');

    const techLead = this.addMember('tech-lead', rng.pick(['expert', 'proficient']), `Squad: ${name}`, name);
    const members = [techLead];
    const size = Math.max(2, Math.round(rng.int(5, 9) * scale));
    for (let i = 1; i < size; i++) {
      const experience = rng.weighted([['new', 12], ['developing', 25], ['proficient', 40], ['expert', 23]] as const);
      members.push(this.addMember(rng.pick(others), experience, undefined, name));
    }

    const milestones: string[] = [];
    const slugs = rng.sample(['beta', 'ga', 'migration', 'launch', 'pilot', 'cutover', 'hardening'], Math.max(1, Math.round(rng.int(2, 4) * scale)));
    for (const slug of slugs) milestones.push(this.addMilestone(name, slug, rng.pick(members).id));

    const decisions: string[] = [];
    const nDecisions = Math.max(1, Math.round(rng.int(4, 7) * scale));
    for (let i = 0; i < nDecisions; i++) decisions.push(this.addDecision(name, members, techLead, i === 0));

    this.addCheckins(name, members, techLead, milestones);

    const nRisks = Math.max(1, Math.round(rng.int(1, 2) * scale));
    for (const k of rng.sample([0, 1, 2, 3, 4, 5], nRisks)) this.addRisk(name, k, members, decisions);
  }

  private date(fromYear: number, toYear: number): string {
    const rng = this.rng;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${rng.int(fromYear, toYear)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
  }

  private addMilestone(squad: string, slug: string, owner: string): string {
    const rng = this.rng;
    const id = `${squad}-${slug}`;
    this.milestoneIds.add(id);
    const c = rng.pick(W.COMPONENTS);
    const status = rng.weighted([['planned', 5], ['in-progress', 3], ['done', 2]] as const);
    const done = rng.chance(0.6) ? fill(rng.pick(W.DONE_CRITERIA), c) : { block: rng.sample(W.DONE_CRITERIA, 2).map((t) => fill(t, c)) };
    this.push('milestones', {
      section: 'milestones',
      tag: status,
      squad,
      fields: [
        ['id', id],
        ['title', cap(fill(rng.pick(W.MILESTONE_TITLES), c))],
        ['due', status === 'done' ? `2026-${String(rng.int(1, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : this.date(2027, 2028)],
        ['owner', owner],
        ['done', done],
        ['status', status],
      ],
    });
    return id;
  }

  private nextScope(): { scope: string; slug: string } {
    if (this.team) return this.team.nextScope();
    for (;;) {
      const n = this.scopePool.pop() ?? this.rng.int(0, W.SCOPE_TEMPLATES.length * W.COMPONENTS.length * W.ASPECTS.length - 1);
      const t = W.SCOPE_TEMPLATES[n % W.SCOPE_TEMPLATES.length];
      const c = W.COMPONENTS[Math.floor(n / W.SCOPE_TEMPLATES.length) % W.COMPONENTS.length];
      const a = W.ASPECTS[Math.floor(n / W.SCOPE_TEMPLATES.length / W.COMPONENTS.length)];
      // "queue queue sizing" would be nearly the scope of "transcoder queue sizing" (scope-overlap).
      if (a.split(' ').includes(c)) continue;
      const slug = `${c}-${a}`.replace(/[^a-z0-9]+/g, '-');
      return { scope: t.replace('{c}', c).replace('{a}', a), slug };
    }
  }

  /** `forceTeam`: every squad has a team-boundary decision, so `approval-everywhere` stays quiet. */
  private addDecision(squad: string, members: Member[], techLead: Member, forceTeam: boolean): string {
    const rng = this.rng;
    const { scope, slug } = this.nextScope();
    let id = slug;
    for (let n = 2; this.decisionIds.has(id); n++) id = `${slug}-${n}`;
    this.decisionIds.add(id);
    // Calls spread over the squad (decision-concentration): the member who owns the fewest so far.
    const fewest = Math.min(...members.map((m) => this.owned.get(m.id) ?? 0));
    const owner = rng.pick(members.filter((m) => (this.owned.get(m.id) ?? 0) === fewest));
    this.owned.set(owner.id, fewest + 1);
    const rest = members.filter((m) => m !== owner).map((m) => m.id);
    const drawn = forceTeam ? 'team' : rng.weighted([['team', 55], ['consult', 30], ['escalate', 15]] as const);
    // An expert keeps calls of their own: their decisions are not escalated (expert-constrained).
    const boundary = drawn === 'escalate' && owner.experience === 'expert' ? 'consult' : drawn;
    const fields: EntryDraft['fields'] = [['id', id], ['scope', scope], ['owner', owner.id], ['boundary', boundary]];
    // Escalations and approvals spread too (approval-bottleneck): the least-asked of the leads and stakeholders.
    const askable = [this.lead.id, techLead.id, ...this.stakeholders.map((s) => s[0])].filter((id) => id !== owner.id);
    const leastAsked = () => {
      const fewest = Math.min(...askable.map((id) => this.asked.get(id) ?? 0));
      const id = rng.pick(askable.filter((a) => (this.asked.get(a) ?? 0) === fewest));
      this.asked.set(id, fewest + 1);
      return id;
    };
    const elsewhere = leastAsked();
    if (boundary === 'team') {
      // A newcomer's call is taken after hearing the tech lead (newcomer-decides-alone).
      if (owner.experience === 'new' && owner !== techLead) fields.push(['consult', { flow: [techLead.id] }]);
      else if (rest.length && rng.chance(0.7)) fields.push(['inform', { flow: rng.sample(rest, rng.int(1, 2)) }]);
      fields.push(['risk_owner', owner.id]);
    } else if (boundary === 'consult') {
      const consult = rest.length ? rng.sample(rest, rng.int(1, 3)) : [elsewhere];
      fields.push(['consult', { flow: consult }], ['risk_owner', rng.chance(0.5) ? consult[0] : owner.id], ['escalate_to', elsewhere]);
    } else {
      const approver = elsewhere;
      if (rest.length) fields.push(['consult', { flow: rng.sample(rest, rng.int(1, 2)) }]);
      fields.push(['approver', approver], ['risk_owner', rng.chance(0.5) ? approver : owner.id], ['escalate_to', approver], ['revisit', this.date(2027, 2028)]);
    }
    this.push('decisions', { section: 'decisions', fields, tag: boundary, squad });
    return id;
  }

  private checkin(squad: string, tag: string, id: string, cadence: string, owner: string, participants: string[], extra: EntryDraft['fields'] = []): void {
    const fields: EntryDraft['fields'] = [
      ['id', id],
      ['cadence', cadence],
      ...extra,
      ['owner', owner],
      ['participants', { flow: participants }],
      ['agreed_with', { flow: participants.filter((p) => p !== owner) }],
      ['purpose', W.CHECKIN_PURPOSES[tag]],
    ];
    if (this.rng.chance(0.6)) fields.push(['format', this.rng.pick(W.CHECKIN_FORMATS)]);
    this.push('checkins', { section: 'checkins', fields, tag, squad });
  }

  private addCheckins(squad: string, members: Member[], techLead: Member, milestones: string[]): void {
    const rng = this.rng;
    const ids = members.map((m) => m.id);
    this.checkin(squad, 'sync', `${squad}-sync`, 'weekly', techLead.id, ids);
    const mentors = members.filter((m) => m.experience === 'expert' || m.experience === 'proficient');
    // Every newcomer pairs with a mentor: the squad sync has too many people to count as support.
    for (const newcomer of members.filter((m) => m.experience === 'new')) {
      const mentor = rng.pick(mentors);
      this.checkin(squad, 'pairing', `${squad}-pairing-${newcomer.id}`, 'twice-weekly', mentor.id, [mentor.id, newcomer.id], [['until', this.date(2027, 2028)]]);
    }
    // Daily only where someone still wants close guidance (else checkin-too-frequent applies).
    if (members.some((m) => m.experience === 'new' || m.experience === 'developing') && rng.chance(0.4)) {
      this.checkin(squad, 'standup', `${squad}-standup`, 'daily', techLead.id, ids, [['until', this.date(2027, 2028)]]);
    }
    const guests = rng.sample(this.stakeholders.map((s) => s[0]), 2);
    if (rng.chance(0.6)) this.checkin(squad, 'demo', `${squad}-demo`, rng.pick(['biweekly', 'every 3 weeks', 'monthly']), techLead.id, [techLead.id, ...guests]);
    if (milestones.length && rng.chance(0.7)) {
      this.checkin(squad, 'review', `${squad}-review`, 'on-milestone', techLead.id, [techLead.id, guests[0]], [['milestones', { flow: rng.sample(milestones, rng.int(1, 2)) }]]);
    }
    if (rng.chance(0.4)) this.checkin(squad, 'retro', `${squad}-retro`, 'monthly', techLead.id, ids);
  }

  private addRisk(squad: string, k: number, members: Member[], decisions: string[]): void {
    const rng = this.rng;
    const c = rng.pick(W.COMPONENTS);
    const slug = ['vendor-pricing', 'data-corruption', 'key-people', 'traffic-spike', 'regulator', 'holiday-freeze'][k];
    const fields: EntryDraft['fields'] = [
      ['id', `${squad}-${slug}`],
      ['description', fill(W.RISK_TEXTS[k], c)],
      ['owner', rng.chance(0.8) || !this.persons().length ? rng.pick(members).id : rng.pick(this.persons())],
      ['mitigation', fill(rng.pick(W.MITIGATIONS), c)],
      ['decisions', { flow: rng.sample(decisions, rng.int(1, Math.min(2, decisions.length))) }],
    ];
    this.push('risks', { section: 'risks', fields, tag: 'risk', squad });
  }
}
