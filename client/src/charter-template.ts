// The text of "Team Charter: New charter": the same starter as `team-charter init` (every section,
// TODO placeholders that `placeholder-text` reports), with the team id taken from the folder name.
import { FIRST_DUE_IN_DAYS, starterCharter } from '../../server/src/contract/starter-charter';

/** A kebab-case id from a folder name, e.g. "Payments API" → "payments-api". */
export function teamIdFrom(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  return id || 'my-team';
}

export function newCharterText(teamId: string, today: Date): string {
  const due = new Date(today.getTime() + FIRST_DUE_IN_DAYS * 86_400_000).toISOString().slice(0, 10);
  return starterCharter(due).replace(/^( +id: )my-team *$/m, `$1${teamId}`);
}
