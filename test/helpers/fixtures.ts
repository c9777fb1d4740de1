// Reads rule fixture folders: test/rules/<rule-id>/{bad,good}*.yaml with expected findings marked
// by a trailing `# expect: rule-a, rule-b` comment on the line where each finding starts.
import fs from 'node:fs';
import path from 'node:path';
import { parseConfigText } from '../../server/src/engine/config';
import type { CharterConfig } from '../../server/src/engine/model';

export const ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(ROOT, 'test/rules');
export const DEFAULT_TODAY = '2026-11-25';

/** Paths of the YAML files anywhere under `dir` (relative to the repository), sorted. */
export function yamlFilesUnder(dir: string): string[] {
  const base = path.join(ROOT, dir);
  return fs.readdirSync(base, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(base, f));
}

/** test/helpers/base-charter.yaml: a small charter with no findings. */
export const BASE_CHARTER = fs.readFileSync(path.join(ROOT, 'test/helpers/base-charter.yaml'), 'utf8');

/** The base charter with exact replacements, each of a text that occurs exactly once. */
export function baseCharterWith(...replacements: Array<[string, string]>): string {
  let text = BASE_CHARTER;
  for (const [from, to] of replacements) {
    if (text.split(from).length !== 2) throw new Error(`"${from}" must occur once in the base charter`);
    text = text.replace(from, to);
  }
  return text;
}

export interface FixtureFile {
  rule: string;
  name: string;
  file: string;
  text: string;
  kind: 'bad' | 'good';
  config: CharterConfig | undefined;
  today: string;
  /** `line:rule` strings (0-based line), one per expected finding. */
  expected: string[];
}

const MARKER = /#\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;

export function expectedMarkers(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const m = MARKER.exec(line.replace(/\r$/, ''));
    if (m) for (const id of m[1].split(',')) out.push(`${i}:${id.trim()}`);
  });
  return out.sort();
}

export function fixtureFolders(): string[] {
  return fs
    .readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function loadFixtures(rule: string): FixtureFile[] {
  const dir = path.join(FIXTURES, rule);
  const configFile = ['.charterrc.yaml', '.charterrc.json'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  const config = configFile ? parseConfigText(fs.readFileSync(configFile, 'utf8'), configFile) : undefined;
  return fs
    .readdirSync(dir)
    .filter((f) => /^(bad|good).*\.ya?ml$/.test(f))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const text = fs.readFileSync(file, 'utf8');
      const today = /^#\s*today:\s*(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1] ?? DEFAULT_TODAY;
      return { rule, name, file, text, kind: name.startsWith('bad') ? 'bad' : 'good', config, today, expected: expectedMarkers(text) } as FixtureFile;
    });
}
