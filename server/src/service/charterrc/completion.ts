// Completion in a `.charterrc.*` file: the top-level keys, rule ids (with what each checks), severities
// (and `[severity, { options }]` with the defaults), option names of the rule in context with their
// defaults, and an option's default value. Quotes follow the file: JSON keys and words are quoted.
import { isMap, isSeq } from 'yaml';
import { CONFIG_KEYS } from '../../engine/config-problems';
import { SEVERITY_MEANINGS, optionMarkdown, ruleMarkdown } from '../../engine/config-schema';
import { allowedValues } from '../../engine/options';
import type { Rule } from '../../engine/rule';
import type { ConfigDocument, OffsetRange } from './config-document';
import { keyText, typingSpotAt } from './config-document';

export interface ConfigCompletion {
  label: string;
  kind: 'key' | 'rule' | 'option' | 'severity' | 'value';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  range: OffsetRange;
  newText: string;
}

const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;

const KEY_DESCRIPTIONS: Record<(typeof CONFIG_KEYS)[number], string> = {
  rules: 'Severity per rule id: `off`, `info`, `warning` or `error`, or `[severity, { options }]`.',
  ignores: 'Charters to skip: gitignore-style globs relative to this file\'s folder, like `[archive/]`.',
};

export function configCompletions(config: ConfigDocument, offset: number, rules: readonly Rule[], docsUrl: (id: string) => string): ConfigCompletion[] {
  const spot = typingSpotAt(config.text, offset);
  if (!spot) return [];
  const { path, range } = spot;
  const after = config.text.slice(range[1]).replace(/^["']/, '');
  const colonFollows = /^[ \t]*:/.test(after);
  const word = (w: string) => (spot.quoted ? w : config.json ? JSON.stringify(w) : w);
  /** A key, followed by `: ` (and a value) unless a colon follows already; inside quotes, past the closing one. */
  const key = (name: string, value?: string): Pick<ConfigCompletion, 'range' | 'newText'> => {
    if (colonFollows) return { range, newText: word(name) };
    const tail = `: ${value ?? ''}`;
    if (!spot.quoted) return { range, newText: word(name) + tail };
    const quote = config.text[range[0] - 1];
    const closed = config.text[range[1]] === quote;
    return { range: [range[0], range[1] + (closed ? 1 : 0)], newText: name + quote + tail };
  };
  const byId = new Map(rules.map((r) => [r.id, r]));

  // A word where a map goes is that map's first key (`rules:⏎  owner-m`, an empty file).
  const mapPath = spot.at === 'key' ? path.slice(0, -1) : isMapPlace(path) ? path : undefined;
  if (mapPath) {
    const typed = spot.at === 'key' ? String(path[path.length - 1]) : '';
    const present = keysAt(config, mapPath).filter((k) => k !== typed);
    if (mapPath.length === 0) {
      return CONFIG_KEYS.filter((k) => !present.includes(k)).map((k) => ({ label: k, kind: 'key', documentation: KEY_DESCRIPTIONS[k], ...key(k) }));
    }
    if (mapPath.length === 1 && mapPath[0] === 'rules') {
      return rules
        .filter((r) => !present.includes(r.id))
        .map((r) => ({ label: r.id, kind: 'rule', detail: `default severity: ${r.severity}`, documentation: ruleMarkdown(r, docsUrl(r.id)), ...key(r.id) }));
    }
    const rule = byId.get(String(mapPath[1]));
    if (!rule) return [];
    return Object.entries(rule.options ?? {})
      .filter(([name]) => !present.includes(name))
      .map(([name, spec]) => ({
        label: name,
        kind: 'option',
        detail: `${allowedValues(spec)}, default ${JSON.stringify(spec.default)}`,
        documentation: optionMarkdown(spec),
        ...key(name, JSON.stringify(spec.default)),
      }));
  }

  if (path[0] !== 'rules') return [];
  const rule = byId.get(String(path[1]));
  const severities = () =>
    SEVERITIES.map((s): ConfigCompletion => ({
      label: s,
      kind: 'severity',
      detail: rule?.severity === s ? 'this rule\'s default' : undefined,
      documentation: SEVERITY_MEANINGS[s],
      range,
      newText: word(s),
    }));
  if (path.length === 2) {
    const items = severities();
    const options = Object.entries(rule?.options ?? {});
    if (rule && options.length && !spot.quoted) {
      const q = (w: string) => (config.json ? JSON.stringify(w) : w);
      const text = `[${q(rule.severity)}, { ${options.map(([name, spec]) => `${q(name)}: ${JSON.stringify(spec.default)}`).join(', ')} }]`;
      items.push({ label: text, kind: 'value', detail: 'severity and options (the defaults)', documentation: ruleMarkdown(rule, docsUrl(rule.id)), range, newText: text });
    }
    return items;
  }
  if (path.length === 3 && path[2] === 0) return severities();
  if (path.length === 4 && path[2] === 1 && rule) {
    const spec = rule.options?.[String(path[3])];
    if (!spec || spot.quoted) return [];
    const text = JSON.stringify(spec.default);
    return [{ label: text, kind: 'value', detail: `the default (${allowedValues(spec)})`, documentation: optionMarkdown(spec), range, newText: text }];
  }
  return [];
}

/** Places whose value is a map: the file itself, `rules`, and a rule's options. */
function isMapPlace(path: ReadonlyArray<string | number>): boolean {
  return path.length === 0 || (path.length === 1 && path[0] === 'rules') || (path.length === 3 && path[0] === 'rules' && path[2] === 1);
}

/** The keys already written in the map at `path`. */
function keysAt(config: ConfigDocument, path: ReadonlyArray<string | number>): string[] {
  let node: unknown = config.tree.contents;
  for (const segment of path) {
    if (isMap(node)) node = node.items.find((p) => keyText(p.key) === String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return [];
  }
  return isMap(node) ? node.items.map((p) => keyText(p.key)).filter((k): k is string => k !== undefined) : [];
}
