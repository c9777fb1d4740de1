// The server's V8 modes on plain Node: which flags it sets on itself and which it leaves to the user.
import assert from 'node:assert/strict';
import { V8_MODES, tunableModes, v8FlagName } from '../../server/src/lsp/v8-flags';

describe('lsp: V8 modes of the server process', () => {
  const bursts = (given: string[]) => tunableModes(V8_MODES, given).map((m) => m.bursts);

  it('tunes every flag when the process was started without V8 flags', () => {
    assert.deepEqual(bursts(['--stdio', '']), V8_MODES.map((m) => m.bursts));
  });

  it('both modes name the same flag, so switching back and forth sets what the other set', () => {
    for (const m of V8_MODES) assert.equal(v8FlagName(m.bursts), v8FlagName(m.throughput));
  });

  it('leaves a flag the command line or NODE_OPTIONS names, in either polarity or spelling, to the user', () => {
    const all = V8_MODES.map((m) => m.bursts);
    assert.deepEqual(bursts(['--turbofan']), all.filter((f) => f !== '--no-turbofan'));
    assert.deepEqual(bursts(['--opt']), all.filter((f) => f !== '--no-turbofan'), '--opt is the older name of --turbofan');
    assert.deepEqual(bursts(['--semi_space_growth_factor=4', '--max-old-space-size=512']), all.filter((f) => !f.startsWith('--semi-space')));
    assert.deepEqual(bursts(['--no-heap-growing-percent']), all.filter((f) => !f.startsWith('--heap-growing')));
  });
});
