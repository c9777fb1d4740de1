// Escaping for GitHub-flavoured markdown (pull-request comments, job summaries): charter values and
// paths are shown as typed and can never add markup, HTML, a heading, a table cell, an emoji, an
// @-mention or an issue reference. Every markdown formatter goes through these helpers.
//
// GitHub turns `@name`, `#123` and `:emoji:` into mentions, references and emoji *after* rendering,
// on the text itself, so a backslash does not stop them: a zero-width space after `@`, `#` (before
// a digit) and the first `:` does, and is invisible. The same space keeps `https://…`, `www.…` and
// `a@b.c` from becoming links (GFM autolinks). Code spans are safe from all of these.

/** Line breaks and other control characters, which would end a heading, a list item or a table row. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** What CommonMark / GFM read as markup inside a line (`+`, `-`, `1.` only matter at a line start, which a value never is). */
const MARKUP = /[\\`*_[\]<>|~#&$!]/g;
const ZWSP = '\u200b';

/** A control character as it would be written in a string literal: `\n`, `\t`, `\u0007`. */
function visible(ch: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return named[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Text inside a paragraph, list item, heading or table cell: line breaks become spaces (whitespace
 * collapsed), other control characters are shown escaped, markup characters are backslash-escaped,
 * and mentions, issue references, emoji codes and autolinks are broken.
 */
export function escapeMarkdownText(s: string): string {
  return (
    s
      .split(/[\r\n\u2028\u2029]/)
      .map((part) => part.trim())
      .filter((part, i, parts) => part !== '' || i === 0 || i === parts.length - 1)
      .join(' ')
      .trim()
      .replace(CONTROL, (ch) => (ch === '\t' ? ' ' : visible(ch)))
      // On the text as GitHub will see it after rendering, so before the backslashes go in.
      .replace(/@/g, `@${ZWSP}`)
      .replace(/#(?=\d)/g, `#${ZWSP}`)
      .replace(/\b(gh)-(?=\d)/gi, `$1-${ZWSP}`)
      .replace(/:(?=[\w+-]+:)/g, `:${ZWSP}`)
      .replace(/:\/\//g, `:${ZWSP}//`)
      .replace(/\b(www)\./gi, `$1${ZWSP}.`)
      .replace(MARKUP, (ch) => `\\${ch}`)
  );
}

/**
 * An inline code span holding `s` verbatim (paths, revisions): the fence is longer than any run of
 * backticks inside, and control characters (a newline in a folder name) are shown escaped, since a
 * line break would end the line the span is on. In a table, pass the row through `markdownTableRow`.
 */
export function markdownCode(s: string): string {
  const text = s.replace(CONTROL, visible);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space on each side when both are there; padding keeps edge backticks and spaces.
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ')) || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A table row; GitHub splits cells at every unescaped `|`, inside code spans too. */
export function markdownTableRow(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}
