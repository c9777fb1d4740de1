// How the language server's Node process is tuned: V8 flags the VS Code client passes when it
// starts the server, and that the server sets on itself when another editor starts it with plain
// Node (lsp/v8-tuning.ts). docs/performance.md has the with-and-without measurement that keeps them.
//
// The server works in short bursts: one charter per keystroke, a repository once at start-up.
// V8's optimising compiler spends more on such bursts (a compiler thread on a small machine, its
// memory) than it gives back, and a young generation that doubles while a charter is analysed
// holds memory the process never needs again: fixed small semi-spaces, an old generation that
// grows gently.
export const SERVER_V8_FLAGS: readonly string[] = ['--no-turbofan', '--semi-space-growth-factor=1', '--heap-growing-percent=25'];

/** `--no-foo_bar=1` → `foo-bar`. */
export function v8FlagName(flag: string): string {
  return flag.replace(/^--(no-)?/, '').replace(/=.*$/, '').replace(/_/g, '-');
}

/**
 * The flags of `wanted` that `given` (command-line arguments, NODE_OPTIONS split) does not name:
 * a flag named there, in either polarity, is the user's choice.
 */
export function v8FlagsToSet(wanted: readonly string[], given: readonly string[]): string[] {
  const named = new Set(given.filter((a) => a.startsWith('--')).map(v8FlagName));
  // `--opt` is V8's older name for `--turbofan`.
  if (named.has('opt')) named.add('turbofan');
  return wanted.filter((f) => !named.has(v8FlagName(f)));
}
