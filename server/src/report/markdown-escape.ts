// Charter values as inert Markdown text for a wiki page or a pull-request comment (GitHub
// Flavored Markdown). The npm package `markdown-escape` leaves backslashes, `|`, `&` and `~` alone
// and knows nothing of line breaks or mentions, so a value could still end a table cell, write an
// entity or notify someone; this follows CommonMark instead: every ASCII punctuation character
// that has a meaning inline is backslash-escaped (CommonMark §2.4), line breaks become spaces (a
// cell is one line), and `@` gets a zero-width space after it so `@org/team` mentions nobody.
// The lead merges this with the diff's escaping into one module.

const INLINE_PUNCTUATION = /[\\`*_{}[\]()<>#!|~&$]/g;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;
// Other control characters are dropped: they draw nothing and some renderers choke on them.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function mdText(value: string | number): string {
  return String(value)
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, '')
    .replace(INLINE_PUNCTUATION, '\\$&')
    .replace(/@/g, '@\u200b');
}

/** Inline code is not safe for hostile values (a backtick ends it): values are escaped text instead. */
export function mdCell(value: string | number | undefined): string {
  return value === undefined || value === '' ? ' ' : mdText(value);
}
