import { isAlias, isScalar } from 'yaml';
import type { Node, Scalar } from 'yaml';
import { defineRule } from '../engine/rule';
import type { FixDraft, RuleContext } from '../engine/rule';
import type { Entry, MapView } from '../engine/parse';
import { formatScalar } from '../engine/edits';
import { scalarText } from '../engine/parse';
import { CADENCE_WORDS, parseCadence } from '../engine/vocabulary';
import { editDistance, q } from '../engine/text';

/** Common spellings people write, mapped to what they mean in the format (two = ambiguous). */
const SYNONYMS: Record<string, string[]> = {
  fortnightly: ['biweekly'],
  'every other week': ['biweekly'],
  'semi-monthly': ['every 2 weeks'],
  semimonthly: ['every 2 weeks'],
  'twice a month': ['every 2 weeks'],
  // "bimonthly" means every two months or twice a month: never guess it is "monthly".
  bimonthly: ['every 8 weeks', 'every 2 weeks'],
  'bi-monthly': ['every 8 weeks', 'every 2 weeks'],
  'semi-weekly': ['twice-weekly'],
  semiweekly: ['twice-weekly'],
  'twice a week': ['twice-weekly'],
  'once a week': ['weekly'],
  'every week': ['weekly'],
  'each week': ['weekly'],
  'every day': ['daily'],
  'each day': ['daily'],
  'every month': ['monthly'],
  'once a month': ['monthly'],
  'each month': ['monthly'],
  'every quarter': ['quarterly'],
  'once a quarter': ['quarterly'],
  'half-yearly': ['every 26 weeks'],
  semiannually: ['every 26 weeks'],
  yearly: ['every 52 weeks'],
  annually: ['every 52 weeks'],
  'per milestone': ['on-milestone'],
  'each milestone': ['on-milestone'],
  'every milestone': ['on-milestone'],
  'at each milestone': ['on-milestone'],
};
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** `every 2 week`, `2 weeks`, `every two weeks`, `10d`, `7` → the format's `every N days|weeks`. */
function everyForm(value: string): string | undefined {
  const m = /^(?:every\s*)?([0-9]+|[a-z]+)\s*(d|days?|w|wks?|weeks?)?\.?$/.exec(value);
  if (!m) return undefined;
  const n = /^[0-9]+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS.indexOf(m[1]) + 1;
  if (!Number.isSafeInteger(n) || n < 1) return undefined;
  if (m[2] === undefined && !/^[0-9]+$/.test(m[1])) return undefined;
  return `every ${n} ${m[2]?.startsWith('w') ? 'weeks' : 'days'}`;
}

interface Suggestion {
  values: string[];
  safe: boolean;
}

/** The closest valid cadences; safe when one is within edit distance 2 (case and spacing ignored). */
export function suggestCadence(raw: string): Suggestion {
  const value = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (parseCadence(value)) return { values: [value], safe: true };
  const synonyms = SYNONYMS[value];
  if (synonyms) return { values: synonyms, safe: synonyms.length === 1 && editDistance(value, synonyms[0], 2) <= 2 };
  const meant = everyForm(value);
  const candidates = [...new Set([...CADENCE_WORDS, ...(meant ? [meant] : [])])];
  let best = Infinity;
  let closest: string[] = [];
  for (const c of candidates) {
    const d = editDistance(value, c, 3);
    if (d < best) [best, closest] = [d, [c]];
    else if (d === best) closest.push(c);
  }
  if (best <= 2) return { values: closest, safe: closest.length === 1 };
  if (meant) return { values: [meant], safe: false };
  return { values: best <= 3 ? closest : [], safe: false };
}

const VALID = 'daily, twice-weekly, weekly, biweekly, monthly, quarterly, on-milestone, "every N days" or "every N weeks"';

function checkCadence(ctx: RuleContext, holder: MapView, label: string, entry: Entry | { section: string }): void {
  const node = holder.value('cadence');
  if (node === null || (isScalar(node) && holder.isEmpty('cadence'))) return; // cadence-missing
  // An alias (`cadence: *rhythm`) is reported, and fixed, where it is used, not at its anchor.
  const written = holder.pairs.get('cadence')?.value as Node | null | undefined;
  const at: Node = isAlias(written) ? written : node;
  const text = scalarText(node);
  if (text === undefined) {
    ctx.report({ at, entry, message: `${label} has a cadence that is not a single value: use one of ${VALID}.` });
    return;
  }
  // `cadence: TBD` is not a cadence either (placeholder-text also reports it as a placeholder).
  if (parseCadence(text.trim())) return;
  const suggestion = suggestCadence(text);
  const fixes: FixDraft[] = suggestion.values.map((value) => ({
    title: `Change cadence to "${value}"`,
    safe: suggestion.safe,
    edits: [
      isScalar(at) && typeof at.value === 'string' ? ctx.edits.replaceScalar(at as Scalar, value) : ctx.edits.replace(at, formatScalar(value)),
    ],
  }));
  ctx.report({
    at,
    entry,
    message: `${label} has cadence ${q(text)}, which the format does not define, so nobody can tell when it happens. Use ${VALID}.`,
    fixes,
  });
}

export default defineRule({
  id: 'cadence-invalid',
  severity: 'error',
  description: 'A cadence value is not one the format defines',
  check(ctx) {
    for (const checkin of ctx.model.lists.checkins) checkCadence(ctx, checkin, checkin.label, checkin);
    const updates = ctx.model.updates;
    if (updates) checkCadence(ctx, updates, 'the "updates" section', { section: 'updates' });
  },
});
