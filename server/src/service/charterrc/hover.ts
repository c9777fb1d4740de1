// Hover in a `.charterrc.*` file: on a rule id, what the rule checks, its default severity, its
// options and a link to its page; on an option, what it means, what it allows and its default; on a
// severity, what it does; on a top-level key, what it holds.
import { closestMatches } from '../../engine/text';
import { SEVERITY_MEANINGS, optionMarkdown, ruleMarkdown } from '../../engine/config-schema';
import { SEVERITY_WORDS } from '../../engine/config-problems';
import type { Rule } from '../../engine/rule';
import type { ConfigDocument, OffsetRange } from './config-document';
import { spotAt } from './config-document';

export interface ConfigHover {
  /** Markdown. */
  markdown: string;
  range: OffsetRange;
}

const KEYS: Record<string, string> = {
  rules: '**rules** · severity per rule id: `off`, `info`, `warning` (or `warn`) or `error`, or `[severity, { options }]`, like `checkin-too-frequent: [error, { minDays: 3 }]`.',
  ignores: '**ignores** · charters the CLI and the editor skip: gitignore-style globs (`*`, `**`, a trailing `/` for a folder), relative to this file\'s folder. No negation (`!`) and no braces (`{a,b}`).',
};

export function configHover(config: ConfigDocument, offset: number, rules: readonly Rule[], docsUrl: (id: string) => string): ConfigHover | null {
  const spot = spotAt(config, offset);
  if (!spot?.range) return null;
  const { path, at, range } = spot;
  const rule = path[0] === 'rules' && path.length >= 2 ? rules.find((r) => r.id === path[1]) : undefined;
  if (path.length === 1 && at === 'key' && KEYS[String(path[0])]) return { markdown: KEYS[String(path[0])], range };
  if (path[0] !== 'rules') return null;
  if (path.length === 2 && at === 'key') {
    if (rule) return { markdown: ruleMarkdown(rule, docsUrl(rule.id)), range };
    const close = closestMatches(String(path[1]), rules.map((r) => r.id), 3);
    return { markdown: `\`${String(path[1])}\` is not a rule of this version${close.length ? `: did you mean \`${close[0]}\`?` : '.'}`, range };
  }
  const isSeverity = (path.length === 2 || (path.length === 3 && path[2] === 0)) && at === 'value';
  if (isSeverity) {
    const word = config.text.slice(range[0], range[1]).replace(/^["']|["']$/g, '');
    if (!(SEVERITY_WORDS as readonly string[]).includes(word)) return null;
    const meaning = SEVERITY_MEANINGS[word as (typeof SEVERITY_WORDS)[number]];
    return { markdown: `**${word}** · ${meaning}${rule ? `\n\nThe default of \`${rule.id}\` is \`${rule.severity}\`.` : ''}`, range };
  }
  if (path.length === 4 && path[2] === 1 && rule) {
    const spec = rule.options?.[String(path[3])];
    if (!spec) return null;
    return { markdown: `**${String(path[3])}** · option of \`${rule.id}\`\n\n${optionMarkdown(spec)}`, range };
  }
  return null;
}
