// Snippets of a new decision, check-in and milestone for completion. Values nobody can know yet
// default to visible `TODO` placeholders (which the rules then point out), never fake good values.
import type { Analysis } from '../lint';

export const SKELETON_SECTIONS = ['decisions', 'checkins', 'milestones'] as const;
export type SkeletonSection = (typeof SKELETON_SECTIONS)[number];

type Field = [key: string, snippet: string];

/** The entry's lines as a snippet, starting with `id: …` (no dash); later lines indented to `keyColumn`. */
export function newEntrySnippet(analysis: Analysis, section: SkeletonSection, keyColumn: number): string {
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
      ['id', `\${1:${id}}`],
      ['scope', '"${2:TODO: what is being decided}"'],
      ['owner', choice(3, ownerChoices, 'TODO')],
      ['boundary', '${4|team,consult,escalate|}'],
      ['risk_owner', choice(5, ownerChoices, 'TODO')],
    ];
  } else if (section === 'checkins') {
    const id = freeId(analysis, 'checkin', 'new-checkin');
    const others = members.filter((m) => m !== lead);
    fields = [
      ['id', `\${1:${id}}`],
      ['cadence', '${2|weekly,biweekly,twice-weekly,daily,monthly,quarterly,on-milestone|}'],
      ['owner', choice(3, ownerChoices, 'TODO')],
      ['participants', `[\${4:${members.join(', ') || 'TODO'}}]`],
      ['agreed_with', `[\${5:${others.join(', ') || 'TODO'}}]`],
      ['purpose', '"${6:TODO: why this check-in exists}"'],
    ];
  } else {
    const id = freeId(analysis, 'milestone', 'new-milestone');
    fields = [
      ['id', `\${1:${id}}`],
      ['title', '"${2:TODO: the outcome}"'],
      ['due', '${3:TODO}'],
      ['owner', choice(4, ownerChoices, 'TODO')],
      ['done', '"${5:TODO: observable result, measured by …}"'],
      ['status', '${6|planned,in-progress,done,dropped|}'],
    ];
  }
  const pad = ' '.repeat(keyColumn);
  return fields.map(([key, snippet], i) => `${i === 0 ? '' : pad}${key}: ${snippet}`).join(eol);
}

/** `new-decision`, else `new-decision-2`, … (the first id not declared in the namespace). */
function freeId(analysis: Analysis, namespace: 'decision' | 'checkin' | 'milestone', base: string): string {
  const taken = analysis.index.declared[namespace];
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** What a snippet inserts when every placeholder keeps its default (the first choice). */
export function snippetDefaults(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1');
}
