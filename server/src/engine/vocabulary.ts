// Word lists from the rule catalogue, and the checks several rules share.
import { isCalendarDate } from './schema-formats';

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

/**
 * False when no value of a charter with this text can hold a placeholder: values are pieces of the
 * text, except where a double-quoted escape (`\x3C`) writes a character the text does not hold.
 */
export function mayHoldPlaceholder(text: string): boolean {
  return PLACEHOLDER_HINT.test(text) || text.includes('\\');
}

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

/** Han, kana and Hangul: scripts written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches any of `phrases`, case-insensitively: on Unicode word boundaries (a hyphen separates
 * words, and spaces and hyphens between a phrase's words are interchangeable), except that a
 * phrase starting or ending with a CJK character matches as a substring.
 *
 * Consecutive word-bounded phrases share one pair of boundary assertions: a case-insensitive
 * `\p{L}` class is costly for V8 to build and compile, and one per phrase made the first check
 * of a fresh process pay for it dozens of times. Order is kept, so the same phrase wins.
 */
export function phraseMatcher(phrases: readonly string[]): RegExp | undefined {
  const runs: Array<{ bounded: boolean; bodies: string[] }> = [];
  for (const raw of phrases) {
    const p = raw.trim();
    if (p === '') continue;
    const body = p.split(/[\s-]+/).map(escapeRegExp).join('[\\s-]+');
    const bounded = !(CJK.test(p[0]) || CJK.test(p[p.length - 1]));
    const last = runs[runs.length - 1];
    if (last?.bounded === bounded) last.bodies.push(body);
    else runs.push({ bounded, bodies: [body] });
  }
  const alternatives = runs.map(({ bounded, bodies }) =>
    bounded ? `(?<![\\p{L}\\p{N}_])(?:${bodies.join('|')})(?![\\p{L}\\p{N}_])` : bodies.join('|'),
  );
  return alternatives.length ? new RegExp(`(${alternatives.join('|')})`, 'iu') : undefined;
}

const WEAK_RE = phraseMatcher(WEAK_WORDS)!;
const MEASURABLE_RE = phraseMatcher(MEASURABLE_PHRASES)!;

/** The first weak word or phrase in a text (or of `extra`, words a config adds), if any. */
export function weakWord(text: string, extra?: RegExp): string | undefined {
  return WEAK_RE.exec(text)?.[1] ?? extra?.exec(text)?.[1];
}

const NUMBER = /\p{Nd}+(?:[.,]\p{Nd}+)*/gu;
const LETTER = /\p{L}/u;
const ALPHANUMERIC = /[\p{L}\p{N}]/u;
const UNIT = /^(?:ms|s|m|h|d|w|k|x|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|wks?|weeks?|months?|yrs?|years?)(?![\p{L}\p{N}])/iu;

/**
 * A number that measures something: not part of an identifier (`v2`, `K8s`, `OKR-4`: preceded by
 * a letter or by `letter-`), and followed by nothing alphanumeric, a unit (`200ms`, `24h`, `3x`),
 * `%`, or a CJK character (`30日以内`). A CJK character before it does not make an identifier.
 */
export function hasMeasurableNumber(text: string): boolean {
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const i = m.index;
    const before = text[i - 1] ?? '';
    const letterBefore = (c: string) => c !== '' && LETTER.test(c) && !CJK.test(c);
    if (letterBefore(before) || (before === '-' && letterBefore(text[i - 2] ?? ''))) continue;
    const rest = text.slice(i + m[0].length, i + m[0].length + 8);
    if (rest === '' || !ALPHANUMERIC.test(rest[0]) || CJK.test(rest[0]) || UNIT.test(rest)) return true;
  }
  return false;
}

const DATE_RE = /\b\d{4}-\d{2}-\d{2}\b/;

/** A measuring number, a date, `%`, or a measurable phrase (at least, within, every, …). */
export function hasMeasurableSignal(text: string): boolean {
  return hasMeasurableNumber(text) || text.includes('%') || DATE_RE.test(text) || MEASURABLE_RE.test(text);
}

let words: Intl.Segmenter | undefined;

/** True when `text` has fewer than `n` words as Unicode segments them (Japanese or Chinese text too). */
export function hasFewerWordsThan(text: string, n: number): boolean {
  // A whitespace-separated run holding a letter or digit is at least one word, so enough runs
  // answer without Intl.Segmenter: creating one is a noticeable part of a fresh process's start.
  let runs = 0;
  for (const run of text.split(/\s+/)) if (ALPHANUMERIC.test(run) && ++runs >= n) return false;
  words ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let count = 0;
  for (const segment of words.segment(text)) if (segment.isWordLike && ++count >= n) return false;
  return true;
}

/** Why a `done` text is vague, or undefined when it is concrete enough. */
export function vagueness(text: string, extraWeak?: RegExp): string | undefined {
  if (hasMeasurableSignal(text)) return undefined;
  const weak = weakWord(text, extraWeak);
  if (weak) return `"${weak}" is not observable`;
  if (hasFewerWordsThan(text, 4)) return 'it is too short to be checked';
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
export type Experience = (typeof EXPERIENCE_LEVELS)[number];
export const BOUNDARIES = ['team', 'consult', 'escalate'] as const;
export type Boundary = (typeof BOUNDARIES)[number];
export const MILESTONE_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export const STAKEHOLDER_KINDS = ['person', 'team', 'group'] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

/** A real calendar date written `YYYY-MM-DD` (what the schema's `date` format accepts). */
export const isDate = isCalendarDate;
