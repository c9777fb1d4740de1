import { defineRule } from '../engine/rule';
import type { SuppressionContext } from '../lint';

/** Runs after every other rule (the engine calls it with the suppressions and what they silenced). */
export default defineRule({
  id: 'unused-suppression',
  severity: 'info',
  description: 'A charter-disable comment that silences nothing',
  check(ctx) {
    const suppressions = (ctx as SuppressionContext).suppressions ?? [];
    for (const s of suppressions) {
      const unused = s.rules.filter((r) => !s.used.has(r));
      const nothing = s.rules.length === 0 ? !s.used.has('*') : unused.length === s.rules.length;
      const where = s.kind === 'next-line' ? 'on the next line' : 'below it';
      if (nothing) {
        const what = s.rules.length ? s.rules.map((r) => `"${r}"`).join(', ') : 'any rule';
        ctx.report({
          at: [s.start, s.end],
          message: `this suppression silences nothing: no finding of ${what} ${where}`,
          fixes: [{ title: 'Remove the unused suppression comment', safe: true, edits: [ctx.edits.removeComment(s.start, s.end)] }],
        });
      } else if (unused.length) {
        const text = ctx.model.text.slice(s.start, s.end);
        const kept = s.rules.filter((r) => s.used.has(r));
        const directive = s.kind === 'next-line' ? 'charter-disable-next-line' : 'charter-disable';
        const reason = /\s--\s.*$/.exec(text)?.[0] ?? '';
        ctx.report({
          at: [s.start, s.end],
          message: `${unused.map((r) => `"${r}"`).join(', ')} in this suppression silence${unused.length === 1 ? 's' : ''} nothing ${where}`,
          fixes: [{ title: `Remove ${unused.join(', ')} from the comment`, safe: true, edits: [{ start: s.start, end: s.end, text: `# ${directive} ${kept.join(', ')}${reason}` }] }],
        });
      }
    }
  },
});
