// Hover: on a party id, who it is and what it answers for; on a milestone or decision id, what it
// is; on a key (or a plain value), the schema's description of that key.
import { MarkupKind } from 'vscode-languageserver-types';
import type { Hover } from 'vscode-languageserver-protocol';
import type { Analysis } from '../lint';
import type { Entry } from '../engine/parse';
import { fieldInfo } from './field-info';
import { idAt } from './navigation';
import { nodeAt } from './node-at';
import { code, describeParty, md } from './parties';
import type { PartyWeight } from '../org/weight';

export function hover(analysis: Analysis, offset: number): Hover | null {
  const { model, index } = analysis;
  const range = (s: number, e: number) => model.lines.rangeOf(s, e);
  const target = idAt(analysis, offset);
  if (target) {
    const [s, e] = target.node.range ?? [0, 0];
    let value: string | undefined;
    if (target.namespace === 'party') value = describeParty(index, target.id);
    else {
      const entry = index.declared[target.namespace].get(target.id)?.[0];
      if (target.namespace === 'milestone') value = entry ? describeMilestone(entry) : `${code(target.id)} is not declared: no milestone has this id.`;
      else if (target.namespace === 'decision') value = entry ? describeDecision(entry) : `${code(target.id)} is not declared: no decision has this id.`;
    }
    if (value) return { contents: { kind: MarkupKind.Markdown, value }, range: range(s, e) };
  }
  const at = nodeAt(model, offset);
  if (!at) return null;
  const info = fieldInfo(at.path);
  if (!info) return null;
  const [s, e] = at.node.range ?? [0, 0];
  const value = `${code(info.key)} · ${md(info.type)}${info.description ? `\n\n${info.description}` : ''}`;
  return { contents: { kind: MarkupKind.Markdown, value }, range: range(s, e) };
}

function describeMilestone(entry: Entry): string {
  const facts = [entry.text('due') && `due ${entry.text('due')}`, entry.text('status'), entry.text('owner') && `owner ${entry.text('owner')}`].filter(Boolean) as string[];
  return [`${entry.id ? code(entry.id) : md(entry.label)} · milestone${entry.text('title') ? ` — ${md(entry.text('title')!)}` : ''}`, facts.length ? `\n${md(facts.join(' · '))}` : ''].join('\n');
}

function describeDecision(entry: Entry): string {
  const facts = [entry.text('owner') && `owner ${entry.text('owner')}`, `boundary ${entry.text('boundary') ?? 'team'}`].filter(Boolean) as string[];
  return [`${entry.id ? code(entry.id) : md(entry.label)} · decision${entry.text('scope') ? ` — ${md(entry.text('scope')!)}` : ''}`, `\n${md(facts.join(' · '))}`].join('\n');
}

/** The party id under the cursor (a declaration or a reference), if any. */
export function partyAt(analysis: Analysis, offset: number): string | undefined {
  const target = idAt(analysis, offset);
  return target?.namespace === 'party' ? target.id : undefined;
}

/** One markdown paragraph: what the party carries across the charters of the set. */
export function weightParagraph(weight: PartyWeight): string {
  const hours = Math.round((weight.minutesPerWeek / 60) * 10) / 10;
  const parts = [
    `owns ${weight.decisionsOwned} decision${weight.decisionsOwned === 1 ? '' : 's'}`,
    `approves ${weight.approvals}`,
    `receives ${weight.escalations} escalation${weight.escalations === 1 ? '' : 's'}`,
    `${hours} hour${hours === 1 ? '' : 's'} of check-ins a week`,
  ];
  return `**Across the ${weight.charters} charters of this repository**: ${parts.join(' · ')}${weight.teams.length ? ` · in ${weight.teams.map(code).join(', ')}` : ''}`;
}
