// Completion: keys valid at the cursor (not those already there), enum and cadence values, ids
// in reference fields, and snippets for a new decision, check-in or milestone.
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver-types';
import type { CompletionItem, CompletionParams, Range } from 'vscode-languageserver-protocol';
import type { Entry } from '../engine/parse';
import { formatScalar } from '../engine/edits';
import { Edits } from '../engine/edits';
import { CADENCE_WORDS } from '../engine/vocabulary';
import { resolveSchema } from '../engine/schema';
import type { Analysis } from '../lint';
import type { CharterView as CharterState } from './state';
import { cursorContexts } from './cursor';
import type { CursorContext } from './cursor';
import { fieldInfo, isPartyField, opensBlock, safeSchemaAt } from './field-info';
import { describeParty, partyDetail } from './parties';
import { newEntrySnippet, SKELETON_SECTIONS, snippetDefaults } from './skeletons';
import type { SkeletonSection } from './skeletons';

export interface CompletionOptions {
  snippets: boolean;
}

export function completions(state: CharterState, params: CompletionParams, options: CompletionOptions): CompletionItem[] {
  const text = state.doc.getText();
  if (text.length > state.settings.maxFileSize) return [];
  const lines = text.split(/\r\n|\r|\n/); // line breaks as LSP counts them
  const { line, character } = params.position;
  const onSpace = params.context?.triggerCharacter === ' ';
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const push = (item: CompletionItem) => {
    if (seen.has(item.label)) return;
    seen.add(item.label);
    items.push(item);
  };
  for (const ctx of cursorContexts(lines, line, character)) {
    const range: Range = { start: { line, character: ctx.start }, end: { line, character: ctx.end } };
    // Right after a bare `-` or `:`, the inserted text needs its own space (`-id:`, `owner:ana` are not YAML pairs);
    // after a `,` in a flow collection it only reads better.
    const glue = /[-:,]/.test(lines[line][ctx.start - 1] ?? '') ? ' ' : '';
    const glued = (item: CompletionItem) => (glue && item.textEdit && 'range' in item.textEdit ? { ...item, textEdit: { ...item.textEdit, newText: glue + item.textEdit.newText } } : item);
    if (ctx.kind === 'key') {
      if (onSpace) continue; // a space in indentation is not a request for keys
      for (const item of keyItems(ctx, range)) push(glued(item));
      if (ctx.path.length === 0 && state.analysis && options.snippets) for (const item of sectionSnippets(state.analysis, ctx, range)) push(item);
    } else if (ctx.kind === 'value') {
      for (const item of valueItems(state.analysis, ctx, range)) push(glued(item));
    } else if (state.analysis && options.snippets && ctx.path.length === 1 && SKELETON_SECTIONS.includes(ctx.path[0] as SkeletonSection)) {
      // Only as snippets: a multi-line plain insert turns into one garbled line in Vim's omnifunc.
      if (onSpace && !ctx.hasDash) continue;
      push(itemSnippet(state.analysis, ctx, range, lines));
    }
  }
  return items;
}

function keyItems(ctx: Extract<CursorContext, { kind: 'key' }>, range: Range): CompletionItem[] {
  const schema = safeSchemaAt(ctx.path);
  if (!schema?.properties) return [];
  const required = new Set(schema.required ?? []);
  const names = Object.keys(schema.properties);
  return names
    .filter((name) => !ctx.siblings.has(name))
    .map((name, i) => {
      const info = fieldInfo([...ctx.path, name]);
      const block = info ? opensBlock(info.schema) : false;
      return {
        label: name,
        kind: CompletionItemKind.Property,
        detail: info?.type,
        documentation: info?.description ? { kind: MarkupKind.Markdown, value: info.description } : undefined,
        sortText: `${required.has(name) ? 0 : 1}${String(i).padStart(3, '0')}`,
        filterText: name,
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range, newText: ctx.hasColon ? name : block && !ctx.inFlow ? `${name}:` : `${name}: ` },
      };
    });
}

function valueItems(analysis: Analysis | undefined, ctx: Extract<CursorContext, { kind: 'value' }>, range: Range): CompletionItem[] {
  const path = ctx.path;
  const key = path[path.length - 1];
  const index = analysis?.index;
  const model = analysis?.model;
  const exclude = new Set(ctx.present);
  const valueText = (v: string) => (ctx.quoted ? v : formatScalar(v));
  const idItems = (entries: Entry[], kind: CompletionItemKind, detail: (e: Entry) => string, docs?: (id: string) => string): CompletionItem[] =>
    entries
      .filter((e): e is Entry & { id: string } => e.id !== undefined && !exclude.has(e.id))
      .map((e, i) => ({
        label: e.id,
        kind,
        detail: detail(e),
        documentation: docs ? { kind: MarkupKind.Markdown, value: docs(e.id) } : undefined,
        sortText: String(i).padStart(4, '0'),
        textEdit: { range, newText: valueText(e.id) },
      }));

  if (isPartyField(path) && model && index) {
    const entry = typeof path[1] === 'number' ? model.lists[path[0] as 'decisions'].find((e) => e.index === path[1]) : undefined;
    if (key === 'approver' && entry) {
      const owner = entry.text('owner');
      if (owner) exclude.add(owner.trim()); // an owner approving their own call is self-approval
    }
    const parties = [...model.lists.members, ...model.lists.roles, ...model.lists.stakeholders];
    const firsts = parties.filter((e) => e.id !== undefined && index.party(e.id) === e);
    return idItems(firsts, CompletionItemKind.Reference, partyDetail, (id) => describeParty(index, id));
  }
  if (model && path.length === 3 && typeof path[1] === 'number') {
    if (path[0] === 'checkins' && key === 'milestones') return idItems(model.lists.milestones, CompletionItemKind.Reference, (e) => [e.text('title'), e.text('due')].filter(Boolean).join(' · ') || 'milestone');
    if (path[0] === 'risks' && key === 'decisions') return idItems(model.lists.decisions, CompletionItemKind.Reference, (e) => e.text('scope') ?? 'decision');
    if (path[0] === 'members' && key === 'role' && model.root?.has('roles')) return idItems(model.lists.roles, CompletionItemKind.Reference, (e) => e.text('title') ?? 'role');
  }

  const schema = safeSchemaAt(path);
  if (!schema) return [];
  const valueSchema = ctx.listItem && schema.items ? resolveSchema(schema.items) : schema;
  const description = fieldInfo(path)?.description;
  const values: string[] = [];
  if (valueSchema?.const !== undefined) values.push(String(valueSchema.const));
  if (valueSchema?.enum) values.push(...valueSchema.enum.map(String));
  if (valueSchema?.anyOf) values.push(...CADENCE_WORDS, 'every 2 weeks', 'every 10 days');
  return values
    .filter((v) => !exclude.has(v))
    .map((v, i) => ({
      label: v,
      kind: CompletionItemKind.EnumMember,
      documentation: description ? { kind: MarkupKind.Markdown, value: description } : undefined,
      sortText: String(i).padStart(4, '0'),
      textEdit: { range, newText: valueText(v) },
    }));
}

function itemSnippet(analysis: Analysis, ctx: Extract<CursorContext, { kind: 'item' }>, range: Range, lines: string[]): CompletionItem {
  const section = ctx.path[0] as SkeletonSection;
  const needsSpace = ctx.hasDash && lines[range.start.line][ctx.start - 1] === '-';
  const keyColumn = ctx.hasDash ? ctx.start + (needsSpace ? 1 : 0) : ctx.dashColumn + 2;
  const body = newEntrySnippet(analysis, section, keyColumn);
  const newText = ctx.hasDash ? `${needsSpace ? ' ' : ''}${body}` : `- ${body}`;
  return snippetItem(`New ${NOUN[section]}`, newText, range, `a new ${NOUN[section]} at the cursor`);
}

function sectionSnippets(analysis: Analysis, ctx: Extract<CursorContext, { kind: 'key' }>, range: Range): CompletionItem[] {
  if (ctx.start !== 0) return [];
  const unit = new Edits(analysis.model).indentUnit();
  const eol = analysis.model.lines.eol;
  return SKELETON_SECTIONS.filter((s) => !ctx.siblings.has(s)).map((section) => {
    const body = newEntrySnippet(analysis, section, unit + 2);
    return snippetItem(`${section} (with a first ${NOUN[section]})`, `${section}:${eol}${' '.repeat(unit)}- ${body}`, range, `the "${section}" section with a first ${NOUN[section]}`);
  });
}

const NOUN: Record<SkeletonSection, string> = { decisions: 'decision', checkins: 'check-in', milestones: 'milestone' };

function snippetItem(label: string, newText: string, range: Range, what: string): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Snippet,
    detail: `Team Charter: ${what}`,
    documentation: { kind: MarkupKind.Markdown, value: '```yaml\n' + snippetDefaults(newText) + '\n```' },
    sortText: `~${label}`,
    filterText: range.start.character === range.end.character ? undefined : newText.split(/[:\s]/).find((w) => w !== '' && w !== '-'),
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range, newText },
  };
}

