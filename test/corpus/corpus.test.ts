// Hold-out style corpus: realistic charters written from the spec alone (not from the rules' code),
// with every expected finding marked `# expect: rule-id` on the line where its range starts.
// Scored like the hidden set: recall over all expected findings, precision over the errors and
// warnings the engine reports. Each mismatch is listed so it can be judged against the spec.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lint, rules } from '../../server/src/lint';
import type { Finding } from '../../server/src/lint';
import { parseConfigText } from '../../server/src/engine/config';
import type { CharterConfig } from '../../server/src/engine/model';
import { DEFAULT_TODAY, ROOT, expectedMarkers } from '../helpers/fixtures';

const CORPUS = path.join(ROOT, 'test/corpus');
const CHARTER_NAME = /^(team-charter|.+\.charter)\.ya?ml$/;
const MIN_SCORE = 0.98; // the hidden set asks 0.9; this corpus is at 100%, so a drop is a regression

interface CorpusFile {
  name: string;
  text: string;
  today: string;
  config: CharterConfig | undefined;
  expected: string[];
}

interface FileResult {
  file: CorpusFile;
  findings: Finding[];
  missing: string[];
  unexpected: Finding[];
  matchedErrorsWarnings: number;
  reportedErrorsWarnings: number;
}

function charterFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => {
      const full = path.join(dir, d.name);
      if (d.isDirectory()) return charterFiles(full);
      return CHARTER_NAME.test(d.name) ? [full] : [];
    })
    .sort();
}

function configBeside(file: string): CharterConfig | undefined {
  const dir = path.dirname(file);
  const found = ['.charterrc.yaml', '.charterrc.yml', '.charterrc.json'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  return found ? parseConfigText(fs.readFileSync(found, 'utf8'), found) : undefined;
}

function loadCorpus(): CorpusFile[] {
  return charterFiles(CORPUS).map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return {
      name: path.relative(CORPUS, file),
      text,
      today: /^#\s*today:\s*(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1] ?? DEFAULT_TODAY,
      config: configBeside(file),
      expected: expectedMarkers(text),
    };
  });
}

const keyOf = (f: Finding) => `${f.range.start.line}:${f.rule}`;
const isErrorOrWarning = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

/** Multiset comparison of `line:rule` keys: what was expected but not found, and the reverse. */
function score(file: CorpusFile): FileResult {
  const findings = lint(file.text, { config: file.config, today: file.today });
  const open = new Map<string, number>();
  for (const key of file.expected) open.set(key, (open.get(key) ?? 0) + 1);
  const unexpected: Finding[] = [];
  let matchedErrorsWarnings = 0;
  for (const f of findings) {
    const left = open.get(keyOf(f)) ?? 0;
    if (left > 0) {
      open.set(keyOf(f), left - 1);
      if (isErrorOrWarning(f)) matchedErrorsWarnings++;
    } else unexpected.push(f);
  }
  const missing = [...open].flatMap(([key, n]) => Array<string>(n).fill(key));
  return { file, findings, missing, unexpected, matchedErrorsWarnings, reportedErrorsWarnings: findings.filter(isErrorOrWarning).length };
}

const human = (key: string) => {
  const [line, rule] = key.split(':');
  return `line ${Number(line) + 1}: ${rule}`;
};

function report(results: FileResult[]): { recall: number; precision: number; text: string } {
  const expected = results.reduce((n, r) => n + r.file.expected.length, 0);
  const found = results.reduce((n, r) => n + r.file.expected.length - r.missing.length, 0);
  const reported = results.reduce((n, r) => n + r.reportedErrorsWarnings, 0);
  const matched = results.reduce((n, r) => n + r.matchedErrorsWarnings, 0);
  const recall = expected ? found / expected : 1;
  const precision = reported ? matched / reported : 1;
  const lines = [
    `corpus: ${results.length} charters, ${expected} expected findings`,
    `recall    ${(recall * 100).toFixed(1)}% (${found}/${expected} expected findings reported at the right line)`,
    `precision ${(precision * 100).toFixed(1)}% (${matched}/${reported} reported errors and warnings were expected)`,
  ];
  for (const r of results) {
    if (!r.missing.length && !r.unexpected.length) continue;
    lines.push(`  ${r.file.name}`);
    for (const key of r.missing.sort()) lines.push(`    missing     ${human(key)}`);
    for (const f of r.unexpected) lines.push(`    unexpected  ${human(keyOf(f))} (${f.severity}) ${f.message}`);
  }
  return { recall, precision, text: lines.join('\n') };
}

describe('hold-out corpus (spec-only charters)', () => {
  const corpus = loadCorpus();
  // Organisation rules are scored on the blind repositories of test/corpus-org, not on single charters.
  const ruleIds = new Set(rules.filter((r) => r.check).map((r) => r.id));

  it('is a real corpus: at least 20 charters, every marker names a rule, every rule is expected somewhere', () => {
    assert.ok(corpus.length >= 20, `found ${corpus.length} charters`);
    const marked = corpus.flatMap((c) => c.expected.map((k) => k.split(':')[1]));
    const unknown = [...new Set(marked.filter((id) => !ruleIds.has(id)))];
    assert.deepEqual(unknown, [], 'markers naming no rule (typo?)');
    const neverExpected = [...ruleIds].filter((id) => !marked.includes(id));
    assert.deepEqual(neverExpected, [], 'rules the corpus never expects');
  });

  it('never crashes a rule on a corpus charter', () => {
    for (const file of corpus) {
      const crashes: string[] = [];
      lint(file.text, { config: file.config, today: file.today, onRuleError: (id) => crashes.push(id) });
      assert.deepEqual(crashes, [], `${file.name}: rules threw`);
    }
  });

  it(`finds >= ${MIN_SCORE * 100}% of the expected findings, and >= ${MIN_SCORE * 100}% of its errors and warnings are expected`, () => {
    const results = corpus.map(score);
    const { recall, precision, text } = report(results);
    console.log(text);
    assert.ok(recall >= MIN_SCORE, `recall ${recall.toFixed(3)} < ${MIN_SCORE}`);
    assert.ok(precision >= MIN_SCORE, `precision ${precision.toFixed(3)} < ${MIN_SCORE}`);
  });
});
