// The V8 settings of the Node server process, in two modes (lsp/v8-tuning.ts switches them).
//
// Bursts, the usual mode: one charter per keystroke. V8's optimising compiler spends more on such
// bursts (a compiler thread on a small machine, its memory) than it gives back, and a young
// generation that doubles while a charter is analysed holds memory the process never needs again:
// no optimising compiler, fixed small semi-spaces, an old generation that grows gently.
// Throughput, while a repository is indexed: hundreds of charters in one go, where the optimising
// compiler pays off. The heap settings stay: they keep an indexed repository small too.
// docs/performance.md has the with-and-without measurement that keeps each flag.
export const V8_MODES: ReadonlyArray<{ bursts: string; throughput?: string }> = [
  { bursts: '--no-turbofan', throughput: '--turbofan' },
  { bursts: '--semi-space-growth-factor=1' },
  { bursts: '--heap-growing-percent=25' },
];

/** `--no-foo_bar=1` → `foo-bar`. */
export function v8FlagName(flag: string): string {
  return flag.replace(/^--(no-)?/, '').replace(/=.*$/, '').replace(/_/g, '-');
}

/**
 * The modes whose flag `given` (command-line arguments, NODE_OPTIONS split) does not name: a flag
 * named there, in either polarity, is the user's choice and stays as they set it.
 */
export function tunableModes<T extends { bursts: string }>(modes: readonly T[], given: readonly string[]): T[] {
  const named = new Set(given.filter((a) => a.startsWith('--')).map(v8FlagName));
  // `--opt` is V8's older name for `--turbofan`.
  if (named.has('opt')) named.add('turbofan');
  return modes.filter((m) => !named.has(v8FlagName(m.bursts)));
}
