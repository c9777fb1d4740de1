// cli.md's JSON shape, version 1: 0-based LSP positions, fixes with their edits.
import type { Finding } from '../../lint';
import type { FileReport, ResolveRelated, SkippedReport } from './lint-report';
import { relatedPath } from './lint-report';
import { inertJson } from './escape-json';

export interface JsonOptions {
  resolveRelated?: ResolveRelated;
  /** Files left out (unreadable, not regular, not UTF-8, links out of the root): `skipped`, when there are any. */
  skipped?: readonly SkippedReport[];
}

export function formatJson(files: readonly FileReport[], options: JsonOptions = {}): string {
  const skipped = options.skipped ?? [];
  const out = {
    version: 1,
    files: files.map((file) => ({ path: file.path, findings: file.findings.map((f) => toJson(f, file.path, options.resolveRelated)) })),
    ...(skipped.length ? { skipped: skipped.map((s) => ({ path: s.path, reason: s.reason })) } : {}),
  };
  // Indented for people, with each position on one line so a finding stays readable. JSON strings
  // never hold a raw line break, so the pattern cannot match inside a message.
  return inertJson(JSON.stringify(out, null, 2).replace(POSITION, '{ "line": $1, "character": $2 }')) + '\n';
}

const POSITION = /\{\n\s*"line": (\d+),\n\s*"character": (\d+)\n\s*\}/g;

function toJson(f: Finding, path: string, resolveRelated: ResolveRelated | undefined) {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    range: f.range,
    fixes: f.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) })),
    // Additive to version 1: the places a finding points to besides its own (same file too).
    ...(f.related?.length ? { related: f.related.map((r) => ({ path: relatedPath(path, r, resolveRelated), range: r.range, message: r.message })) } : {}),
  };
}
