// When the server starts before any charter is open (VS Code starts it for a workspace that
// contains charters), it lints a made-up charter many times so V8 has compiled the parser and the
// rules before the first real charter arrives: the first diagnostics of a 10,000-line charter then
// come about a third sooner. The charter is small (~110 lines) so each run is a short slice of the
// event loop (a few ms once compiled): a charter opened meanwhile waits for one slice at most.
// Warming stops as soon as a charter is open; a charter opened together with the start-up is
// checked cold. About 300 ms of CPU once per server start, only while nothing else happens.
import { analyze } from '../lint';

export const WARM_UP_RUNS = 80;
/** Pause while input arrived this recently (ms). */
const QUIET_MS = 25;

/** A ~110-line charter touching every section, so every rule's code path runs; `run` varies its text. */
export function warmUpCharter(run = 0): string {
  const lines = ['charter: 1', 'team:', '  id: warm-up', '  name: Warm-up', `mission: Keep the checks fast (${run}).`, 'roles:', '  - id: lead', '    title: Lead', 'members:'];
  const ids = Array.from({ length: 6 }, (_, i) => `person-${i}`);
  ids.forEach((id, i) => lines.push(`  - id: ${id}`, `    name: Person ${i}`, `    role: ${i === 0 ? 'lead' : 'engineer'}`, `    experience: ${['new', 'developing', 'proficient', 'expert'][i % 4]}`));
  lines.push('priorities:', '  - id: speed', '    title: Speed', 'intent:', '  what: Check charters.', '  why: Clarity.', '  done: [Better checks, "95% of checks finish within 50 ms"]', 'decisions:');
  for (let i = run % 3; i < (run % 3) + 6; i++) {
    lines.push(`  - id: decision-${i}`, `    scope: "How we choose thing ${i % 7} for area ${i}"`, `    owner: ${i % 5 === 0 ? 'the team' : ids[i % ids.length]}`, `    boundary: ${['team', 'consult', 'escalate'][i % 3]}`);
    if (i % 3 === 1) lines.push(`    consult: [${ids[(i + 1) % ids.length]}, ${ids[(i + 2) % ids.length]}]`);
    if (i % 3 === 2) lines.push(`    approver: ${i % 2 ? 'lead' : 'nobody'}`);
    if (i % 2) lines.push(`    risk_owner: ${ids[(i + 3) % ids.length]}`);
  }
  lines.push('checkins:');
  for (const i of [run % 6, (run + 2) % 6, (run + 4) % 6]) lines.push(`  - id: checkin-${i}`, `    cadence: ${['daily', 'weekly', 'every 2 weeks', 'wekly', 'on-milestone', 'monthly'][i]}`, `    owner: ${ids[0]}`, `    participants: [${ids.slice(0, 3 + i).join(', ')}]`, `    agreed_with: [${ids.slice(1, 2 + i).join(', ')}]`, ...(i % 2 ? [`    purpose: Review ${i}`] : []));
  lines.push('milestones:');
  for (let i = run % 2; i < (run % 2) + 2; i++) lines.push(`  - id: milestone-${i}`, `    title: Milestone ${i}`, `    due: 20${24 + (i % 4)}-0${1 + (i % 9)}-15`, `    owner: ${ids[i % ids.length]}`, `    done: ${i % 2 ? 'TODO' : `At least ${i}0% done`}`, `    status: planned`);
  lines.push('updates:', '  cadence: weekly', '  channel: "#warm-up"', 'risks:', '  - id: slow', '    description: Slow checks.', '    decisions: [decision-1, decision-99]', '# charter-disable-next-line owner-missing', 'x-note: warm');
  return lines.join('\n') + '\n';
}

/**
 * Runs the warm-up in slices. `busy()` ends it (a charter is open); `msSinceInput()` pauses it
 * while a message is arriving, so a didOpen read in several chunks is not held up by slices.
 */
export function warmUp(busy: () => boolean, msSinceInput: () => number, today: string, lintOnce = lintWarmUpCharter(today)): void {
  let run = 0;
  const step = () => {
    if (busy() || run >= WARM_UP_RUNS) return;
    const quiet = msSinceInput();
    if (quiet < QUIET_MS) {
      setTimeout(step, QUIET_MS - quiet);
      return;
    }
    lintOnce(++run);
    setImmediate(step);
  };
  setImmediate(step);
}

function lintWarmUpCharter(today: string): (run: number) => void {
  // A different text each run, as typing would give.
  return (run) => void analyze(warmUpCharter(run), { today });
}
