// Who takes part in a check-in and who agreed to it, read the same way by every check-in rule:
// a role stands for its holders; the owner needs no agreement to their own check-in.
import type { CharterIndex } from './indexes';
import type { Entry } from './parse';

/** Ids a party stands for: itself plus, for a role, the ids of its holders. */
export function expandParty(index: CharterIndex, party: string): string[] {
  return [party, ...index.membersOf(party).map((m) => m.id).filter((id): id is string => id !== undefined)];
}

/** The owner's ids (a role owner covers its holders). A list owner is owner-multiple's finding: all count. */
export function checkinOwnerIds(index: CharterIndex, checkin: Entry): Set<string> {
  const shape = index.ownerShape(checkin);
  const parties = shape.kind === 'single' ? [shape.party] : shape.kind === 'multiple' ? shape.parties.map((p) => p.trim()) : [];
  return new Set(parties.flatMap((p) => expandParty(index, p)));
}

/** `agreed_with` as written, trimmed, blanks dropped. */
export function agreedWith(checkin: Entry): string[] {
  return checkin.texts('agreed_with').map((a) => a.trim()).filter((a) => a !== '');
}

/** Participants (as written) other than the owner who are not covered by `agreed_with`. */
export function participantsNotAgreed(index: CharterIndex, checkin: Entry): string[] {
  const owners = checkinOwnerIds(index, checkin);
  const agreedIds = new Set([...new Set(agreedWith(checkin))].flatMap((a) => expandParty(index, a)));
  const out: string[] = [];
  // Each participant once, so a role named many times is expanded once.
  for (const p of new Set(checkin.texts('participants').map((raw) => raw.trim()))) {
    if (p === '' || owners.has(p) || agreedIds.has(p)) continue;
    // A role participant is covered when each of its holders is the owner or agreed.
    const members = index.membersOf(p).map((m) => m.id);
    if (members.length > 0 && members.every((id) => id !== undefined && (owners.has(id) || agreedIds.has(id)))) continue;
    out.push(p);
  }
  return out;
}
