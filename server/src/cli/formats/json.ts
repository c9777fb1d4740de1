// cli.md's JSON shape, version 1: 0-based LSP positions, fixes with their edits.
import type { Finding } from '../../lint';
import type { FileReport, SkippedReport } from './lint-report';

/** `skipped` (files left out: unreadable, not regular, not UTF-8, links out of the root) appears when there are any. */
export function formatJson(files: readonly FileReport[], skipped: readonly SkippedReport[] = []): string {
  const out = {
    version: 1,
    files: files.map((file) => ({ path: file.path, findings: file.findings.map(toJson) })),
    ...(skipped.length ? { skipped: skipped.map((s) => ({ path: s.path, reason: s.reason })) } : {}),
  };
  // Indented for people, with each position on one line so a finding stays readable. JSON strings
  // never hold a raw line break, so the pattern cannot match inside a message.
  return JSON.stringify(out, null, 2).replace(POSITION, '{ "line": $1, "character": $2 }') + '\n';
}

const POSITION = /\{\n\s*"line": (\d+),\n\s*"character": (\d+)\n\s*\}/g;

function toJson(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    range: f.range,
    fixes: f.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) })),
  };
}
