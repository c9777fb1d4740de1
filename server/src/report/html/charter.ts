// The pieces of one charter in HTML: banner, decision-rights matrix, check-in calendar and findings
// grouped by rule. Shared by the report file and the editor's decision map. Cells and rows that come
// from a place in the charter carry `data-line` / `data-character` (0-based), so the decision map
// can reveal that place; in the report they are inert.
import { LETTERS, LETTER_TITLE } from '../types';
import type { CharterReport, MatrixColumn, ReportFinding, SourceSpot } from '../types';
import { h, num } from './escape';

export interface PieceOptions {
  /** Prefix of element ids, unique per charter in one page (`c0`). */
  idPrefix: string;
}

const KIND_TITLE: Record<MatrixColumn['kind'], string> = {
  member: 'Members',
  role: 'Roles',
  stakeholder: 'Stakeholders',
  undeclared: 'Not declared',
};

const src = (at: SourceSpot | undefined) => (at ? ` data-line="${at.line}" data-character="${at.character}"` : '');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Why part (or all) of the charter is not drawn; empty when it is drawn whole. */
export function bannerHtml(charter: CharterReport): string {
  if (charter.state === 'too-large' && charter.tooLarge) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return `<p class="banner too-large" role="note">This file is ${h(mb(charter.tooLarge.size))}, above the ${h(mb(charter.tooLarge.limit))} size limit (<code>maxFileSize</code>): it is listed, not drawn. Raise the limit to see its decisions and check-ins.</p>`;
  }
  if (charter.state === 'broken-yaml') {
    const first = charter.findings.find((f) => f.rule === 'yaml-syntax');
    const where = first ? ` (line ${first.range.start.line + 1}: ${h(first.message)})` : '';
    return `<p class="banner broken" role="note">This file's YAML does not parse${where}. What parsed is drawn below; entries after the error may be missing or incomplete.</p>`;
  }
  return '';
}

export function legendHtml(): string {
  const letters = LETTERS.map((l) => `<span><b><abbr title="${h(LETTER_TITLE[l])}">${l}</abbr></b> ${h(LETTER_TITLE[l].split(':')[0])}</span>`).join('');
  const boundaries = [
    ['team', 'decided inside the team'],
    ['consult', 'decided after hearing others'],
    ['escalate', 'needs approval'],
  ]
    .map(([b, what]) => `<span><i class="swatch b-${b}"></i>${b}: ${what}</span>`)
    .join('');
  return `<p class="legend">${letters}</p><p class="legend">${boundaries}</p>`;
}

export function matrixHtml(charter: CharterReport, opts: PieceOptions): string {
  const { columns, rows } = charter.matrix;
  if (charter.state === 'too-large') return '';
  if (rows.length === 0) return `<p class="empty">No decisions${columns.length ? '' : ' and no parties'} to draw.</p>`;
  const groups: Array<{ kind: MatrixColumn['kind']; span: number }> = [];
  for (const c of columns) {
    if (groups.at(-1)?.kind === c.kind) groups[groups.length - 1].span++;
    else groups.push({ kind: c.kind, span: 1 });
  }
  const groupRow = groups.length
    ? `<tr><th colspan="3" class="group"></th>${groups.map((g) => `<th colspan="${g.span}" class="group">${KIND_TITLE[g.kind]}</th>`).join('')}</tr>`
    : '';
  const head = `<tr><th scope="col">Decision</th><th scope="col">Scope</th><th scope="col">Boundary</th>${columns
    .map((c) => `<th scope="col" class="party ${c.kind}"${src(c.at)} title="${h(columnTitle(c))}"><span class="id">${h(c.id)}</span>${c.name ? `<span class="sub">${h(c.name)}</span>` : ''}</th>`)
    .join('')}</tr>`;
  const body = rows
    .map((row, r) => {
      const found = row.findings.map((i) => charter.findings[i]);
      const cls = found.length ? ` class="has-findings${found.some((f) => f.severity === 'error') ? ' has-errors' : ''}"` : '';
      const mark = found.length
        ? ` · <a class="mark sev-${worst(found)}" href="#${opts.idPrefix}-f${row.findings[0]}" title="${h(found.map((f) => `${f.rule}: ${f.message}`).join('\n'))}">⚠ ${plural(found.length, 'finding')}</a>`
        : '';
      const b = row.boundary;
      const cells = row.cells
        .map((cell, c) => {
          if (!cell) return '<td class="cell"></td>';
          const first = cell.at[cell.letters[0]];
          const letters = cell.letters.map((l) => `<abbr title="${h(LETTER_TITLE[l])}">${l}</abbr>`).join('');
          return `<td class="cell" data-party="${h(columns[c].id)}"${src(first)}>${letters}</td>`;
        })
        .join('');
      return (
        `<tr id="${opts.idPrefix}-d${r}"${cls}>` +
        `<th scope="row"${src(row.at)}><span class="id">${h(row.id ?? row.label)}</span><span class="sub">line ${row.at.line + 1}${mark}</span></th>` +
        `<td>${row.scope !== undefined ? h(row.scope) : '<span class="empty">no scope</span>'}</td>` +
        `<td class="boundary b-${b.kind}">${h(b.word)}${b.defaulted ? ' <span class="muted">(default)</span>' : ''}${b.kind === 'invalid' ? ' <span class="muted">(not a boundary)</span>' : ''}</td>` +
        cells +
        `</tr>`
      );
    })
    .join('');
  return `<div class="scroll"><table class="matrix"><caption class="muted">${plural(rows.length, 'decision')} × ${plural(columns.length, 'party', 'parties')}</caption><thead>${groupRow}${head}</thead><tbody>${body}</tbody></table></div>`;
}

function columnTitle(c: MatrixColumn): string {
  switch (c.kind) {
    case 'member':
      return `member${c.detail ? `, role ${c.detail}` : ''}`;
    case 'role':
      return 'role (whoever holds it)';
    case 'stakeholder':
      return `stakeholder${c.detail ? ` (${c.detail})` : ''}`;
    case 'undeclared':
      return 'named in a decision but not declared';
  }
}

export function calendarHtml(charter: CharterReport): string {
  const { checkins, people, cells } = charter.calendar;
  if (charter.state === 'too-large') return '';
  if (checkins.length === 0) return '<p class="empty">No check-ins to draw.</p>';
  const cadence = (c: (typeof checkins)[number]) =>
    c.cadence === undefined ? '<span class="empty">no cadence</span>' : `${h(c.cadence)}${c.intervalDays === undefined ? ' <span class="muted">(not a cadence)</span>' : ''}`;
  const head =
    `<tr><th scope="col">Person</th><th scope="col">Experience</th><th scope="col">Minutes / week</th>` +
    checkins
      .map((c) => `<th scope="col"${src(c.at)}><span class="id">${h(c.id ?? c.label)}</span><span class="sub">${cadence(c)}</span><span class="sub">${num(c.minutes)} min · ${num(c.weeklyMinutes)} min/week</span></th>`)
      .join('') +
    '</tr>';
  const body = people
    .map((p, i) => {
      const row = cells[i]
        .map((cell) => {
          if (!cell) return '<td class="part"></td>';
          const part = cell.part === 'owner' ? 'runs it' : cell.part === 'participant' ? 'takes part' : 'not in it';
          // Only a participant's agreement is asked for (checkin-not-agreed): whoever runs it chose it.
          const agreed = cell.agreed ? '<span class="agreed" title="in agreed_with">✓ agreed</span>' : cell.part === 'participant' ? '<span class="not-agreed" title="not in agreed_with">not agreed</span>' : '';
          return `<td class="part"${src(cell.at)}>${part}${agreed ? `<br>${agreed}` : ''}</td>`;
        })
        .join('');
      const who = `<span class="id">${h(p.id)}</span>${p.name ? `<span class="sub">${h(p.name)}</span>` : ''}${p.kind === 'stakeholder' ? '<span class="sub">stakeholder</span>' : ''}`;
      return `<tr><th scope="row"${src(p.at)}>${who}</th><td>${p.experience !== undefined ? h(p.experience) : '<span class="empty">—</span>'}</td><td class="num">${num(p.weeklyMinutes)}</td>${row}</tr>`;
    })
    .join('');
  const purposes = checkins.filter((c) => c.purpose !== undefined);
  const purposeList = purposes.length
    ? `<ul class="purposes muted">${purposes.map((c) => `<li><span class="id">${h(c.id ?? c.label)}</span>: ${h(c.purpose)}</li>`).join('')}</ul>`
    : '';
  return `<div class="scroll"><table class="calendar"><caption class="muted">${plural(people.length, 'person', 'people')} × ${plural(checkins.length, 'check-in')}; minutes per week = minutes × 7 ÷ days between check-ins</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>${purposeList}`;
}

export function findingsHtml(charter: CharterReport, opts: PieceOptions): string {
  if (charter.findings.length === 0) return '<p class="empty">No findings.</p>';
  const rowOf = new Map<number, number>();
  charter.matrix.rows.forEach((row, r) => row.findings.forEach((f) => rowOf.has(f) || rowOf.set(f, r)));
  const groups = charter.groups
    .map((g) => {
      const items = g.findings
        .map((i) => {
          const f = charter.findings[i];
          const row = rowOf.get(i);
          const back = row !== undefined ? ` <a href="#${opts.idPrefix}-d${row}">${h(charter.matrix.rows[row].label)}</a>` : '';
          const org = f.organisation ? ' <span class="muted">(organisation)</span>' : '';
          return `<li class="finding" id="${opts.idPrefix}-f${i}" data-line="${f.range.start.line}" data-character="${f.range.start.character}"><span class="sev sev-${f.severity}">${f.severity}</span>line ${f.range.start.line + 1}: ${h(f.message)}${org}${back}</li>`;
        })
        .join('');
      return `<h4><a href="${h(g.docs)}">${h(g.rule)}</a> <span class="muted">(${g.findings.length})</span></h4><ol>${items}</ol>`;
    })
    .join('');
  const counts = (['error', 'warning', 'info'] as const).map((s) => plural(charter.findings.filter((f) => f.severity === s).length, s)).join(', ');
  return `<div class="findings"><p class="muted">${counts}, grouped by rule; each rule links to its page.</p>${groups}</div>`;
}

function worst(findings: ReportFinding[]): string {
  return findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'info';
}

/** Heading text of a charter: its team name (or id), else its path. */
export function charterTitle(charter: CharterReport): string {
  return charter.team.name ?? charter.team.id ?? charter.path;
}
