// Charter drafts → YAML text, remembering the line of every key so planted defects know their line.

export type DraftValue = string | { flow: string[] } | { block: string[] };

export interface EntryDraft {
  section: string;
  fields: Array<[key: string, value: DraftValue]>;
  /** A comment line written above the entry (e.g. `# Squad: payments`). */
  comment?: string;
  /** Free tag the generator uses to pick defect targets (check-in kind, decision boundary, …). */
  tag: string;
  squad: string;
  defect?: { kind: string; rule: string; anchor: string };
  /** Another entry's defect depends on this one staying as it is. */
  locked?: boolean;
  /** 0-based line of each key, filled in by `emitCharter`. */
  keyLines?: Map<string, number>;
}

export interface CharterDraft {
  /** Lines before the list sections and the top-level maps in between, in order. */
  blocks: Array<{ kind: 'raw'; lines: string[] } | { kind: 'list'; section: string; entries: EntryDraft[] }>;
}

const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/** Plain when that is unambiguous YAML, else a double-quoted string. */
export function scalar(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (/^[A-Za-z][A-Za-z0-9 .,'()\-/%;+]*$/.test(value) && !value.endsWith(' ') && !RESERVED.test(value)) return value;
  return JSON.stringify(value);
}

export function get(entry: EntryDraft, key: string): DraftValue | undefined {
  return entry.fields.find(([k]) => k === key)?.[1];
}

export function set(entry: EntryDraft, key: string, value: DraftValue): void {
  const field = entry.fields.find(([k]) => k === key);
  if (field) field[1] = value;
  else entry.fields.push([key, value]);
}

export function remove(entry: EntryDraft, key: string): void {
  entry.fields = entry.fields.filter(([k]) => k !== key);
}

export function items(value: DraftValue | undefined): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  return 'flow' in value ? value.flow : value.block;
}

export function entryLineCount(entry: EntryDraft): number {
  let n = entry.comment ? 1 : 0;
  for (const [, v] of entry.fields) n += typeof v === 'object' && 'block' in v ? 1 + v.block.length : 1;
  return n;
}

export function emitCharter(draft: CharterDraft): string {
  const out: string[] = [];
  for (const block of draft.blocks) {
    if (block.kind === 'raw') {
      out.push(...block.lines);
      continue;
    }
    out.push(`${block.section}:`);
    for (const entry of block.entries) emitEntry(out, entry);
    out.push('');
  }
  return out.join('\n');
}

function emitEntry(out: string[], entry: EntryDraft): void {
  if (entry.comment) out.push(`  # ${entry.comment}`);
  entry.keyLines = new Map();
  entry.fields.forEach(([key, value], i) => {
    const prefix = i === 0 ? '  - ' : '    ';
    entry.keyLines!.set(key, out.length);
    if (typeof value === 'string') out.push(`${prefix}${key}: ${scalar(value)}`);
    else if ('flow' in value) out.push(`${prefix}${key}: [${value.flow.map(scalar).join(', ')}]`);
    else {
      out.push(`${prefix}${key}:`);
      for (const item of value.block) out.push(`      - ${scalar(item)}`);
    }
  });
}
