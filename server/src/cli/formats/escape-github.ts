// Text for GitHub Actions workflow commands (`::error file=…,title=…::message`). GitHub decodes
// `%25`, `%0D` and `%0A` in the message and also `%3A` and `%2C` in properties, so a path or a
// message holding a line break or `::error` cannot start a command of its own, and a `,` or `:` in
// a path cannot end its property early. Other control characters have no encoding there: they are
// shown as escapes (`\x1b`), as in the terminal, since the log renders ANSI sequences.
import { escapeTerminal } from './escape-terminal';

/** The message part of a command. */
export function escapeData(s: string): string {
  return visible(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (`file=`, `title=`): the message's rules plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Control characters other than CR and LF (which are encoded) as visible escapes. */
function visible(s: string): string {
  return s.replace(/[^\r\n]+/g, escapeTerminal);
}
