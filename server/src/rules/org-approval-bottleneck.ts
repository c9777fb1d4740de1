// One person is the approver or escalation target of many decisions across several teams: every
// team's blocked or reserved calls queue behind them, and no single charter shows it.
import { defineSetRule } from '../engine/rule';
import type { CharterSummary, DecisionSummary } from '../engine/charter-set';
import type { Range } from '../engine/model';
import { MAX_RELATED } from '../engine/charter-set';

export default defineSetRule({
  id: 'org-approval-bottleneck',
  severity: 'warning',
  description: 'One party approves or takes escalations for many decisions across several charters',
  minCharters: 2,
  options: {
    min: { type: 'integer', default: 8, minimum: 1, description: 'The fewest distinct decisions, across at least two charters, that make a party a bottleneck.' },
  },
  checkSet(ctx) {
    // person → charter → the decisions naming them (once each) and the first value naming them.
    const byPerson = new Map<string, Map<CharterSummary, { decisions: DecisionSummary[]; first: Range }>>();
    for (const c of ctx.charters) {
      for (const d of c.decisions) {
        for (const person of new Set(d.approvals.map((a) => a.person))) {
          const first = d.approvals.filter((a) => a.person === person).map((a) => a.range).sort(byPosition)[0];
          const perCharter = byPerson.get(person) ?? new Map();
          byPerson.set(person, perCharter);
          const here = perCharter.get(c);
          if (here) {
            here.decisions.push(d);
            if (byPosition(first, here.first) < 0) here.first = first;
          } else perCharter.set(c, { decisions: [d], first });
        }
      }
    }
    for (const [person, perCharter] of byPerson) {
      const total = [...perCharter.values()].reduce((n, x) => n + x.decisions.length, 0);
      if (perCharter.size < 2 || total < ctx.options.min) continue;
      for (const [c, here] of perCharter) {
        ctx.report({
          file: c.file,
          range: here.first,
          subject: `approval-queue ${person}`,
          message: `"${person}" approves or takes the escalations of ${total} decisions across ${perCharter.size} teams (${here.decisions.length} here): every team's blocked or reserved calls queue behind one person`,
          related: firstElsewhere(perCharter, c).map(({ o, d }) => ({ file: o.file, range: d.anchor, message: `${d.label} in ${o.team.id?.text ?? o.file} also waits for "${person}"` })),
        });
      }
    }
  },
});

/** The first MAX_RELATED decisions naming the person in the other charters, in charter order (a person in every team stays linear). */
function firstElsewhere(perCharter: ReadonlyMap<CharterSummary, { decisions: DecisionSummary[] }>, here: CharterSummary): Array<{ o: CharterSummary; d: DecisionSummary }> {
  const out: Array<{ o: CharterSummary; d: DecisionSummary }> = [];
  for (const [o, x] of perCharter) {
    if (o === here) continue;
    for (const d of x.decisions) {
      if (out.length === MAX_RELATED) return out;
      out.push({ o, d });
    }
  }
  return out;
}

function byPosition(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}
