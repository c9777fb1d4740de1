// The V8 settings of the Node server process, in two modes (lsp/v8-tuning.ts switches them).
//
// Bursts, while every workspace root holds a handful of charters: the work is one charter per
// keystroke. V8's optimising compiler spends more on such bursts (a compiler thread on a small
// machine, its memory) than it gives back, and a young generation that doubles while a charter is
// analysed holds memory the process never needs again: no optimising compiler, fixed small
// semi-spaces, an old generation that grows gently.
// Throughput, from the first root with many charters on: indexing hundreds of charters, and every
// keystroke re-checking the set, is steady work over a large heap, which V8's defaults serve best
// (small semi-spaces would promote most of each analysis and collect the old generation often),
// except that the young generation stops growing at half V8's own limit: as fast, less memory.
// docs/performance.md has the with-and-without measurement that keeps each setting.
export interface V8Mode {
  bursts: string;
  throughput: string;
}

export const V8_MODES: readonly V8Mode[] = [
  { bursts: '--no-turbofan', throughput: '--turbofan' },
  { bursts: '--semi-space-growth-factor=1', throughput: '--semi-space-growth-factor=2' },
  { bursts: '--heap-growing-percent=25', throughput: '--heap-growing-percent=0' },
];

/**
 * Both semi-spaces together, in the throughput mode: once the young generation is this large, its
 * growth flag takes its bursts setting again (no more growth).
 */
export const THROUGHPUT_NEW_SPACE_MIB = 16;

/** `--no-foo_bar=1` → `foo-bar`. */
export function v8FlagName(flag: string): string {
  return flag.replace(/^--(no-)?/, '').replace(/=.*$/, '').replace(/_/g, '-');
}

/**
 * The modes whose flag `given` (command-line arguments, NODE_OPTIONS split) does not name: a flag
 * named there, in either polarity, is the user's choice and stays as they set it.
 */
export function tunableModes(modes: readonly V8Mode[], given: readonly string[]): V8Mode[] {
  const named = new Set(given.filter((a) => a.startsWith('--')).map(v8FlagName));
  // `--opt` is V8's older name for `--turbofan`.
  if (named.has('opt')) named.add('turbofan');
  return modes.filter((m) => !named.has(v8FlagName(m.bursts)));
}
