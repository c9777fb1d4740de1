// cli.md's JSON shape, version 1: 0-based LSP positions, fixes with their edits.
import type { Finding } from '../../lint';
import type { FileReport } from './lint-report';
import { inertJson } from './escape-json';

export function formatJson(files: readonly FileReport[]): string {
  const out = {
    version: 1,
    files: files.map((file) => ({ path: file.path, findings: file.findings.map(toJson) })),
  };
  // Indented for people, with each position on one line so a finding stays readable. JSON strings
  // never hold a raw line break, so the pattern cannot match inside a message.
  return inertJson(JSON.stringify(out, null, 2).replace(POSITION, '{ "line": $1, "character": $2 }')) + '\n';
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
