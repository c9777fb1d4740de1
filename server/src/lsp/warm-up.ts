// When the server starts before any charter is open (VS Code starts it for a workspace that
// contains charters), it lints a made-up charter many times so V8 has compiled the parser and the
// rules before the first real charter arrives: the first diagnostics of a 10,000-line charter then
// come about a third sooner. The charter is small (~110 lines) so each run is a short slice of the
// event loop (a few ms once compiled): a charter opened meanwhile waits for one slice at most.
// Warming stops as soon as a charter is open; a charter opened together with the start-up is
// checked cold. About 300 ms of CPU once per server start, only while nothing else happens.
import { analyze } from '../lint';

export const WARM_UP_RUNS = 80;
/**
 * Pause while input arrived this recently (ms): the chunks of one message come back to back, and the
 * start-up handshake (initialized, registrations, configuration) ends within a few ms.
 */
const QUIET_MS = 5;

/**
 * A made-up charter with the YAML shapes real charters have: comments above items and after values,
 * blank lines between sections, plain, quoted and block scalars, block and flow lists and maps. V8
 * specialises the parser for the shapes it has seen: a warm-up without comments, blank lines or
 * block lists of text left the first real check deoptimising and about a third slower. Each run has
 * the team and its people and half of the other sections (alternately), so a run stays a short
 * slice (~110 lines); the text and its mistakes vary, so that over a dozen runs most rules report
 * something (their message and fix code is compiled too).
 */
export function warmUpCharter(run = 0): string {
  const ids = Array.from({ length: 6 }, (_, i) => `person-${i}`);
  const round = Math.floor(run / 2);
  const squad = ['payments', 'search', 'identity'][round % 3];
  const nth = pickFor(round);
  const lines = [
    `# Warm-up charter ${run}`, 'charter: 1', 'team:', '  id: warm-up', '  name: Warm-up', '  parent: platform',
    `  description: Everything customers touch in ${squad}, from sign-up to support.`,
    ...nth([['mission: >-', '  Keep the checks fast', `  (${run}).`], [`mission: Keep the checks fast (${run}).`]]), 'vision: Nobody waits for a check.', '',
    'roles:', '  - id: lead', '    title: Engineering lead', '    responsibilities:', '      - Agrees priorities with product',
    '      - Runs the all-hands check-in', '  - id: engineer', '    title: Software engineer', '', 'members:', '  # Leads the team',
  ];
  ids.forEach((id, i) => {
    if (i === 3) lines.push(`  # Squad: ${squad}`);
    lines.push(`  - id: ${id}`, `    name: Person ${i}`, `    role: ${i === 0 ? 'lead' : 'engineer'}`, `    experience: ${['new', 'developing', 'proficient', 'expert'][i % 4]}${i === 2 ? '  # since 2019' : ''}`);
    if (i % 2) lines.push(`    contact: "@${id}"`);
  });
  // schema-invalid-value, schema-unknown-key, member-role-missing, schema-missing-key
  lines.push(...nth([['  - id: extra', '    name: Extra', '    role: engineer', '    experience: guru'], ['  - id: extra', '    name: Extra', '    role: engineer', '    nickname: x'], ['  - id: extra', '    name: Extra'], ['  - name: Extra', '    role: engineer']]));
  lines.push('  # More squads join in 2027.', '');
  if (run % 2 === 0) decisionsHalf(lines, ids, round);
  else checkinsHalf(lines, ids, round);
  lines.push('# charter-disable-next-line owner-missing', nth(['x-note:', 'x-note: warm']));
  return lines.join('\n') + '\n';
}

/** Picks one of `options` by round, so consecutive rounds vary the text and its mistakes. */
const pickFor = (round: number) => <T>(options: T[]): T => options[round % options.length];

function decisionsHalf(lines: string[], ids: string[], round: number): void {
  const nth = pickFor(round);
  lines.push('stakeholders:', '  - id: finance', '    name: Finance team', '    kind: team', '  - id: cto', '    name: Chief technology officer', '    kind: person', '');
  lines.push('priorities:', '  - id: speed', '    title: 95% of checks finish within 50 ms', ...nth([['    why: Slow checks get switched off.'], []]), '');
  lines.push('intent:', '  what: Check charters.', ...nth([['  why: Clarity.'], ['  why: Clarity.'], []]), '  done:', '    - Better checks', '    - "95% of checks finish within 50 ms"', '', 'decisions:');
  const first = round % 3;
  for (let i = first; i < first + 6; i++) {
    const scope = [`"How we choose thing ${i % 7} for area ${i}"`, `Rollout order of thing ${i % 7} across area ${i}`, `'Vendor choice for area ${i}'`][i % 3];
    lines.push(`  - id: decision-${i}`, `    scope: ${scope}`, `    owner: ${i % 5 === 0 ? 'the team' : ids[i % ids.length]}`, `    boundary: ${['team', 'consult', 'escalate'][i % 3]}`);
    if (i % 3 === 0) lines.push(`    inform: [${ids[(i + 1) % ids.length]}]`);
    if (i % 3 === 1) lines.push(`    consult: [${ids[(i + 1) % ids.length]}, ${ids[(i + 2) % ids.length]}]`, '    escalate_to: finance');
    if (i % 3 === 2) lines.push(`    approver: ${i % 2 ? 'lead' : 'nobody'}`);
    if (i % 2) lines.push(`    risk_owner: ${ids[(i + 3) % ids.length]}`);
  }
  // duplicate-id + scope-overlap + owner-multiple, scope-missing + consult-missing, self-approval, approver-missing + owner-missing
  lines.push(...nth([
    [`  - id: decision-${first}`, `    scope: "How we choose thing ${first % 7} for area ${first}"`, `    owner: ${ids[1]} and ${ids[2]}`, '    boundary: team'],
    ['  - id: extra-decision', `    owner: ${ids[1]}`, '    boundary: consult', '    escalate_to: finance'],
    ['  - id: extra-decision', '    scope: Hiring plan', `    owner: ${ids[2]}`, '    boundary: escalate', `    approver: ${ids[2]}`],
    ['  - id: extra-decision', '    scope: Hiring plan', '    boundary: escalate', '    escalate_to: finance'],
  ]), '');
}

function checkinsHalf(lines: string[], ids: string[], round: number): void {
  const nth = pickFor(round);
  lines.push('checkins:');
  for (const i of [round % 6, (round + 2) % 6, (round + 4) % 6]) {
    lines.push(`  - id: checkin-${i}`, `    cadence: ${['daily', 'weekly', 'every 2 weeks', 'wekly', 'on-milestone', 'monthly'][i]}`);
    if (i === 4 && round % 2) lines.push('    milestones: [milestone-0]');
    lines.push(`    owner: ${ids[0]}`, `    participants: [${ids.slice(0, 3 + i).join(', ')}]${i === 2 ? '  # the whole squad' : ''}`, `    agreed_with: [${ids.slice(1, 2 + i).join(', ')}]`);
    if (i % 2) lines.push(`    purpose: Review ${i}`);
    if (i % 3) lines.push('    format: "30-minute call"');
  }
  // checkin-too-frequent, cadence-missing
  lines.push(...nth([['  - id: pairing', '    cadence: daily', `    owner: ${ids[2]}`, `    participants: [${ids[2]}, ${ids[3]}]`, `    agreed_with: [${ids[3]}]`, '    purpose: Pair'], ['  - id: pairing', `    owner: ${ids[2]}`, `    participants: [${ids[2]}]`, '    purpose: Pair']]));
  lines.push('', 'milestones:');
  for (let i = round % 2; i < (round % 2) + 2; i++) {
    lines.push(`  - id: milestone-${i}`, `    title: Milestone ${i}`, ...(round % 3 === 2 && i % 2 ? [] : [`    due: 20${24 + (i % 4)}-0${1 + (i % 9)}-15`]), `    owner: ${ids[i % ids.length]}`);
    if (i % 2) lines.push(...nth([['    done: TODO'], ['    done: TODO'], ['    done: TODO'], []]));
    else lines.push('    done:', `      - At least ${i}0% done`, '      - p95 latency stays under 300 ms for 30 days in a row.');
    lines.push('    status: planned');
  }
  lines.push('', ...nth([['updates:', '  cadence: weekly', '  channel: "#warm-up"', `  owner: ${ids[0]}`, '  covers: [progress, risks]', '  # Posted on Fridays.'], [`updates: {cadence: weekly, channel: "#warm-up", owner: ${ids[0]}, covers: [progress, risks]}`]]), '');
  lines.push('risks:', '  - id: slow', '    description: |', '      Slow checks.', '      Nobody waits for them.', `    owner: ${ids[2]}`, '    mitigation: Measure every release.', '    decisions: [decision-1, decision-99]');
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
