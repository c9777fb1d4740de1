import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint';
import { WARM_UP_RUNS, warmUp, warmUpCharter } from '../../server/src/lsp/warm-up';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('language server: warm-up after start', () => {
  it('lints a made-up charter that runs most rules, without throwing', () => {
    const rules = new Set(lint(warmUpCharter(), { today: '2026-01-01' }).map((f) => f.rule));
    assert.ok(rules.size >= 12, `only ${[...rules].join(', ')}`);
  });

  it('keeps each run short (a charter opened meanwhile waits for one run) and varies the text between runs', () => {
    const lines = warmUpCharter(0).split('\n').length;
    assert.ok(lines >= 60 && lines <= 130, `${lines} lines`);
    assert.notEqual(warmUpCharter(1), warmUpCharter(2));
    assert.ok(lint(warmUpCharter(3), { today: '2026-01-01' }).length > 0);
  });

  it('lints a limited number of times, and stops as soon as a charter is open', async () => {
    let runs = 0;
    warmUp(() => false, () => Infinity, '2026-01-01', () => runs++);
    await sleep(200);
    assert.ok(runs > 5 && runs <= WARM_UP_RUNS, `${runs} runs`);
    let opened = 0;
    runs = 0;
    warmUp(() => runs >= 2 && ++opened > 0, () => Infinity, '2026-01-01', () => runs++);
    await sleep(200);
    assert.equal(runs, 2);
  });

  it('does not lint while a message is arriving, and resumes after it', async () => {
    let runs = 0;
    let arriving = true;
    warmUp(() => false, () => (arriving ? 0 : Infinity), '2026-01-01', () => runs++);
    await sleep(150);
    assert.equal(runs, 0);
    arriving = false;
    await sleep(150);
    assert.ok(runs > 0);
  });
});
