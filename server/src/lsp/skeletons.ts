// Skeletons of a new decision, check-in and milestone for completion. Values nobody can know yet
// are visible `TODO` placeholders (which the rules then point out), never fake good values.
import type { Analysis } from '../lint';

export const SKELETON_SECTIONS = ['decisions', 'checkins', 'milestones'] as const;
export type SkeletonSection = (typeof SKELETON_SECTIONS)[number];

type Field = [key: string, plain: string, snippet: string];

/** The entry's lines, starting with `id: …` (no dash); later lines indented to `keyColumn`. */
export function newEntrySkeleton(analysis: Analysis, section: SkeletonSection, keyColumn: number, snippets: boolean): string {
  const { model, index } = analysis;
  const eol = model.lines.eol;
  const members = model.lists.members.map((m) => m.id).filter((id): id is string => id !== undefined);
  const parties = [...index.declared.party.keys()];
  const lead = index.leads.find((l) => l.id)?.id;
  const choice = (n: number, values: string[], fallback: string) => (values.length ? `\${${n}|${values.join(',')}|}` : `\${${n}:${fallback}}`);
  const ownerChoices = lead ? [lead, ...parties.filter((p) => p !== lead)] : parties;
  let fields: Field[];
  if (section === 'decisions') {
    const id = freeId(analysis, 'decision', 'new-decision');
    fields = [
      ['id', id, `\${1:${id}}`],
      ['scope', '"TODO: what is being decided"', '"${2:TODO: what is being decided}"'],
      ['owner', 'TODO', choice(3, ownerChoices, 'TODO')],
      ['boundary', 'team', '${4|team,consult,escalate|}'],
      ['risk_owner', 'TODO', choice(5, ownerChoices, 'TODO')],
    ];
  } else if (section === 'checkins') {
    const id = freeId(analysis, 'checkin', 'new-checkin');
    const others = members.filter((m) => m !== lead);
    fields = [
      ['id', id, `\${1:${id}}`],
      ['cadence', 'weekly', '${2|weekly,biweekly,twice-weekly,daily,monthly,quarterly,on-milestone|}'],
      ['owner', lead ?? 'TODO', choice(3, ownerChoices, 'TODO')],
      ['participants', `[${members.join(', ') || 'TODO'}]`, `[\${4:${members.join(', ') || 'TODO'}}]`],
      ['agreed_with', `[${others.join(', ') || 'TODO'}]`, `[\${5:${others.join(', ') || 'TODO'}}]`],
      ['purpose', '"TODO: why this check-in exists"', '"${6:TODO: why this check-in exists}"'],
    ];
  } else {
    const id = freeId(analysis, 'milestone', 'new-milestone');
    fields = [
      ['id', id, `\${1:${id}}`],
      ['title', '"TODO: the outcome"', '"${2:TODO: the outcome}"'],
      ['due', 'TODO', '${3:TODO}'],
      ['owner', 'TODO', choice(4, ownerChoices, 'TODO')],
      ['done', '"TODO: observable result, measured by …"', '"${5:TODO: observable result, measured by …}"'],
      ['status', 'planned', '${6|planned,in-progress,done,dropped|}'],
    ];
  }
  const pad = ' '.repeat(keyColumn);
  return fields.map(([key, plain, snippet], i) => `${i === 0 ? '' : pad}${key}: ${snippets ? snippet : plain}`).join(eol);
}

/** `new-decision`, else `new-decision-2`, … (the first id not declared in the namespace). */
function freeId(analysis: Analysis, namespace: 'decision' | 'checkin' | 'milestone', base: string): string {
  const taken = analysis.index.declared[namespace];
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
