// ReportData → GitHub Flavored Markdown: the report's tables for a wiki page or a pull request.
// Every charter value goes through mdText/mdCell; boundaries show a coloured square and the word.
import type { BoundaryKind, CharterReport, OrganisationView, ReportData } from './types';
import { LETTERS, LETTER_TITLE } from './types';
import { mdCell, mdText } from './markdown-escape';
import { charterTitle } from './html/charter';
import { num } from './html/escape';

const BOUNDARY_SQUARE: Record<BoundaryKind, string> = { team: '🟩', consult: '🟨', escalate: '🟥', invalid: '⬜' };

export interface MarkdownOptions {
  today?: string;
}

export function renderMarkdown(data: ReportData, opts: MarkdownOptions = {}): string {
  const out: string[] = [];
  const n = data.charters.length;
  out.push(`# ${n === 1 ? `Team charter: ${mdText(charterTitle(data.charters[0]))}` : 'Team charters'}`, '');
  out.push(`${n} charter${n === 1 ? '' : 's'}${opts.today ? ` · findings as of ${mdText(opts.today)}` : ''} · made by team\\-charter`, '');
  if (data.organisation) out.push(...organisation(data.organisation, data.charters));
  for (const c of data.charters) out.push(...charter(c));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function table(head: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line), ''];
}

function charter(c: CharterReport): string[] {
  const out = [`## ${mdText(charterTitle(c))} (${mdText(c.path)})`, ''];
  if (c.state === 'too-large' && c.tooLarge) {
    const mb = (x: number) => `${(x / 1024 / 1024).toFixed(1)} MB`;
    out.push(`> **Not drawn:** this file is ${mb(c.tooLarge.size)}, above the ${mb(c.tooLarge.limit)} size limit (maxFileSize).`, '');
  } else {
    if (c.state === 'broken-yaml') {
      const first = c.findings.find((f) => f.rule === 'yaml-syntax');
      out.push(`> **Broken YAML**${first ? ` (line ${first.range.start.line + 1}: ${mdText(first.message)})` : ''}: what parsed is drawn; entries after the error may be missing.`, '');
    }
    out.push('### Decision rights', '');
    out.push(LETTERS.map((l) => `**${l}** ${mdText(LETTER_TITLE[l].split(':')[0])}`).join(' · ') + ` · ${BOUNDARY_SQUARE.team} team · ${BOUNDARY_SQUARE.consult} consult · ${BOUNDARY_SQUARE.escalate} escalate`, '');
    out.push(...matrix(c));
    out.push('### Check-in calendar', '');
    out.push(...calendar(c));
  }
  out.push('### Findings', '');
  if (c.findings.length === 0) out.push('No findings.', '');
  for (const g of c.groups) {
    out.push(`#### [${mdText(g.rule)}](${mdUrl(g.docs)}) (${g.findings.length})`, '');
    for (const i of g.findings) {
      const f = c.findings[i];
      out.push(`- **${f.severity}** line ${f.range.start.line + 1}: ${mdText(f.message)}${f.organisation ? ' (organisation)' : ''}`);
    }
    out.push('');
  }
  return out;
}

function matrix(c: CharterReport): string[] {
  const { columns, rows } = c.matrix;
  if (rows.length === 0) return ['No decisions to draw.', ''];
  const head = ['Decision', 'Scope', 'Boundary', ...columns.map((col) => `${mdText(col.id)}${col.kind === 'undeclared' ? ' (not declared)' : col.kind === 'role' ? ' (role)' : ''}`)];
  return table(
    head,
    rows.map((r) => {
      const marks = r.findings.length ? ` ⚠ ${r.findings.length} finding${r.findings.length === 1 ? '' : 's'}` : '';
      const b = r.boundary;
      return [
        `${mdText(r.id ?? r.label)} (line ${r.at.line + 1})${marks}`,
        mdCell(r.scope),
        `${BOUNDARY_SQUARE[b.kind]} ${mdText(b.word)}${b.defaulted ? ' (default)' : ''}${b.kind === 'invalid' ? ' (not a boundary)' : ''}`,
        ...r.cells.map((cell) => (cell ? cell.letters.join('') : ' ')),
      ];
    }),
  );
}

function calendar(c: CharterReport): string[] {
  const { checkins, people, cells } = c.calendar;
  if (checkins.length === 0) return ['No check-ins to draw.', ''];
  const head = [
    'Person',
    'Experience',
    'Minutes / week',
    ...checkins.map((k) => `${mdText(k.id ?? k.label)} (${k.cadence !== undefined ? mdText(k.cadence) : 'no cadence'}${k.cadence !== undefined && k.intervalDays === undefined ? ', not a cadence' : ''}; ${num(k.minutes)} min, ${num(k.weeklyMinutes)} min/week)`),
  ];
  return table(
    head,
    people.map((p, i) => [
      `${mdText(p.id)}${p.name ? ` (${mdText(p.name)})` : ''}${p.kind === 'stakeholder' ? ', stakeholder' : ''}`,
      mdCell(p.experience ?? '—'),
      num(p.weeklyMinutes),
      ...cells[i].map((cell) => {
        if (!cell) return ' ';
        const part = cell.part === 'owner' ? 'runs it' : cell.part === 'participant' ? 'takes part' : 'not in it';
        return `${part}${cell.agreed ? ', ✓ agreed' : cell.part === 'participant' ? ', not agreed' : ''}`;
      }),
    ]),
  );
}

function organisation(org: OrganisationView, charters: readonly CharterReport[]): string[] {
  const title = (i: number) => mdText(charterTitle(charters[i]));
  const out = ['## Organisation', '', '### Teams by parent', ''];
  out.push(
    ...table(
      ['Team', 'Charter', 'Parent', 'Decisions', 'Members', 'Errors / warnings / infos'],
      org.teams.map((t) => {
        const c = charters[t.charter];
        const parent =
          t.parent === undefined ? '—' : t.parentProblem === 'unknown' ? `${mdText(t.parent)} (not in the set)` : `${t.parentCharter !== undefined ? title(t.parentCharter) : mdText(t.parent)}${t.parentProblem === 'cycle' ? ' (cycle)' : ''}`;
        const count = (s: string) => c.findings.filter((f) => f.severity === s).length;
        return [`${title(t.charter)}${t.id !== undefined ? ` (${mdText(t.id)})` : ''}`, mdText(t.path), parent, String(c.matrix.rows.length), String(c.calendar.people.filter((p) => p.kind === 'member').length), `${count('error')} / ${count('warning')} / ${count('info')}`];
      }),
    ),
  );
  out.push('### Load across teams', '');
  out.push(
    ...table(
      ['Party', 'Kind', 'Teams', 'Decisions owned', 'Approvals', 'Escalations received', 'Check-in hours / week'],
      org.loads.map((l) => [
        `${mdText(l.id)}${l.name ? ` (${mdText(l.name)})` : ''}`,
        l.kind,
        l.charters.map(title).join(', '),
        String(l.owned),
        String(l.approvals),
        String(l.escalations),
        l.checkinHoursPerWeek === undefined ? '—' : num(l.checkinHoursPerWeek),
      ]),
    ),
  );
  out.push('### Approvals across teams', '');
  if (org.approvals.length === 0) out.push('No team needs approval from another team of the set.', '');
  else out.push(...table(['Team', 'Needs approval from', 'Of team', 'Decisions'], org.approvals.map((a) => [title(a.from), mdText(a.approver), title(a.to), a.decisions.map(mdText).join(', ')])));
  return out;
}

/** A link target: percent-encoded, with the parentheses that would end it escaped. */
function mdUrl(url: string): string {
  return encodeURI(url).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
}
