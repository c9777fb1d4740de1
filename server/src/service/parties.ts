// Who a party is and what it is accountable for, from the shared per-version index. A member
// also answers for what its role is named in ("a role reference means whoever holds that role").
import type { CharterIndex } from '../engine/indexes';
import type { Entry } from '../engine/parse';
import { plural } from '../engine/text';

export interface Involvement {
  /** Decisions the party owns. */
  owns: Entry[];
  approves: Entry[];
  /** Decisions whose blocked or contested calls go to the party (`escalate_to`). */
  escalations: Entry[];
  /** Decisions whose consequences the party absorbs (`risk_owner`). */
  riskOf: Entry[];
  consulted: Entry[];
  milestones: Entry[];
  /** Entries of `risks` the party owns. */
  risks: Entry[];
  /** Check-ins the party runs (`owner`). */
  runs: Entry[];
  /** Check-ins the party runs or takes part in. */
  checkins: Entry[];
  postsUpdates: boolean;
  /** Entries reached only through the member's role, with that role id. */
  viaRole: Map<Entry, string>;
}

export function involvement(index: CharterIndex, partyId: string): Involvement {
  const result: Involvement = { owns: [], approves: [], escalations: [], riskOf: [], consulted: [], milestones: [], risks: [], runs: [], checkins: [], postsUpdates: false, viaRole: new Map() };
  const ids = [partyId];
  const decl = index.party(partyId);
  const role = decl?.section === 'members' ? decl.text('role')?.trim() : undefined;
  if (role && role !== partyId && index.isDeclared('role', role)) ids.push(role);
  const add = (list: Entry[], entry: Entry, via: string | undefined) => {
    if (list.includes(entry)) return;
    list.push(entry);
    if (via) {
      if (!result.viaRole.has(entry)) result.viaRole.set(entry, via);
    } else result.viaRole.delete(entry);
  };
  for (const id of ids) {
    const via = id === partyId ? undefined : id;
    for (const ref of index.referencesTo('party', id)) {
      if (ref.kind !== 'party') continue;
      const entry = ref.entry;
      if (!entry) {
        if (ref.field === 'owner') result.postsUpdates = true;
        continue;
      }
      const key = `${entry.section}.${ref.field}`;
      if (key === 'decisions.owner') add(result.owns, entry, via);
      else if (key === 'decisions.approver') add(result.approves, entry, via);
      else if (key === 'decisions.escalate_to') add(result.escalations, entry, via);
      else if (key === 'decisions.risk_owner') add(result.riskOf, entry, via);
      else if (key === 'decisions.consult') add(result.consulted, entry, via);
      else if (key === 'milestones.owner') add(result.milestones, entry, via);
      else if (key === 'risks.owner') add(result.risks, entry, via);
      else if (key === 'checkins.owner') {
        add(result.runs, entry, via);
        add(result.checkins, entry, via);
      } else if (key === 'checkins.participants') add(result.checkins, entry, via);
    }
  }
  return result;
}

/**
 * `owns 2 decisions · risk owner of 1 decision · carries 1 risk · in 2 check-ins`: each part says what
 * it counts — decisions owned, decisions whose `risk_owner` the party is, entries of `risks` it
 * owns (those two only when there are any), check-ins it runs or takes part in.
 */
export function involvementSummary(inv: Involvement): string {
  const parts = [`owns ${plural(inv.owns.length, 'decision')}`];
  if (inv.riskOf.length) parts.push(`risk owner of ${plural(inv.riskOf.length, 'decision')}`);
  if (inv.risks.length) parts.push(`carries ${plural(inv.risks.length, 'risk')}`);
  parts.push(`in ${plural(inv.checkins.length, 'check-in')}`);
  return parts.join(' · ');
}

/** A markdown description of a party: who it is, then what it answers for. */
export function describeParty(index: CharterIndex, partyId: string): string {
  const decl = index.party(partyId);
  if (!decl) return `${code(partyId)} is not declared: no member, role or stakeholder has this id.`;
  const lines: string[] = [];
  if (decl.section === 'members') {
    lines.push(`${code(partyId)} · member${decl.text('name') ? ` — ${md(decl.text('name')!)}` : ''}`);
    const facts = [decl.text('role') && `role: ${md(decl.text('role')!)}`, decl.text('experience') && `experience: ${md(decl.text('experience')!)}`, decl.text('contact') && `contact: ${md(decl.text('contact')!)}`].filter(Boolean);
    if (facts.length) lines.push('', facts.join(' · '));
  } else if (decl.section === 'roles') {
    lines.push(`${code(partyId)} · role${decl.text('title') ? ` — ${md(decl.text('title')!)}` : ''}`);
    const holders = index.membersOf(partyId).map((m) => (m.id ? `${code(m.id)}${m.text('name') ? ` (${md(m.text('name')!)})` : ''}` : m.label));
    lines.push('', holders.length ? `held by ${holders.join(', ')}` : 'held by no member');
  } else {
    const kind = decl.text('kind');
    lines.push(`${code(partyId)} · stakeholder${kind ? ` (${md(kind)})` : ''}${decl.text('name') ? ` — ${md(decl.text('name')!)}` : ''}`);
  }
  const inv = involvement(index, partyId);
  const item = (label: string, entries: Entry[]) => {
    if (!entries.length) return;
    const names = entries.map((e) => `${e.id ? code(e.id) : md(e.label)}${inv.viaRole.has(e) ? ` (as ${code(inv.viaRole.get(e)!)})` : ''}`);
    lines.push(`- ${label}: ${names.join(', ')}`);
  };
  const before = lines.length;
  lines.push('');
  item('owns decisions', inv.owns);
  item('approves', inv.approves);
  item('receives escalations of', inv.escalations);
  item('carries the risk of decisions', inv.riskOf);
  item('consulted on', inv.consulted);
  item('owns milestones', inv.milestones);
  item('carries risks', inv.risks);
  item('runs check-ins', inv.runs);
  item('takes part in check-ins', inv.checkins.filter((c) => !inv.runs.includes(c)));
  if (inv.postsUpdates) lines.push('- posts the structured updates');
  if (lines.length === before + 1) lines.push('answers for nothing in this charter yet');
  return lines.join('\n');
}

/** A one-line description of a declared party, for completion details. */
export function partyDetail(entry: Entry): string {
  if (entry.section === 'members') return [entry.text('name'), entry.text('role')].filter(Boolean).join(' · ') || 'member';
  if (entry.section === 'roles') return `role${entry.text('title') ? ` · ${entry.text('title')}` : ''}`;
  return `stakeholder${entry.text('kind') ? ` (${entry.text('kind')})` : ''}${entry.text('name') ? ` · ${entry.text('name')}` : ''}`;
}

/** Escapes markdown punctuation in charter text shown in hovers. */
export function md(text: string): string {
  return text.replace(/([\\`*[\]<>])/g, '\\$1');
}

/** An id or key as inline code. */
export function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}
