// Who takes part in a check-in and who agreed to it, read the same way by every check-in rule:
// a role stands for its holders; the owner needs no agreement to their own check-in.
import type { CharterIndex } from './indexes';
import type { Entry } from './parse';

/** Adds the ids a party stands for to `into`: itself plus, for a role, the ids of its holders. */
export function addParty(index: CharterIndex, party: string, into: Set<string>): void {
  into.add(party);
  for (const m of index.membersOf(party)) if (m.id !== undefined) into.add(m.id);
}

/** The owner's ids (a role owner covers its holders). A list owner is owner-multiple's finding: all count. */
export function checkinOwnerIds(index: CharterIndex, checkin: Entry): Set<string> {
  const shape = index.ownerShape(checkin);
  const ids = new Set<string>();
  if (shape.kind === 'single') addParty(index, shape.party, ids);
  else if (shape.kind === 'multiple') for (const p of shape.parties) addParty(index, p.trim(), ids);
  return ids;
}

/** `agreed_with` as written, trimmed, blanks dropped. */
export function agreedWith(checkin: Entry): string[] {
  const out: string[] = [];
  for (const a of checkin.texts('agreed_with')) {
    const t = a.trim();
    if (t !== '') out.push(t);
  }
  return out;
}

/** Participants (as written) other than the owner who are not covered by `agreed_with`. */
export function participantsNotAgreed(index: CharterIndex, checkin: Entry): string[] {
  const owners = checkinOwnerIds(index, checkin);
  const agreedIds = new Set<string>();
  for (const a of agreedWith(checkin)) addParty(index, a, agreedIds);
  const covered = (id: string | undefined) => id !== undefined && (owners.has(id) || agreedIds.has(id));
  const out: string[] = [];
  // Each participant once, so a role named many times is expanded once.
  const seen = new Set<string>();
  for (const raw of checkin.texts('participants')) {
    const p = raw.trim();
    if (p === '' || seen.has(p)) continue;
    seen.add(p);
    if (covered(p)) continue;
    // A role participant is covered when each of its holders is the owner or agreed.
    const members = index.membersOf(p);
    if (members.length > 0 && members.every((m) => covered(m.id))) continue;
    out.push(p);
  }
  return out;
}
