// Inline suppression comments:
//   # charter-disable-next-line rule-a, rule-b   silences those rules on the next line
//   # charter-disable-line rule-a                 silences them on the comment's own line
//   # charter-disable rule-a                      silences them from the next line to the end of the file
//   # charter-enable rule-a                       ends an earlier charter-disable for those rules
// With no rule ids, every rule is meant. Text after ` -- ` is a reason and is ignored.
// Only real YAML comments count: a `#` inside a quoted string or a block scalar is text.
import type { CST } from 'yaml';

export interface Suppression {
  kind: 'next-line' | 'same-line' | 'rest-of-file';
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** 0-based line of the comment. */
  line: number;
  start: number;
  end: number;
  /** Rule ids this comment actually silenced (`*` when it names no ids). */
  used: Set<string>;
  /** `charter-enable` comments after this one (rest-of-file only), which end it for their rules. */
  enables: Enable[];
}

interface Enable {
  line: number;
  rules: string[];
}

const DIRECTIVE = /^#\s*charter-(disable-next-line|disable-line|disable|enable)(?=[\s,]|$)(.*)$/;
const KIND = { 'disable-next-line': 'next-line', 'disable-line': 'same-line', disable: 'rest-of-file' } as const;

export function findSuppressions(comments: readonly CommentToken[], lineOf: (offset: number) => number): Suppression[] {
  const out: Suppression[] = [];
  for (const comment of comments) {
    const source = comment.source.trimEnd();
    const m = DIRECTIVE.exec(source);
    if (!m) continue;
    const rules = ruleIds(m[2]);
    const line = lineOf(comment.offset);
    if (m[1] === 'enable') {
      // Comments come in document order, so every disable it can end is already in `out`.
      for (const s of out) if (s.kind === 'rest-of-file') s.enables.push({ line, rules });
      continue;
    }
    const kind = KIND[m[1] as keyof typeof KIND];
    out.push({ kind, rules, line, start: comment.offset, end: comment.offset + source.length, used: new Set(), enables: [] });
  }
  return out;
}

/** Rule ids after the directive: separated by commas and/or spaces, up to a ` -- reason` or a ` # note`. */
function ruleIds(rest: string): string[] {
  return rest
    .split(/\s--(?:\s|$)|\s#/)[0]
    .split(/[\s,]+/)
    .filter((s) => s !== '');
}

const names = (rules: string[], rule: string) => rules.length === 0 || rules.includes(rule);

function covers(s: Suppression, rule: string, line: number): boolean {
  if (!names(s.rules, rule)) return false;
  if (s.kind === 'next-line') return line === s.line + 1;
  if (s.kind === 'same-line') return line === s.line;
  if (line <= s.line) return false;
  return !s.enables.some((e) => e.line < line && names(e.rules, rule));
}

/** Tries each suppression on a finding; returns true (and records the use) when one silences it. */
export function isSuppressed(suppressions: Suppression[], rule: string, line: number): boolean {
  let silenced = false;
  for (const s of suppressions) {
    if (!covers(s, rule, line)) continue;
    s.used.add(s.rules.length === 0 ? '*' : rule);
    silenced = true;
  }
  return silenced;
}

/** A YAML comment (from the CST) that may be a directive: its text contains `charter-`. */
export interface CommentToken {
  offset: number;
  source: string;
}

/** Cheap test first: most charters have no directive, and their parse then collects nothing. */
export const mayHaveDirectives = (text: string): boolean => text.includes('charter-');

/**
 * Passes the parser's tokens through unchanged, adding to `into` every comment token that may be a
 * directive (not quite in offset order: sort them once parsed). Comments inside block scalars are
 * text, not comment tokens.
 */
export function* collectDirectiveComments(tokens: Iterable<CST.Token>, into: CommentToken[]): Generator<CST.Token> {
  const visit = (token: unknown, depth: number): void => {
    if (!token || typeof token !== 'object' || depth > 400) return;
    if (Array.isArray(token)) {
      for (const t of token) visit(t, depth + 1);
      return;
    }
    const t = token as Record<string, unknown>;
    if (t.type === 'comment' && typeof t.source === 'string' && typeof t.offset === 'number') {
      if (t.source.includes('charter-')) into.push({ offset: t.offset, source: t.source });
      return;
    }
    for (const key of ['start', 'sep', 'end', 'props', 'items', 'key', 'value']) if (key in t) visit(t[key], depth + 1);
  };
  for (const token of tokens) {
    visit(token, 0);
    yield token;
  }
}
