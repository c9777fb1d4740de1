// Text for a terminal. Paths, messages quoting charter values and rule ids named in configs come
// from the repository being checked: printed raw, a folder name holding `ESC[2J` would clear the
// screen, a line break would forge a finding of its own, and a bidirectional override would
// reorder what the line shows. Such characters are printed as escapes (`\x1b`, `\n`, `\u202e`),
// the way git and JSON show them; everything else is printed as it is.

/** C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional controls. */
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `s` with every character that could move the cursor, restyle or reorder the terminal escaped. */
export function escapeTerminal(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/**
 * A message on one line of the terminal: each line break, with the blanks around it, becomes one
 * space (the one-line-per-finding contract), then what is left is escaped. Split, not matched with
 * `\s*[\r\n]+\s*`, which retries a long run of spaces from each of its positions.
 */
export function terminalLine(message: string): string {
  const parts = message.split(/[\r\n]/);
  const kept: string[] = [];
  parts.forEach((part, i) => {
    const first = i === 0;
    const last = i === parts.length - 1;
    const trimmed = first ? part.trimEnd() : last ? part.trimStart() : part.trim();
    if (first || last || trimmed !== '') kept.push(parts.length === 1 ? part : trimmed);
  });
  return escapeTerminal(kept.join(' '));
}
