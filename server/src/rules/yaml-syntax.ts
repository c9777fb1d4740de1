import { defineRule } from '../engine/rule';
import type { SyntaxProblem } from '../engine/parse';
import { q } from '../engine/text';

/** Plain-language messages for the parser errors people hit most; others get the parser's words. */
function describe(e: SyntaxProblem, text: string): string {
  const opening = text[e.start];
  if (/Missing closing ["']quote/.test(e.message) && (opening === '"' || opening === "'")) {
    return `the quote ${opening} opened here is never closed: everything after it is read as one text, so the keys below it are lost`;
  }
  if (/end with a [\]}]|Expected flow (map|sequence) to end/.test(e.message) && (opening === '[' || opening === '{')) {
    return `the "${opening}" opened here is never closed with "${opening === '[' ? ']' : '}'}": the keys after it cannot be read`;
  }
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return `key ${q(duplicateKey(e, text).replace(/^(["'])(.*)\1$/, '$2'))} appears twice in the same map: only the first value counts, so this one is silently lost`;
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation: YAML only allows spaces here';
    case 'NON_PRINTABLE':
      return `${e.message}: a charter is plain text, and a control character usually means binary data or a paste from a terminal`;
    case 'MULTIPLE_DOCS':
      return 'this file holds more than one YAML document (a second "---"): only the first one is checked';
    case 'BAD_INDENT':
    case 'BAD_SCALAR_START':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `${lowerFirst(e.message)}: check the indentation and quoting on this line`;
    default:
      return `${lowerFirst(e.message)}: the charter is not valid YAML here`;
  }
}

/**
 * The parser points at the key's first character; the key runs to its `:`. A plain key is matched
 * with its trailing spaces and trimmed after: `[^:…]+?\s*:` would retry the spaces at every length.
 */
const KEY_AT = /^(?:("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*')\s*|([^:#,{}\[\]\n]+)):/;
function duplicateKey(e: SyntaxProblem, text: string): string {
  const m = KEY_AT.exec(text.slice(e.start, e.start + 1100));
  return m ? (m[1] ?? m[2].trimEnd()) : text.slice(e.start, e.end);
}

function keyRange(e: SyntaxProblem, text: string): [number, number] {
  if (e.code !== 'DUPLICATE_KEY') return [e.start, e.end];
  return [e.start, e.start + duplicateKey(e, text).length];
}

function lowerFirst(message: string): string {
  const m = message.replace(/\.$/, '');
  return /^[A-Z][a-z]/.test(m) ? m[0].toLowerCase() + m.slice(1) : m;
}

export default defineRule({
  id: 'yaml-syntax',
  severity: 'error',
  description: 'YAML the parser rejects (duplicate keys, bad indentation, tabs, …)',
  traits: { anyDocument: true, fileProblems: true, suppressible: false },
  check(ctx) {
    // One finding per line: the parser often raises several errors for one mistake.
    const reported = new Set<number>();
    for (const e of ctx.model.syntaxErrors) {
      const line = ctx.model.lines.lineOf(e.start);
      if (reported.has(line)) continue;
      reported.add(line);
      ctx.report({ at: keyRange(e, ctx.model.text), message: describe(e, ctx.model.text) });
    }
  },
});
