import { isScalar } from 'yaml';
import { defineRule } from '../engine/rule';
import type { OffsetEdit } from '../engine/edits';
import { q } from '../engine/text';

export default defineRule({
  id: 'unsupported-version',
  severity: 'error',
  description: 'The charter key is missing or not 1',
  check(ctx) {
    const { model, edits } = ctx;
    const root = model.root;
    if (!root || (!root.has('charter') && model.hiddenSections.has('charter'))) return;
    const keyNode = root.keyNode('charter');
    if (!keyNode) {
      // Put `charter: 1` first, on the line of the first key (after any leading comments).
      let edit: OffsetEdit | undefined;
      const first = root.node.items[0]?.key as { range?: [number, number, number] } | undefined;
      if (root.node.flow || !first?.range) edit = edits.insertPair(undefined, 'charter', '1');
      else {
        const line = model.lines.lineOf(first.range[0]);
        const at = model.lines.starts[line];
        if (model.lines.indentOf(line) === first.range[0] - at) edit = { start: at, end: at, text: `charter: 1${model.lines.eol}` };
      }
      ctx.report({
        at: [0, 0],
        message: 'the charter has no "charter: 1" line: tools cannot tell which format version it follows',
        fixes: [{ title: 'Insert "charter: 1"', safe: true, edits: [edit] }],
      });
      return;
    }
    const value = root.value('charter');
    if (isScalar(value) && value.value === 1) return;
    const empty = !value || (isScalar(value) && value.value === null);
    let message: string;
    if (empty) message = 'the "charter" version is empty: this tool checks format version 1';
    else if (isScalar(value) && typeof value.value === 'string' && value.value.trim() === '1') message = `the format version is the text ${q(value.value)}, not the number 1: write charter: 1 without quotes`;
    else message = `charter format version ${q(isScalar(value) ? String(value.value) : 'a collection')} is not supported: this tool checks version 1`;
    ctx.report({ at: empty ? keyNode : value, message, fixes: [{ title: 'Set "charter: 1"', safe: true, edits: [edits.setValue(root, 'charter', '1')] }] });
  },
});
