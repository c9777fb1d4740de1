// The bundles parse with yaml's lexer and parser rewritten without generators
// (scripts/yaml-eager-parser.mjs). They must read every text exactly as yaml itself does: same CST,
// same documents, same errors, same positions. Compared here with yaml's own (Node) build on every
// YAML file in the repository, on texts that exercise each lexer state, and on random text.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import * as upstream from 'yaml';
import { ROOT, yamlFilesUnder } from '../helpers/fixtures';
import { arbitraryText, fcParams, generatedCharter, mutatedCharter, sampleCharters } from '../fuzz/arbitraries';
import { generateCharter } from '../bench/generate';
import { YAML_EDGE_CASES } from '../helpers/yaml-edge-cases';

type Yaml = typeof upstream;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const eager: Yaml = require(path.join(ROOT, 'out/test/yaml-eager.bundle.js'));
interface Rewriter {
  rewriteYamlGenerators(source: string, file: string): string;
  YAML_PARSER_FILES: RegExp;
}
// A dynamic import that tsc leaves alone (the script is an ES module).
const importModule = new Function('p', 'return import(p)') as (p: string) => Promise<Rewriter>;
let rewriter: Promise<Rewriter> | undefined;
const loadRewriter = () => (rewriter ??= importModule(path.join(ROOT, 'scripts/yaml-eager-parser.mjs')));

const YAML_PARSE_DIR = path.join(ROOT, 'node_modules/yaml/browser/dist/parse');

/** yaml's browser build bundled with its lexer and parser replaced by `sources` (by file name). */
async function bundleYaml(sources: Record<string, string>): Promise<Yaml> {
  const { YAML_PARSER_FILES } = await loadRewriter();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['node_modules/yaml/browser/index.js'],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    logLevel: 'silent',
    plugins: [{
      name: 'mutant',
      setup(build) {
        build.onLoad({ filter: YAML_PARSER_FILES }, (args) => ({ contents: sources[path.basename(args.path)], loader: 'js' }));
      },
    }],
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
  return module.exports as Yaml;
}

/** Everything a reader of the parse can observe, as JSON. */
function observe(yaml: Yaml, text: string): string {
  const cst = Array.from(new yaml.Parser().parse(text));
  const chunked = new yaml.Parser();
  const cut = Math.floor(text.length / 2);
  const streamed = [...chunked.parse(text.slice(0, cut), true), ...chunked.parse(text.slice(cut))];
  const lineCounter = new yaml.LineCounter();
  const docs = yaml.parseAllDocuments(text, { lineCounter, logLevel: 'error' });
  const ours = yaml.parseDocument(text, { logLevel: 'error', prettyErrors: false, keepSourceTokens: true, uniqueKeys: true, merge: false, strict: true });
  const seen = new WeakSet<object>(); // toJS of `a: &x [*x]` is circular
  const noCycles = (_key: string, value: unknown) => {
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    return value;
  };
  return JSON.stringify({ cst, streamed, lineStarts: lineCounter.lineStarts, docs: Array.from(docs, (d) => summarize(yaml, d)), ours: summarize(yaml, ours) }, noCycles);
}

function summarize(yaml: Yaml, doc: upstream.Document.Parsed): unknown {
  const nodes: unknown[] = [];
  yaml.visit(doc, (key, node) => {
    if (node === null) return void nodes.push([key, null]);
    const n = node as { range?: unknown; comment?: unknown; commentBefore?: unknown; spaceBefore?: unknown; type?: unknown; anchor?: unknown; tag?: unknown; srcToken?: unknown };
    nodes.push([key, n.type, n.range, n.comment, n.commentBefore, n.spaceBefore, n.anchor, n.tag, n.srcToken]);
  });
  const problems = (list: upstream.YAMLError[]) => list.map((e) => [e.code, e.message, e.pos, e.linePos]);
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    js = `throws: ${(e as Error).message}`;
  }
  let printed: string;
  try {
    printed = doc.errors.length ? '' : String(doc);
  } catch (e) {
    printed = `throws: ${(e as Error).message}`;
  }
  return { errors: problems(doc.errors), warnings: problems(doc.warnings), range: doc.range, js, printed, nodes, directives: doc.directives?.yaml };
}

function assertSameParse(text: string, what: string): void {
  const expected = observe(upstream, text);
  const actual = observe(eager, text);
  if (actual !== expected) assert.fail(`${what}: the bundled parser reads this text differently from yaml:\n${JSON.stringify(text.slice(0, 300))}`);
}

describe('yaml as the bundles build it (lexer and parser without generators)', () => {
  it('has no generator methods left in its lexer and parser', () => {
    const generators = (proto: object) => Object.getOwnPropertyNames(proto).filter((name) => {
      const value = Object.getOwnPropertyDescriptor(proto, name)?.value;
      return typeof value === 'function' && value.constructor.name === 'GeneratorFunction';
    });
    assert.ok(generators(upstream.Parser.prototype).length > 10, 'yaml itself has generator methods');
    assert.deepEqual(generators(eager.Parser.prototype), []);
    assert.deepEqual(generators(eager.Lexer.prototype), []);
    assert.ok(Array.isArray(new eager.Parser().parse('a: 1\n')));
  });

  it('reads texts that exercise every lexer state as yaml does', () => {
    for (const text of YAML_EDGE_CASES) assertSameParse(text, 'edge case');
  });

  it('reads every YAML file in the repository as yaml does', () => {
    const files = [...yamlFilesUnder('examples'), ...yamlFilesUnder('test').filter((f) => !f.includes(`${path.sep}e2e${path.sep}cache`))];
    assert.ok(files.length > 100, `only ${files.length} files`);
    for (const file of files) assertSameParse(fs.readFileSync(file, 'utf8'), path.relative(ROOT, file));
  });

  it('reads the benchmark charters as yaml does', () => {
    for (const seed of [1, 2, 3]) assertSameParse(generateCharter({ lines: 1000, seed }).text, `generated charter, seed ${seed}`);
    assertSameParse(generateCharter({ lines: 10000, seed: 1 }).text, 'generated 10,000-line charter');
  });

  it('reads random text, mutated charters and generated charters as yaml does', () => {
    const samples = sampleCharters();
    fc.assert(fc.property(fc.oneof(arbitraryText, mutatedCharter(samples), generatedCharter), (text) => assertSameParse(text, 'random text')), fcParams());
  });
});

describe('the rewrite of yaml generators (scripts/yaml-eager-parser.mjs)', () => {
  const rewrite = async (source: string) => (await loadRewriter()).rewriteYamlGenerators(source, 'x/parse/lexer.js');
  const klass = (body: string) => `class A {\n${body}\n}\n`;
  /** The tokens method `a` of the rewritten class `A` emits, in order. */
  const emittedBy = async (source: string) => {
    const A = new Function(`${await rewrite(source)}; return A;`)() as new () => { a(): void; emitToken(t: unknown): void };
    const a = new A();
    const seen: unknown[] = [];
    a.emitToken = (t) => seen.push(t);
    a.a();
    return seen;
  };

  it('turns yields into emitted tokens in the same order, keeping return values', async () => {
    const seen = await emittedBy(klass('    *a() {\n        yield 1;\n        const n = yield* this.b(2);\n        yield { n, s: "yield 9;" };\n    }\n    *b(x) {\n        yield x;\n        return 3;\n    }'));
    assert.deepEqual(seen, [1, 2, { n: 3, s: 'yield 9;' }]);
  });

  it('refuses generator uses it cannot rewrite faithfully (the build then bundles yaml unchanged)', async () => {
    const cases = [
      klass('    *a() {\n        const x = yield 1;\n    }'),
      klass('    *a() {\n        this.b();\n    }\n    *b() {\n        yield 1;\n    }'),
      klass('    *a() {\n        yield* other.b();\n    }'),
      klass('    *a() {\n        for (const x of this.b()) yield x;\n    }\n    *b() {\n        yield 1;\n    }'),
      'function* f() { yield 1; }\n' + klass('    *a() {\n        yield 1;\n    }'),
    ];
    for (const source of cases) await assert.rejects(rewrite(source), /yaml-eager-parser: .*yaml's parser no longer looks as this build expects/, source);
  });

  it('emits no token that the edge cases would not miss: dropping any one changes a CST', async function () {
    this.timeout(60000);
    const { rewriteYamlGenerators } = await loadRewriter();
    const cst = (yaml: Yaml, text: string) => JSON.stringify(Array.from(new yaml.Parser().parse(text)));
    const expected = YAML_EDGE_CASES.map((text) => cst(upstream, text));
    const rewritten: Record<string, string> = {};
    for (const file of ['lexer.js', 'parser.js']) rewritten[file] = rewriteYamlGenerators(fs.readFileSync(path.join(YAML_PARSE_DIR, file), 'utf8'), file);
    for (const [file, code] of Object.entries(rewritten)) {
      const sites = [...code.matchAll(/this\.emitToken\(/g)].map((m) => m.index!);
      assert.ok(sites.length >= 5, `${file}: ${sites.length} emit sites`);
      for (const at of sites) {
        if (/Tried to pop an empty stack/.test(code.slice(at - 120, at))) continue; // unreachable upstream ("should not happen")
        const mutant = await bundleYaml({ ...rewritten, [file]: `${code.slice(0, at)}void ${code.slice(at + 'this.emitToken'.length)}` });
        const missed = YAML_EDGE_CASES.every((text, i) => {
          try {
            return cst(mutant, text) === expected[i];
          } catch {
            return false;
          }
        });
        assert.ok(!missed, `${file}: no edge case needs the token emitted at "${code.slice(at, at + 60).replace(/\s+/g, ' ')}"`);
      }
    }
  });

  it('drops the one generator call yaml never runs, as yaml does', async () => {
    const seen = await emittedBy(klass('    *a() {\n        this.pushNewline();\n        yield 1;\n    }\n    *pushNewline() {\n        yield 2;\n    }'));
    assert.deepEqual(seen, [1]);
  });
});
