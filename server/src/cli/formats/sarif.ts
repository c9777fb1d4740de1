// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every rule described
// once in tool.driver.rules, results pointing at 1-based regions (end column exclusive, UTF-16).
import type { Finding, Range, Severity } from '../../lint';
import type { Rule } from '../../engine/rule';
import type { FileReport } from './lint-report';
import { inertJson, pathUri } from './escape-json';

export const INFORMATION_URI = 'https://github.com/team-charter/team-charter';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  toolVersion: string;
  rules: readonly Rule[];
  docsUrl(ruleId: string): string;
  /** False when some file could not be read or written (the run is then incomplete). */
  executionSuccessful: boolean;
}

interface RuleDescriptor {
  id: string;
  shortDescription: { text: string };
  helpUri: string;
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
  const results = files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: ruleIndex(f),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [location(file.path, f.range)],
      ...(f.related?.length
        ? { relatedLocations: f.related.map((r, id) => ({ id, ...location(file.path, r.range), message: { text: r.message } })) }
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
        invocations: [{ executionSuccessful: options.executionSuccessful }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return inertJson(JSON.stringify(log, null, 2)) + '\n';
}

function describe(id: string, description: string, severity: Severity, options: SarifOptions): RuleDescriptor {
  return { id, shortDescription: { text: description }, helpUri: options.docsUrl(id), defaultConfiguration: { level: LEVEL[severity] } };
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
