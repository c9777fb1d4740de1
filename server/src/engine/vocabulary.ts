// Word lists from the rule catalogue, and the checks several rules share.

/** Cadence values and their intervals in days (on-milestone has none). */
export const CADENCE_DAYS: Record<string, number | null> = {
  daily: 1,
  'twice-weekly': 3.5,
  weekly: 7,
  biweekly: 14,
  monthly: 30,
  quarterly: 91,
  'on-milestone': null,
};
export const CADENCE_WORDS = Object.keys(CADENCE_DAYS);

export type Cadence = { kind: 'interval'; days: number } | { kind: 'on-milestone' };

/** Parses a cadence value; undefined when it is not one the format allows. */
export function parseCadence(value: string): Cadence | undefined {
  if (value === 'on-milestone') return { kind: 'on-milestone' };
  const fixed = CADENCE_DAYS[value];
  if (typeof fixed === 'number') return { kind: 'interval', days: fixed };
  // Exactly the format's spelling (and the schema's pattern): plural unit, N ≥ 1.
  const m = /^every ([1-9][0-9]*) (days|weeks)$/.exec(value);
  if (m) return { kind: 'interval', days: Number(m[1]) * (m[2] === 'weeks' ? 7 : 1) };
  return undefined;
}

export const PLACEHOLDER_WORDS = ['todo', 'tbd', 'tba', 'fixme', 'xxx'];

/** Text every placeholder contains (same case folding as the exact test below). */
const PLACEHOLDER_HINT = /todo|tb[ad]|fixme|xxx|lorem|\?\?\?|</iu;

/** `TODO`, `TBD`, `TBA`, `FIXME`, `XXX` (whole words), `???`, `lorem ipsum`, or `<…>`. */
export function isPlaceholderText(value: string): boolean {
  return placeholderIn(value) !== undefined;
}

/** The placeholder a text contains (`TODO`, `???`, `<name>`, …), as written; undefined when none. */
export function placeholderIn(value: string): string | undefined {
  // Almost no value holds one: a cheap scan first (every text value of a charter comes here).
  if (!PLACEHOLDER_HINT.test(value)) return undefined;
  const t = value.trim();
  if (/^<[^<>]*>$/.test(t)) return t;
  if (t.includes('???')) return '???';
  // Whole words: a letter of any script next to it makes it part of another word (`Método`).
  return /(?<![\p{L}\p{N}_])(todo|tbd|tba|fixme|xxx|lorem\s+ipsum)(?![\p{L}\p{N}_])/iu.exec(t)?.[1];
}

/** `owner` values that stand in for a person or role instead of naming one. */
export const OWNER_PLACEHOLDERS = new Set([
  'team', 'the team', 'everyone', 'all', 'anyone', 'someone', 'we', 'us', 'todo', 'tbd', 'tba', '?',
  'n/a', 'none', 'unknown', 'leadership', 'management', 'committee', 'owners',
]);

export function isOwnerPlaceholder(value: string): boolean {
  const t = value.trim().toLowerCase();
  return OWNER_PLACEHOLDERS.has(t) || isPlaceholderText(t);
}

/**
 * A joining word or sign between parties. The spaces around them are trimmed from the parts, not
 * matched: `\s*&\s*` would rescan a long run of spaces from each of its positions (quadratic).
 */
const PARTY_JOINER = /(?<=\s)and(?=\s)|[&/,+]/i;

/** Splits `a and b`, `a & b`, `a/b`, `a, b`, `a + b` into parties; one element when not joined. */
export function splitJoinedParties(value: string): string[] {
  const parts = value
    .split(PARTY_JOINER)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.length > 1 ? parts : [value.trim()];
}

const WEAK_WORDS = [
  'good', 'better', 'best', 'improved', 'improve', 'optimal', 'optimized', 'efficient', 'effective', 'fast',
  'faster', 'quick', 'easy', 'easier', 'simple', 'robust', 'scalable', 'seamless', 'user-friendly', 'intuitive',
  'high quality', 'high-quality', 'world-class', 'adequate', 'appropriate', 'reasonable', 'sufficient',
  'significant', 'as soon as possible', 'asap', 'as needed', 'if possible', 'where possible', 'when ready', 'etc',
  'and so on', 'done when done', 'ready', 'stable', 'complete', 'finished', 'polished', 'successful', 'success',
];
const MEASURABLE_PHRASES = [
  'at least', 'at most', 'no more than', 'fewer than', 'less than', 'more than', 'within', 'zero', 'none', 'every', 'all',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[\\s-]+');
// Whole words of any script; a hyphen separates words, so `best-effort` contains `best`.
const phraseRegex = (words: string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}_])(${words.map(escape).join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
const WEAK_RE = phraseRegex(WEAK_WORDS);
const MEASURABLE_RE = phraseRegex(MEASURABLE_PHRASES);
const DATE_RE = /\b\d{4}-\d{2}-\d{2}\b/;

/** The first weak word or phrase in a text, if any. */
export function weakWord(text: string): string | undefined {
  return WEAK_RE.exec(text)?.[1];
}

/** A digit, a date, `%`, or a measurable phrase (at least, within, every, …). */
export function hasMeasurableSignal(text: string): boolean {
  return /[0-9]/.test(text) || text.includes('%') || DATE_RE.test(text) || MEASURABLE_RE.test(text);
}

export function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Why a `done` text is vague, or undefined when it is concrete enough. */
export function vagueness(text: string): string | undefined {
  if (hasMeasurableSignal(text)) return undefined;
  const weak = weakWord(text);
  if (weak) return `"${weak}" is not observable`;
  if (wordCount(text) < 4) return 'it is too short to be checked';
  return undefined;
}

export const STOP_WORDS = new Set([
  'a', 'an', 'and', 'any', 'at', 'by', 'for', 'from', 'in', 'inside', 'into', 'of', 'on', 'or', 'our', 'the', 'their', 'to', 'with',
]);

/** Scope text → content words: lowercase, punctuation (hyphens too) as spaces, stop words removed. */
export function scopeWords(scope: string): string[] {
  return scope
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !STOP_WORDS.has(w));
}

export const EXPERIENCE_LEVELS = ['new', 'developing', 'proficient', 'expert'] as const;
export const BOUNDARIES = ['team', 'consult', 'escalate'] as const;
