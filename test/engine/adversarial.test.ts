// Linearity regression ceilings: each adversarial input of test/helpers/adversarial.ts (100 KB)
// lints within 1 s of CPU time and keeps every finding inside the document. A quadratic regex or
// check takes many seconds here; the ratio to a normal charter is `npm run bench`'s business.
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint';
import { ADVERSARIAL_INPUTS } from '../helpers/adversarial';
import { invariantProblems } from '../helpers/invariants';

const TODAY = '2026-11-25';
const BYTES = 100_000;
const CEILING_MS = 1000;

/** CPU time of one lint: less disturbed than wall time by other processes on a shared machine. */
function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe('adversarial input lints in linear time', () => {
  // mocha records whole stacks (`Error.stackTraceLimit = Infinity`); the CLI and the server keep
  // Node's 10 frames. A line nested thousands deep overflows the stack inside yaml, which then
  // costs a stack trace of every frame: timed here as it runs for users.
  let stackTraceLimit: number;
  before(() => {
    stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 10;
    lint(ADVERSARIAL_INPUTS[0].build(1000), { today: TODAY });
  });
  after(() => {
    Error.stackTraceLimit = stackTraceLimit;
  });

  for (const input of ADVERSARIAL_INPUTS) {
    it(`${input.name}: ${input.what} (100 KB) lints within ${CEILING_MS} ms`, () => {
      const text = input.build(BYTES);
      const findings = lint(text, { today: TODAY });
      // The better of two runs, so one garbage collection or a busy neighbour does not decide.
      const spent = Math.min(cpuMs(() => lint(text, { today: TODAY })), cpuMs(() => lint(text, { today: TODAY })));
      assert.ok(spent < CEILING_MS, `took ${Math.round(spent)} ms of CPU`);
      assert.deepEqual(invariantProblems(text, findings), []);
    });
  }

  it('a line opening thousands of collections is one yaml-syntax finding on that line, not a crash', () => {
    for (const deep of ['- '.repeat(5000) + 'x', 'a:' + ' b:'.repeat(5000), '? '.repeat(5000) + 'x']) {
      const text = `charter: 1\nteam:\n  id: t\n  x-deep:\n    ${deep}\nmission: m\n`;
      const findings = lint(text, { today: TODAY });
      assert.deepEqual(invariantProblems(text, findings), []);
      const syntax = findings.filter((f) => f.rule === 'yaml-syntax');
      assert.ok(syntax.some((f) => f.range.start.line === 4), JSON.stringify(syntax.map((f) => [f.range.start.line, f.message])));
      assert.ok(!findings.some((f) => /check failed|internal error/.test(f.message)));
    }
  });
});
