// A generated repository of charters shaped like a company's: one top team, divisions, groups and
// teams linked by `team.parent` (by id, and now and then by relative path), each charter 100–400
// lines from generate.ts. People cross charters as they do in real organisations: everyone is a
// member of one team, and leads are stakeholders (same id, same name) in their child teams and
// their siblings; a few scopes are claimed by two teams. Same options, same files.
import fs from 'node:fs';
import path from 'node:path';
import { generateCharter } from './generate';
import type { PlantedDefect, StakeholderDraft, TeamIdentity } from './generate';
import { Random } from './random';
import * as W from './words';

export interface RepositoryOptions {
  /** Number of charters (default 300). */
  charters?: number;
  /** Generator seed (default 1). */
  seed?: number;
  /** Length of each charter, drawn uniformly (default 100–400 lines). */
  minLines?: number;
  maxLines?: number;
  /** Planted single-charter defects per 100 lines (default 1, as generate.ts). */
  defectsPer100Lines?: number;
}

export interface RepositoryCharter {
  /** Path relative to the repository root, `/`-separated. */
  path: string;
  teamId: string;
  /** `team.parent` as written (an id or a relative path); undefined for the top team. */
  parent?: string;
  /** The parent's team id, however `parent` is written. */
  parentId?: string;
  lines: number;
  text: string;
  /** The single-charter defects planted in it (generate.ts), each found by exactly one rule. */
  defects: PlantedDefect[];
}

export interface GeneratedRepository {
  charters: RepositoryCharter[];
  lines: number;
}

const DIVISIONS = ['commerce', 'identity', 'growth', 'infrastructure', 'data', 'mobile', 'finance-tech', 'marketplace', 'trust', 'media'];

/** Group-wide calls two teams may each believe are theirs (words unused by the scope templates). */
export const SHARED_SCOPES = [
  'Which CI runner image every repository builds on',
  'Naming scheme for public REST endpoints',
  'Default on-call paging policy for weekends',
  'Choice of the shared observability vendor',
  'Format of customer-facing release notes',
  'Who may rotate production database credentials',
  'Container base image patch cadence',
  'Quarterly hackathon themes and judging',
  'Retention of raw clickstream events',
  'Tooling for internal design reviews',
  'Service ownership labels in the catalogue portal',
  'Approval path for new third-party SDKs',
];

const GLOBAL_STAKEHOLDERS: readonly StakeholderDraft[] = [
  ['security-council', 'Security council', 'group'],
  ['finance', 'Finance team', 'team'],
  ['legal', 'Legal and compliance', 'group'],
  ['architecture-board', 'Architecture review board', 'group'],
];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const titleOf = (id: string) => cap(id.replace(/-/g, ' '));

interface Node {
  id: string;
  name: string;
  level: 0 | 1 | 2 | 3;
  parent?: Node;
  children: Node[];
  /** Folder of the charter, relative to the root; the file is `team-charter.yaml` in it unless `file` says otherwise. */
  dir: string;
  file: string;
  lead?: { id: string; name: string };
  techLeads: Array<{ id: string; name: string }>;
}

/** The repository in memory: charters in generation order (parents before children). */
export function generateRepository(options: RepositoryOptions = {}): GeneratedRepository {
  const count = Math.max(1, options.charters ?? 300);
  const rng = new Random(options.seed ?? 1);
  const [minLines, maxLines] = [options.minLines ?? 100, options.maxLines ?? 400];
  const nodes = organisation(count, rng);

  const usedPeople = new Set<string>();
  const newPerson = () => {
    const first = rng.pick(W.FIRST_NAMES);
    const last = rng.pick(W.LAST_NAMES);
    let id = `${first}-${last}`;
    for (let n = 2; usedPeople.has(id); n++) id = `${first}-${last}-${n}`;
    usedPeople.add(id);
    return { id, name: `${cap(first)} ${cap(last)}` };
  };
  const scopeCount = W.SCOPE_TEMPLATES.length * W.COMPONENTS.length * W.ASPECTS.length;
  const scopePool = rng.shuffle(Array.from({ length: scopeCount }, (_, i) => i));
  const uniqueScope = () => {
    const n = scopePool.pop() ?? rng.int(0, scopeCount - 1);
    const t = W.SCOPE_TEMPLATES[n % W.SCOPE_TEMPLATES.length];
    const c = W.COMPONENTS[Math.floor(n / W.SCOPE_TEMPLATES.length) % W.COMPONENTS.length];
    const a = W.ASPECTS[Math.floor(n / W.SCOPE_TEMPLATES.length / W.COMPONENTS.length)];
    return { scope: t.replace('{c}', c).replace('{a}', a), slug: `${c}-${a}`.replace(/[^a-z0-9]+/g, '-') };
  };

  const charters: RepositoryCharter[] = [];
  for (const node of nodes) {
    const sharedTaken = new Set<string>();
    const team: TeamIdentity = {
      id: node.id,
      name: node.name,
      parent: parentReference(node, rng),
      stakeholders: stakeholdersOf(node, nodes[0], rng),
      newPerson,
      nextScope: () => {
        if (node.level === 3 && rng.chance(0.05)) {
          const scope = rng.pick(SHARED_SCOPES);
          if (!sharedTaken.has(scope)) {
            sharedTaken.add(scope);
            return { scope, slug: scope.toLowerCase().split(' ').slice(0, 4).join('-').replace(/[^a-z0-9-]/g, '') };
          }
        }
        return uniqueScope();
      },
    };
    const g = generateCharter({ lines: rng.int(minLines, maxLines), seed: rng.int(1, 2 ** 31), defectsPer100Lines: options.defectsPer100Lines, team });
    node.lead = g.members.find((m) => m.role === 'lead');
    node.techLeads = g.members.filter((m) => m.role === 'tech-lead');
    charters.push({ path: `${node.dir ? `${node.dir}/` : ''}${node.file}`, teamId: node.id, parent: team.parent, parentId: node.parent?.id, lines: g.lineCount, text: g.text, defects: g.defects });
  }
  return { charters, lines: charters.reduce((n, c) => n + c.lines, 0) };
}

/** Writes the repository under `dir` (created if needed); returns what was written. */
export function writeRepository(dir: string, options: RepositoryOptions = {}): GeneratedRepository {
  const repo = generateRepository(options);
  for (const c of repo.charters) {
    const file = path.join(dir, ...c.path.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, c.text);
  }
  return repo;
}

/** The tree: a top team, ~6 divisions, ~8 teams per group; breadth-first, so parents come first. */
function organisation(count: number, rng: Random): Node[] {
  const ids = new Set<string>();
  const unique = (base: string) => {
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  const make = (id: string, level: Node['level'], parent: Node | undefined, dir: string, file = 'team-charter.yaml'): Node => {
    const node: Node = { id, name: titleOf(id), level, parent, children: [], dir, file, techLeads: [] };
    parent?.children.push(node);
    return node;
  };
  const top = make(unique('company'), 0, undefined, 'teams');
  const nodes = [top];
  const divisionCount = Math.min(DIVISIONS.length, Math.max(1, Math.round(Math.sqrt(count) / 3)), count - 1);
  const groupCount = Math.min(Math.max(divisionCount, Math.round(count / 8)), count - 1 - divisionCount);
  const divisions = DIVISIONS.slice(0, divisionCount).map((d) => make(unique(d), 1, top, `teams/${d}`));
  nodes.push(...divisions);
  const groups: Node[] = [];
  for (let g = 0; g < groupCount; g++) {
    const division = divisions[g % divisions.length];
    const id = unique(W.SQUADS[g % W.SQUADS.length]);
    groups.push(make(id, 2, division, `${division.dir}/${id}`));
  }
  nodes.push(...groups);
  for (let t = 0; nodes.length < count; t++) {
    const group = groups.length ? groups[t % groups.length] : divisions.length ? divisions[t % divisions.length] : top;
    const id = unique(`${group.id.replace(/-\d+$/, '')}-${W.COMPONENTS[Math.floor(t / Math.max(1, groups.length)) % W.COMPONENTS.length]}`);
    // Most teams have a folder of their own; some keep a `<team>.charter.yaml` beside their group's.
    nodes.push(rng.chance(0.1) ? make(id, 3, group, group.dir, `${id}.charter.yaml`) : make(id, 3, group, `${group.dir}/${id}`));
  }
  return nodes;
}

/** `team.parent`: the parent's id, or for one team in ten the relative path to its charter. */
function parentReference(node: Node, rng: Random): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (!rng.chance(0.1)) return parent.id;
  const up = node.dir.split('/').length - parent.dir.split('/').length;
  return [...Array(up).fill('..'), parent.file].join('/') || parent.file;
}

/**
 * The parent team and its lead, one or two leads of sibling teams (charters written earlier), one
 * sibling team, two organisation-wide groups, and sometimes the top team's lead. One person
 * declaration in a hundred carries a shorter name (first name only): two spellings of one person.
 */
function stakeholdersOf(node: Node, top: Node, rng: Random): StakeholderDraft[] {
  const out: StakeholderDraft[] = [];
  const seen = new Set<string>();
  const add = (s: StakeholderDraft) => {
    if (seen.has(s[0])) return;
    seen.add(s[0]);
    out.push(s);
  };
  const person = (p: { id: string; name: string } | undefined) => p && add([p.id, rng.chance(0.01) ? p.name.split(' ')[0] : p.name, 'person']);
  const parent = node.parent;
  if (parent) {
    add([parent.id, parent.name, 'team']);
    person(parent.lead);
    const siblings = parent.children.filter((c) => c !== node && c.lead);
    for (const s of rng.sample(siblings, rng.int(1, 2))) person(rng.chance(0.5) ? s.lead : (s.techLeads[0] ?? s.lead));
    const sibling = rng.pick(siblings);
    if (sibling) add([sibling.id, sibling.name, 'team']);
    if (node !== top && parent !== top && rng.chance(0.3)) person(top.lead);
  }
  for (const g of rng.sample(GLOBAL_STAKEHOLDERS, 2)) add(g);
  for (const g of GLOBAL_STAKEHOLDERS) if (out.length < 3) add(g);
  return out;
}
