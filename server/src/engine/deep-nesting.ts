// yaml's CST parser closes open collections by recursion, one call per level: a line that opens
// thousands of them (`- - - …`, `a: b: c: …`, `? ? …`) overflows the call stack when the next line
// closes them all. That text is not a charter; it gets one syntax error, at the most nested line.
import { YAMLParseError } from 'yaml';

/** True for the stack overflow the parser throws (any other error is a bug and is rethrown). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError;
}

/** The syntax error for a text too deeply nested to parse. */
export function tooDeepError(text: string): YAMLParseError {
  const at = mostNestedLine(text);
  return new YAMLParseError([at, at + 1], 'RESOURCE_EXHAUSTION', 'Collections are nested too deeply on this line to be read');
}

/** Offset of the first line with the most collection openers (`- `, `? `, `: `, `[`, `{`). */
function mostNestedLine(text: string): number {
  let best = 0;
  let bestCount = -1;
  let lineStart = 0;
  let count = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i === text.length || c === '\n' || c === '\r') {
      if (count > bestCount) [best, bestCount] = [lineStart, count];
      lineStart = i + 1;
      count = 0;
    } else if (c === '[' || c === '{') count++;
    else if ((c === '-' || c === '?' || c === ':') && /^[ \t\r\n]?$/.test(text[i + 1] ?? '')) count++;
  }
  // The first character of the line's content, so the finding does not start in its indentation.
  let start = best;
  while (text[start] === ' ' || text[start] === '\t') start++;
  return start < text.length && text[start] !== '\n' && text[start] !== '\r' ? start : best;
}
