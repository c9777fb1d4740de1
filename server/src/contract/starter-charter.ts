// The starter charter, written by `team-charter init` and by the editor's "New charter" command:
// every section of the format, each value to replace holding a TODO (which placeholder-text
// reports) and every party reference naming a declared example id, so that linting it reports
// placeholders and nothing else. Part of the contract: the CLI and the client both import it.

/** The example milestone is due this many days after the charter is written, so it is not overdue for a while. */
export const FIRST_DUE_IN_DAYS = 90;

/** The starter charter text; `firstDue` is the example milestone's due date (YYYY-MM-DD). */
export function starterCharter(firstDue: string): string {
  return `# Team charter (format version 1): what the team is for, what it may decide alone, who owns
# each decision and carries its risk, when it is checked on, and what "done" looks like.
# Replace every TODO, rename the example ids (team-lead, teammate, sponsor, …) to your own,
# then run: team-charter lint
charter: 1

team:
  id: my-team
  name: "TODO: team name"
  description: "TODO: what the team works on, in one sentence"

mission: "TODO: why this team exists, in one sentence"
vision: "TODO: where the team is going"

roles:
  - id: lead
    title: "TODO: title of the person who leads the team"
    responsibilities:
      - "TODO: what the lead is accountable for"
  - id: engineer
    title: "TODO: title"

members:
  - id: team-lead
    name: "TODO: full name"
    role: lead
    experience: expert # new | developing | proficient | expert: how much guidance they want
    contact: "TODO: e-mail or chat handle"
  - id: teammate
    name: "TODO: full name"
    role: engineer
    experience: proficient

stakeholders:
  - id: sponsor
    name: "TODO: who the team answers to"
    kind: person # person | team | group

priorities: # most important first; a few at most
  - id: first-priority
    title: "TODO: what matters most right now"
    why: "TODO: why it comes first"

intent:
  what: "TODO: the task or mission, in one sentence"
  why: "TODO: the purpose behind it"
  done:
    - "TODO: an observable result, with a number or a date"

decisions: # boundary: team (decides alone) | consult (decides after hearing others) | escalate (needs approval)
  - id: team-decision
    scope: "TODO: a call the team makes alone, e.g. how work is planned"
    owner: team-lead
    boundary: team
    risk_owner: team-lead
  - id: consulted-decision
    scope: "TODO: a call made after hearing others, e.g. changes to a public API"
    owner: teammate
    boundary: consult
    consult: [team-lead]
    risk_owner: teammate
    escalate_to: team-lead
  - id: escalated-decision
    scope: "TODO: a call that needs approval, e.g. spending above a budget limit"
    owner: team-lead
    boundary: escalate
    approver: sponsor
    risk_owner: team-lead
    escalate_to: sponsor

checkins: # agreed in advance with everyone who takes part
  - id: weekly-sync
    cadence: weekly # daily | twice-weekly | weekly | biweekly | monthly | quarterly | on-milestone | every N days | every N weeks
    owner: team-lead
    participants: [team-lead, teammate]
    agreed_with: [teammate]
    purpose: "TODO: why this check-in exists, e.g. progress, blocked decisions, risks"
    format: "TODO: e.g. a 30-minute call"
  - id: milestone-review
    cadence: on-milestone
    milestones: [first-milestone]
    owner: team-lead
    participants: [team-lead, sponsor]
    agreed_with: [sponsor]
    purpose: "TODO: what the sponsor reviews at each milestone"

milestones:
  - id: first-milestone
    title: "TODO: the first outcome"
    due: ${firstDue} # TODO: the real date
    owner: teammate
    done: "TODO: an observable result, with a number or a date"
    status: planned # planned | in-progress | done | dropped

updates:
  cadence: weekly
  channel: "TODO: where updates are posted"
  owner: team-lead
  covers: [progress, changes, issues, risks, decisions]

risks:
  - id: first-risk
    description: "TODO: what could go wrong"
    owner: team-lead
    mitigation: "TODO: what makes it less likely or less harmful"
    decisions: [escalated-decision]
`;
}
