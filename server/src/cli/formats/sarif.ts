// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every rule described
// once in tool.driver.rules (with its docs page as help), results pointing at 1-based regions (end
// column exclusive, UTF-16), related places as relatedLocations, and a fingerprint that survives
// lines moving, so code scanning keeps tracking an alert when the charter is edited above it.
import { createHash } from 'node:crypto';
import type { Finding, Range, Severity } from '../../lint';
import type { Rule } from '../../engine/rule';
import type { FileReport, ResolveRelated, SkippedReport } from './lint-report';
import { relatedPath } from './lint-report';
import { RULE_HELP_JSON } from './rule-help.generated';
import { inertJson, pathUri } from './escape-json';

export const INFORMATION_URI = 'https://github.com/team-charter/team-charter';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  toolVersion: string;
  resolveRelated?: ResolveRelated;
  rules: readonly Rule[];
  docsUrl(ruleId: string): string;
  /** False when some file could not be read or written (the run is then incomplete). */
  executionSuccessful: boolean;
  /** Files left out of the set: one tool execution notification each. */
  skipped?: readonly SkippedReport[];
}

interface RuleDescriptor {
  id: string;
  shortDescription: { text: string };
  helpUri: string;
  help?: { text: string; markdown: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
}

export function formatSarif(files: readonly FileReport[], options: SarifOptions): string {
  const descriptors: RuleDescriptor[] = options.rules.map((r) => describe(r.id, r.description, r.severity, options));
  const indexOf = new Map(descriptors.map((d, i) => [d.id, i]));
  const ruleIndex = (f: Finding) => {
    let i = indexOf.get(f.rule);
    if (i === undefined) {
      // A finding from a rule the registry does not list (cannot happen today): describe it anyway.
      i = descriptors.push(describe(f.rule, f.rule, f.severity, options)) - 1;
      indexOf.set(f.rule, i);
    }
    return i;
  };
  const fingerprints = new Fingerprints();
  const results = files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: ruleIndex(f),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [location(file.path, f.range)],
      partialFingerprints: { [FINGERPRINT]: fingerprints.of(f, file.path) },
      ...(f.related?.length
        ? { relatedLocations: f.related.map((r, id) => ({ id, ...location(relatedPath(file.path, r, options.resolveRelated), r.range), message: { text: r.message } })) }
        : {}),
    })),
  );
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'team-charter',
            informationUri: INFORMATION_URI,
            version: options.toolVersion,
            rules: descriptors,
          },
        },
        invocations: [
          {
            executionSuccessful: options.executionSuccessful,
            ...(options.skipped?.length
              ? {
                  toolExecutionNotifications: options.skipped.map((s) => ({
                    level: 'warning',
                    message: { text: `${s.path}: ${s.reason}` },
                    locations: [{ physicalLocation: { artifactLocation: { uri: s.path.split('/').map(encodeURIComponent).join('/') } } }],
                  })),
                }
              : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return inertJson(JSON.stringify(log, null, 2)) + '\n';
}

function describe(id: string, description: string, severity: Severity, options: SarifOptions): RuleDescriptor {
  const helpUri = options.docsUrl(id);
  const page = ruleHelp()[id];
  // The page's relative links (`../format.md`) are made absolute against its own address.
  const help = page && { text: page.text, markdown: page.markdown.replace(/\]\(([^)\s]+)\)/g, (_, href: string) => `](${absolute(href, helpUri)})`) };
  return { id, shortDescription: { text: description }, helpUri, ...(help ? { help } : {}), defaultConfiguration: { level: LEVEL[severity] } };
}

let parsedHelp: Record<string, { text: string; markdown: string }> | undefined;
const ruleHelp = () => (parsedHelp ??= JSON.parse(RULE_HELP_JSON) as Record<string, { text: string; markdown: string }>);

function absolute(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/** `partialFingerprints` key: this tool's own scheme, version 1 (rules.md, "Related output"). */
const FINGERPRINT = 'teamCharter/v1';

/**
 * A hash of the rule id, the entry the finding is about (its section and id, or its position in
 * the section when it has no id; plus the `subject` a few findings carry) and the file's path: no
 * line or column, so an edit above the finding keeps its alert. Findings that share all three (two
 * unknown top-level keys) are told apart by their order.
 */
class Fingerprints {
  private readonly seen = new Map<string, number>();

  of(f: Finding, path: string): string {
    const e = f.entry;
    const entry = e === undefined ? '' : e.id !== undefined ? `${e.section}/${e.id}` : `${e.section}#${e.index ?? ''}`;
    const key = [f.rule, entry, f.subject ?? '', path].join('\u0000');
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return createHash('sha256').update(n === 1 ? key : `${key}\u0000${n}`).digest('hex');
  }
}

function location(file: string, range: Range) {
  return {
    physicalLocation: {
      artifactLocation: { uri: pathUri(file) },
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      },
    },
  };
}
