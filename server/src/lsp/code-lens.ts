// Code lenses: above each member, what they answer for; above each decision, its boundary in words.
// Lenses are informational: their command id is empty, so clicking does nothing.
import type { CodeLens } from 'vscode-languageserver/node';
import type { Entry } from '../engine/parse';
import type { Analysis } from '../lint';
import { involvement, involvementSummary } from './parties';

export function codeLenses(analysis: Analysis): CodeLens[] {
  const { model, index } = analysis;
  const lenses: CodeLens[] = [];
  const at = (entry: Entry, title: string) => {
    const start = entry.node.range?.[0] ?? 0;
    const pos = model.lines.positionAt(start);
    lenses.push({ range: { start: pos, end: pos }, command: { title, command: '' } });
  };
  for (const member of model.lists.members) {
    if (member.id === undefined) continue;
    at(member, involvementSummary(involvement(index, member.id)));
  }
  for (const decision of model.lists.decisions) at(decision, boundaryLens(decision));
  return lenses;
}

/** `team: ana decides alone` / `consult: ana decides after hearing ben, finance` / `escalate: needs approval from finance`. */
export function boundaryLens(decision: Entry): string {
  const boundary = decision.text('boundary')?.trim();
  const owner = decision.text('owner')?.trim() || 'nobody (no owner)';
  const consult = decision.texts('consult');
  switch (boundary) {
    case undefined:
    case '':
      return `boundary: team (default) · ${owner} decides inside the team, no approval`;
    case 'team':
      return `boundary: team · ${owner} decides inside the team, no approval`;
    case 'consult':
      return `boundary: consult · ${owner} decides after hearing ${consult.length ? consult.join(', ') : 'nobody yet (no consult)'}`;
    case 'escalate': {
      const approver = decision.text('approver')?.trim();
      return `boundary: escalate · needs approval from ${approver || 'nobody yet (no approver)'}`;
    }
    default:
      return `boundary: "${boundary}" is not team, consult or escalate`;
  }
}
