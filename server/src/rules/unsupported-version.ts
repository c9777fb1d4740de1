import { isScalar } from 'yaml';
import { defineRule } from '../engine/rule';
import { q } from '../engine/text';

export default defineRule({
  id: 'unsupported-version',
  severity: 'error',
  description: 'The charter key is missing or not 1',
  check(ctx) {
    const root = ctx.model.root;
    if (!root) return;
    const keyNode = root.keyNode('charter');
    if (!keyNode) {
      const first = root.node.items[0]?.key as { range?: [number, number, number] } | undefined;
      const at = first?.range ? ctx.model.lines.starts[ctx.model.lines.lineOf(first.range[0])] : 0;
      ctx.report({
        at: [0, 0],
        message: 'the charter has no "charter: 1" line: tools cannot tell which format version it follows',
        fixes: [{ title: 'Insert "charter: 1"', safe: true, edits: [{ start: at, end: at, text: `charter: 1${ctx.model.lines.eol}` }] }],
      });
      return;
    }
    const value = root.value('charter');
    if (isScalar(value) && value.value === 1) return;
    const empty = !value || (isScalar(value) && value.value === null);
    ctx.report({
      at: empty ? keyNode : value,
      message: empty
        ? 'the "charter" version is empty; this tool checks format version 1'
        : `charter format version ${q(isScalar(value) ? String(value.value) : 'a collection')} is not supported; this tool checks version 1`,
      fixes: [{ title: 'Set "charter: 1"', safe: true, edits: [ctx.edits.setValue(root, 'charter', '1')] }],
    });
  },
});
