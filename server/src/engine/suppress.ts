// Inline suppression comments:
//   # charter-disable-next-line rule-a, rule-b   silences those rules on the next line
//   # charter-disable rule-a                      silences them from here to the end of the file
// With no rule ids, every rule is silenced. Text after ` -- ` is a reason and is ignored.
import { Parser } from 'yaml';

export interface Suppression {
  kind: 'next-line' | 'rest-of-file';
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** 0-based line of the comment. */
  line: number;
  start: number;
  end: number;
  /** Rule ids this comment actually silenced (`*` when it names no ids). */
  used: Set<string>;
}

const DIRECTIVE = /^#\s*charter-(disable-next-line|disable)(?=\s|$)(.*)$/;

export function findSuppressions(text: string, lineOf: (offset: number) => number): Suppression[] {
  if (!text.includes('charter-disable')) return [];
  const out: Suppression[] = [];
  for (const comment of commentTokens(text)) {
    const m = DIRECTIVE.exec(comment.source.trimEnd());
    if (!m) continue;
    const rest = m[2].split(/\s--\s|\s#/)[0];
    const rules = rest
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    out.push({
      kind: m[1] === 'disable' ? 'rest-of-file' : 'next-line',
      rules,
      line: lineOf(comment.offset),
      start: comment.offset,
      end: comment.offset + comment.source.trimEnd().length,
      used: new Set(),
    });
  }
  return out;
}

/** Tries each suppression on a finding; returns true (and records the use) when one silences it. */
export function isSuppressed(suppressions: Suppression[], rule: string, line: number): boolean {
  let silenced = false;
  for (const s of suppressions) {
    const covers = s.kind === 'next-line' ? line === s.line + 1 : line > s.line;
    if (!covers) continue;
    if (s.rules.length === 0) {
      s.used.add('*');
      silenced = true;
    } else if (s.rules.includes(rule)) {
      s.used.add(rule);
      silenced = true;
    }
  }
  return silenced;
}

interface CommentToken {
  offset: number;
  source: string;
}

/** Every comment token in the YAML CST (comments inside block scalars are text, not comments). */
function commentTokens(text: string): CommentToken[] {
  const out: CommentToken[] = [];
  const visit = (token: unknown, depth: number): void => {
    if (!token || typeof token !== 'object' || depth > 400) return;
    if (Array.isArray(token)) {
      for (const t of token) visit(t, depth + 1);
      return;
    }
    const t = token as Record<string, unknown>;
    if (t.type === 'comment' && typeof t.source === 'string' && typeof t.offset === 'number') {
      out.push({ offset: t.offset, source: t.source });
      return;
    }
    for (const key of ['start', 'sep', 'end', 'props', 'items', 'key', 'value']) if (key in t) visit(t[key], depth + 1);
  };
  for (const token of new Parser().parse(text)) visit(token, 0);
  return out;
}
