// "Fix all safe problems": the engine's fixAll (passes until a fixed point), returned as the
// minimal edits from the document's text to the fixed text. The last result is kept (code-action
// requests come again for the same version as the cursor moves): one slot, not a WeakMap keyed by
// analyses, which V8 would keep through young-generation collections.
import type { TextEdit } from '../engine/model';
import { fixAll } from '../lint';
import type { Analysis } from '../lint';
import type { CharterView as CharterState } from './state';
import { diffEdits } from './text-diff';


export interface FixAllResult {
  edits: TextEdit[];
  /** How many fixes were applied (over every pass). */
  fixed: number;
}

let last: { analysis: Analysis; result: FixAllResult } | undefined;

export function hasSafeFix(analysis: Analysis): boolean {
  return analysis.findings.some((f) => f.fixes.some((x) => x.safe));
}

export function fixAllEdits(state: CharterState): FixAllResult {
  const analysis = state.analysis;
  if (!analysis || !hasSafeFix(analysis)) return { edits: [], fixed: 0 };
  if (last?.analysis === analysis) return last.result;
  const text = state.doc.getText();
  const { config, today, maxFileSize } = state.options;
  const result = fixAll(text, { config, today, maxFileSize });
  const out = { edits: diffEdits(text, result.text), fixed: result.fixed };
  last = { analysis, result: out };
  return out;
}
