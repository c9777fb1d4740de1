// One charter's part in the organisation view, worked out from its own analysis: who it declares,
// what its decisions and check-ins say about people (roles resolved to holders in this charter),
// and its parent. Recomputed only when the charter changes.
import type { Node } from 'yaml';
import { isAlias } from 'yaml';
import type { Analysis } from '../lint';
import { sourceRange } from '../lint';
import type { CharterSummary, CheckinSummary, DecisionSummary, PartyDeclaration } from '../engine/charter-set';
import type { Entry, MapView } from '../engine/parse';
import type { Range } from '../engine/model';
import { boundaryOf, enumValue, fieldValue, partiesIn } from '../engine/fields';
import { STAKEHOLDER_KINDS, scopeWords } from '../engine/vocabulary';

const DEFAULT_MINUTES = 30;

export function summarize(file: string, analysis: Analysis): CharterSummary {
  const { model, index } = analysis;
  // Roles are local to a charter: they count for their holders here, and are never a party of the set.
  const people = (party: string): string[] =>
    index.partyKind(party) === 'role' ? index.membersOf(party).map((m) => m.id).filter((id): id is string => id !== undefined) : [party];
  const range = (node: Node): Range => sourceRange(model, node.range?.[0] ?? 0, node.range?.[1] ?? 0);
  const text = (holder: MapView | undefined, key: string) => {
    const f = holder ? fieldValue(holder, key) : undefined;
    return f?.kind === 'text' ? { text: f.text, range: range(f.at) } : undefined;
  };

  const parties: PartyDeclaration[] = [];
  for (const section of ['members', 'stakeholders'] as const) {
    for (const entry of model.lists[section]) {
      if (entry.id === undefined) continue;
      const name = text(entry, 'name');
      const kind = section === 'stakeholders' ? enumValue(entry, 'kind', STAKEHOLDER_KINDS) : undefined;
      parties.push({ id: entry.id.trim(), section, anchor: range(entry.anchor), ...(name ? { name } : {}), ...(kind ? { kind } : {}) });
    }
  }

  const decisions: DecisionSummary[] = model.lists.decisions.map((d) => {
    const owner = index.ownerShape(d);
    const scope = text(d, 'scope');
    const approvals: DecisionSummary['approvals'][number][] = [];
    for (const field of ['approver', 'escalate_to'] as const) {
      for (const node of d.scalarItems(field)) {
        const value = String(node.value ?? '').trim();
        if (value === '' || index.isStandIn(value)) continue;
        for (const person of people(value)) approvals.push({ person, range: range(writtenNode(d, field, node)), field });
      }
    }
    return {
      ...(d.id !== undefined ? { id: d.id } : {}),
      label: d.label,
      anchor: range(d.anchor),
      ...(scope ? { scope: { ...scope, words: scopeWords(scope.text) } } : {}),
      boundary: boundaryOf(d),
      owners: owner.kind === 'single' ? people(owner.party) : [],
      approvals,
    };
  });

  const checkins: CheckinSummary[] = model.lists.checkins.map((c) => {
    const cadence = index.cadence(c);
    const minutes = Number(c.text('minutes'));
    const perOccurrence = Number.isInteger(minutes) && minutes > 0 ? minutes : DEFAULT_MINUTES;
    const named = [...c.texts('owner'), ...c.texts('participants')].map((p) => p.trim()).filter((p) => p !== '');
    return {
      ...(c.id !== undefined ? { id: c.id } : {}),
      label: c.label,
      anchor: range(c.anchor),
      weeklyMinutes: cadence?.kind === 'interval' ? (perOccurrence * 7) / cadence.days : 0,
      people: [...new Set(named.flatMap(people))],
    };
  });

  const team = model.team;
  const id = text(team, 'id');
  const parent = text(team, 'parent');
  return {
    file,
    team: { ...(id ? { id } : {}), ...(team?.text('name') !== undefined ? { name: team.text('name')!.trim() } : {}), ...(parent ? { parent } : {}) },
    parties,
    decisions,
    checkins,
  };
}

/** Where a value is written: an alias used as the whole value points at its use, not its anchor. */
function writtenNode(holder: Entry, field: string, node: Node): Node {
  const own = holder.pairs.get(field)?.value as Node | null | undefined;
  return isAlias(own) ? own : node;
}
