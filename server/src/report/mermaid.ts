// ReportData → a Mermaid flowchart. One charter: its decision graph (parties → decisions, each
// edge labelled with the cell's letters, decisions coloured by boundary). A set: the teams by
// `parent` (child → parent) and the approvals a team needs from a party of another team (dotted).
// Node ids are generated; every label is quoted with Mermaid's entity codes for anything but
// letters, digits and plain punctuation, so no value can end a label or start a statement.
import type { CharterReport, OrganisationView, ReportData } from './types';
import { charterTitle } from './html/charter';

export function renderMermaid(data: ReportData): string {
  if (data.organisation) return organisationGraph(data.organisation, data.charters);
  if (data.charters.length === 1) return ['flowchart LR', ...decisionGraph(data.charters[0], ''), ...CLASS_DEFS].join('\n') + '\n';
  // Several charters without the organisation view: one subgraph per charter.
  const lines = ['flowchart LR'];
  data.charters.forEach((c, i) => {
    lines.push(`  subgraph c${i}["${label(`${charterTitle(c)} (${c.path})`)}"]`, ...decisionGraph(c, `c${i}`).map((l) => `  ${l}`), '  end');
  });
  return [...lines, ...CLASS_DEFS].join('\n') + '\n';
}

const CLASS_DEFS = [
  '  classDef team fill:#dafbe1,stroke:#116329,color:#116329',
  '  classDef consult fill:#fff1c2,stroke:#7d4e00,color:#7d4e00',
  '  classDef escalate fill:#ffebe9,stroke:#a40e26,color:#a40e26',
  '  classDef invalid fill:#eaeef2,stroke:#59636e,color:#59636e',
  '  classDef undeclared stroke-dasharray:4 3',
  '  classDef problem stroke:#cf222e,stroke-width:2px',
];

function decisionGraph(c: CharterReport, prefix: string): string[] {
  const { columns, rows } = c.matrix;
  if (rows.length === 0) return [`  ${prefix}none["${label(c.state === 'too-large' ? 'not drawn: above maxFileSize' : 'no decisions')}"]`];
  const used = columns.map((_, col) => rows.some((r) => r.cells[col]));
  const lines: string[] = [];
  columns.forEach((col, i) => {
    if (!used[i]) return;
    const text = col.kind === 'role' ? `${col.id} (role)` : col.kind === 'undeclared' ? `${col.id} (not declared)` : col.id;
    lines.push(`  ${prefix}p${i}(["${label(text)}"])${col.kind === 'undeclared' ? ':::undeclared' : ''}`);
  });
  rows.forEach((r, i) => {
    const scope = r.scope !== undefined ? `: ${clip(r.scope, 60)}` : '';
    lines.push(`  ${prefix}d${i}["${label(`${r.id ?? r.label}${scope}`)}"]:::${r.boundary.kind}`);
  });
  rows.forEach((r, d) =>
    r.cells.forEach((cell, p) => {
      if (cell) lines.push(`  ${prefix}p${p} -->|"${cell.letters.join('')}"| ${prefix}d${d}`);
    }),
  );
  return lines;
}

function organisationGraph(org: OrganisationView, charters: readonly CharterReport[]): string {
  const lines = ['flowchart BT'];
  for (const t of org.teams) lines.push(`  t${t.charter}["${label(`${charterTitle(charters[t.charter])}${t.id !== undefined && charters[t.charter].team.name !== undefined ? ` (${t.id})` : ''}`)}"]${t.parentProblem ? ':::problem' : ''}`);
  for (const t of org.teams) {
    if (t.parentCharter !== undefined) lines.push(`  t${t.charter} -->|"${t.parentProblem === 'cycle' ? 'parent (cycle)' : 'parent'}"| t${t.parentCharter}`);
  }
  for (const a of org.approvals) {
    const shown = a.decisions.slice(0, 3).join(', ') + (a.decisions.length > 3 ? ` and ${a.decisions.length - 3} more` : '');
    lines.push(`  t${a.from} -.->|"${label(`approval by ${a.approver}: ${shown}`)}"| t${a.to}`);
  }
  lines.push(...CLASS_DEFS.filter((l) => l.includes('problem')));
  return lines.join('\n') + '\n';
}

/** Mermaid entity codes (`#35;`) for everything but letters, digits, spaces and `.,:/_'-`. */
export function label(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[^\p{L}\p{N} .,:/_'-]/gu, (ch) => `#${ch.codePointAt(0)};`);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
