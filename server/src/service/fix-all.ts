// "Fix all safe problems": the engine's fixAll (passes until a fixed point), returned as the
// minimal edits from the document's text to the fixed text. Cached per analysis (one version).
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

const cache = new WeakMap<Analysis, FixAllResult>();

export function hasSafeFix(analysis: Analysis): boolean {
  return analysis.findings.some((f) => f.fixes.some((x) => x.safe));
}

export function fixAllEdits(state: CharterState): FixAllResult {
  const analysis = state.analysis;
  if (!analysis || !hasSafeFix(analysis)) return { edits: [], fixed: 0 };
  const hit = cache.get(analysis);
  if (hit) return hit;
  const text = state.doc.getText();
  const { config, today, maxFileSize } = state.options;
  const result = fixAll(text, { config, today, maxFileSize });
  const out = { edits: diffEdits(text, result.text), fixed: result.fixed };
  cache.set(analysis, out);
  return out;
}
