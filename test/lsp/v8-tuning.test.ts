// The server's V8 flags on plain Node: which it sets on itself and which it leaves to the user.
import assert from 'node:assert/strict';
import { SERVER_V8_FLAGS, v8FlagName, v8FlagsToSet } from '../../server/src/contract/server-process';

describe('lsp: V8 tuning of the server process', () => {
  it('sets every flag when the process was started without V8 flags', () => {
    assert.deepEqual(v8FlagsToSet(SERVER_V8_FLAGS, ['--stdio', '']), [...SERVER_V8_FLAGS]);
  });

  it('leaves a flag the command line or NODE_OPTIONS names, in either polarity or spelling, to the user', () => {
    const wanted = ['--no-turbofan', '--semi-space-growth-factor=1', '--heap-growing-percent=25'];
    assert.deepEqual(v8FlagsToSet(wanted, ['--turbofan']), wanted.slice(1));
    assert.deepEqual(v8FlagsToSet(wanted, ['--opt']), wanted.slice(1), '--opt is the older name of --turbofan');
    assert.deepEqual(v8FlagsToSet(wanted, ['--semi_space_growth_factor=4', '--max-old-space-size=512']), [wanted[0], wanted[2]]);
    assert.deepEqual(v8FlagsToSet(wanted, ['--no-heap-growing-percent']), wanted.slice(0, 2));
  });

  it('names a flag without its polarity, value or underscores', () => {
    assert.equal(v8FlagName('--no-turbofan'), 'turbofan');
    assert.equal(v8FlagName('--heap_growing_percent=25'), 'heap-growing-percent');
  });
});
