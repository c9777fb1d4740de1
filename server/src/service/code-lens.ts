// Code lenses: above each member, what they answer for; above each decision, its boundary in words.
// Lenses are informational: their command id is empty, so clicking does nothing.
import type { CodeLens } from 'vscode-languageserver-protocol';
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

/**
 * `boundary: team · decided by ana inside the team, no approval` / `boundary: consult · decided by ana
 * after hearing ben, finance` / `boundary: escalate · needs approval from finance`. Passive, so the
 * sentence reads right whoever the owner is: one id, `Maya and Felix`, or a list (which owner-multiple reports).
 */
export function boundaryLens(decision: Entry): string {
  const boundary = decision.text('boundary')?.trim();
  const owners = decision.text('owner')?.trim() || decision.texts('owner').join(' and ');
  const decided = (how: string) => (owners ? `decided by ${owners} ${how}` : `decided ${how} (no owner yet)`);
  const consult = decision.texts('consult');
  switch (boundary) {
    case undefined:
    case '':
      return `boundary: team (default) · ${decided('inside the team, no approval')}`;
    case 'team':
      return `boundary: team · ${decided('inside the team, no approval')}`;
    case 'consult':
      return `boundary: consult · ${decided(`after hearing ${consult.length ? consult.join(', ') : 'nobody yet (no consult)'}`)}`;
    case 'escalate': {
      const approver = decision.text('approver')?.trim();
      return `boundary: escalate · needs approval from ${approver || 'nobody yet (no approver)'}`;
    }
    default:
      return `boundary: "${boundary}" is not team, consult or escalate`;
  }
}
