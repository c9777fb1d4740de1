// Syntax problems in one `ignores` glob. The globs are gitignore-style and relative to the config
// file's folder; each problem named here makes a glob match nothing (or not what it looks like it
// matches), which a lookup cannot tell the user: it just finds no file to skip.

/** Why `glob` matches nothing or not what it seems to, or undefined when it reads as intended. */
export function globProblem(glob: string): string | undefined {
  if (glob.startsWith('!')) return 'negation ("!") is not supported; the glob is left out';
  if (glob.startsWith('#')) return 'a glob starting with "#" is a comment and matches nothing (write \\# for a literal #)';
  const segments = glob.split('/');
  if (segments[0] === '.' && segments.length > 1) return `"./" never matches: globs are already relative to the config file's folder (write "${glob.slice(2)}")`;
  if (segments.includes('..')) return `".." never matches: globs are relative to the config file's folder and cannot leave it (put the glob in a config file higher up)`;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      const next = glob[i + 1];
      if (next === undefined) return 'a trailing "\\" escapes nothing, so the glob matches nothing';
      if (/[A-Za-z0-9_.-]/.test(next)) return `"\\" escapes the next character; separate folders with "/" ("${glob.replace(/\\/g, '/')}")`;
      i++;
    } else if (c === '[') {
      const end = classEnd(glob, i);
      if (end === undefined) return 'an unclosed "[" makes the glob match nothing (write \\[ for a literal [)';
      const body = glob.slice(i + 1, end).replace(/^[!^]/, '');
      const reversed = /(.)-(.)/.exec(body.replace(/\\(.)/g, '$1'));
      if (reversed && reversed[1] > reversed[2]) return `the range "${reversed[1]}-${reversed[2]}" in "[…]" is reversed, so it matches nothing (write "${reversed[2]}-${reversed[1]}")`;
      i = end;
    } else if (c === '{' && /\{[^{}]*,[^{}]*\}/.test(glob.slice(i))) {
      const m = /\{([^{}]*)\}/.exec(glob.slice(i))!;
      const alternatives = m[1].split(',').map((alt) => glob.slice(0, i) + alt + glob.slice(i + m[0].length));
      return `braces are not expanded in gitignore-style globs: write one glob per alternative (${alternatives.map((a) => `"${a}"`).join(', ')})`;
    }
  }
  return undefined;
}

/** Index of the `]` that closes the class opened at `open` (a `]` right after `[` or `[!` is literal). */
function classEnd(glob: string, open: number): number | undefined {
  let i = open + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  if (glob[i] === ']') i++;
  for (; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === ']') return i;
  }
  return undefined;
}
