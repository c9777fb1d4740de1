import { defineRule } from '../engine/rule';
import type { FixDraft } from '../engine/rule';
import { isSuppressed } from '../engine/suppress';
import type { Suppression } from '../engine/suppress';
import { closestMatches } from '../engine/text';
import type { Finding } from '../engine/model';

const SELF = 'unused-suppression';
const DIRECTIVE: Record<Suppression['kind'], string> = {
  'next-line': 'charter-disable-next-line',
  'same-line': 'charter-disable-line',
  'rest-of-file': 'charter-disable',
};
const WHERE: Record<Suppression['kind'], string> = {
  'next-line': 'on the next line',
  'same-line': 'on this line',
  'rest-of-file': 'below it',
};

/** `(the nearest "done-vague" finding is on line 40)`: where the finding the comment meant may be. */
function nearestHint(findings: readonly Finding[], ruleIds: string[], line: number): string {
  const hints: string[] = [];
  for (const id of ruleIds) {
    let best: number | undefined;
    for (const f of findings) {
      if (f.rule !== id) continue;
      const l = f.range.start.line;
      if (best === undefined || Math.abs(l - line) < Math.abs(best - line)) best = l;
    }
    if (best !== undefined) hints.push(`the nearest "${id}" finding is on line ${best + 1}`);
  }
  return hints.length ? ` (${hints.join('; ')})` : '';
}

/**
 * Runs after every other rule (the engine calls it with the suppressions and what they silenced).
 * Its own findings can only be silenced by a comment that names `unused-suppression` explicitly.
 */
export default defineRule({
  id: SELF,
  severity: 'info',
  description: 'A charter-disable comment that silences nothing',
  traits: { anyDocument: true, afterSuppressions: true, suppressible: false, tags: ['unnecessary'] },
  check(ctx) {
    const suppressions = ctx.suppressions;
    const known = new Set(ctx.ruleIds);
    // An organisation rule that could not run (no set, or too small a one) may still find something there.
    const unusedIds = (s: Suppression) => s.rules.filter((r) => !s.used.has(r) && !ctx.notRun.has(r));
    const silencesNothing = (s: Suppression) => (s.rules.length === 0 ? !s.used.has('*') : unusedIds(s).length === s.rules.length);

    // First the comments that name other rules; then those naming this rule, which those may have used.
    const naming = suppressions.filter((s) => s.rules.includes(SELF));
    const ordered = [...suppressions.filter((s) => !s.rules.includes(SELF)), ...naming];
    for (const s of ordered) {
      const unused = unusedIds(s);
      const nothing = silencesNothing(s);
      if (!nothing && unused.length === 0) continue;
      if (isSuppressed(naming.filter((t) => t !== s), SELF, s.line)) continue;

      const where = WHERE[s.kind];
      const reasons: string[] = [];
      const fixes: FixDraft[] = [];
      const unknown = known.size ? unused.filter((r) => !known.has(r)) : [];
      for (const id of unknown) {
        const close = closestMatches(id, known, 3);
        reasons.push(`"${id}" is not a rule id${close.length ? ` (did you mean "${close[0]}"?)` : ''}`);
        const found = new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).exec(ctx.model.text.slice(s.start, s.end));
        for (const c of found ? close : []) {
          const at = s.start + found!.index;
          fixes.push({ title: `Change "${id}" to "${c}"`, safe: false, edits: [{ start: at, end: at + id.length, text: c }] });
        }
      }
      const quiet = unused.filter((r) => !unknown.includes(r));
      if (quiet.length) reasons.push(`no ${quiet.map((r) => `"${r}"`).join(', ')} finding ${where}${nearestHint(ctx.findings, quiet, s.line)}`);
      if (s.rules.length === 0) reasons.push(`no finding ${where}`);

      if (nothing) {
        fixes.unshift({ title: 'Remove the unused suppression comment', safe: true, edits: [ctx.edits.removeComment(s.start, s.end)] });
        ctx.report({ at: [s.start, s.end], message: `this suppression silences nothing: ${reasons.join('; ')}`, fixes });
        continue;
      }
      const text = ctx.model.text.slice(s.start, s.end);
      const kept = s.rules.filter((r) => s.used.has(r));
      // Found, then cut by position: `….*$` would be retried from every later position.
      const reasonAt = text.search(/\s(?:--(?:\s|$)|#)/);
      const reason = reasonAt < 0 ? '' : text.slice(reasonAt);
      fixes.unshift({
        title: `Remove ${unused.join(', ')} from the comment`,
        safe: true,
        edits: [{ start: s.start, end: s.end, text: `# ${DIRECTIVE[s.kind]} ${kept.join(', ')}${reason}` }],
      });
      ctx.report({
        at: [s.start, s.end],
        message: `${unused.map((r) => `"${r}"`).join(', ')} in this suppression silence${unused.length === 1 ? 's' : ''} nothing: ${reasons.join('; ')}`,
        fixes,
      });
    }
  },
});
