// yaml's lexer and parser are generators all the way down: every token goes through a chain of
// `yield* this.step()`, `yield* this.blockMap(…)`, `yield* this.pushSpaces(…)` calls, and each call
// allocates a generator object. For a 10,000-line charter that is about 120 of the 185 MB one check
// allocates, and most of its garbage-collection time (docs/performance.md).
//
// This esbuild plugin rewrites those two files of yaml's browser build, as they are bundled, into
// the same methods without generators: `*name(` becomes `name(`, `yield* this.f()` becomes
// `this.f()` (its return value is kept), and `yield x` becomes `this.emitToken(x)`. The code, its
// order and its output are otherwise untouched; `Parser#parse` returns the tokens as an array,
// which is what yaml's composer (and ours) iterate. Only `Parser#parse` is meant to be called in
// the bundles: `Lexer#lex`, `Parser#next` and `Parser#end` hand their tokens to `emitToken`.
//
// Every step checks what it rewrites and refuses when yaml's source no longer has the expected
// shape (a new yaml version). The build then warns and bundles yaml unchanged (correct, slower),
// and test/engine/yaml-eager-parser.test.ts fails: look at the diff of these two files, adjust,
// and that test compares the rewritten parser with yaml's own on every YAML file of the
// repository and on random text.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/** yaml's lexer and parser, as esbuild sees their paths. */
export const YAML_PARSER_FILES = /yaml[\\/]browser[\\/]dist[\\/]parse[\\/](lexer|parser)\.js$/;

// yaml 2.x: Lexer#parseStream calls `this.pushNewline();` after a directive without `yield*`, which
// creates a generator and drops it: nothing happens. Dropping the call keeps exactly that.
const IDLE_CALLS = new Set(['this.pushNewline();']);

const ORIGINAL_PARSE = `    parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            this.next(lexeme);
        if (!incomplete)
            this.end();
    }`;

const EAGER_PARSE = `    parse(source, incomplete = false) {
        const tokens = [];
        this.emitToken = (token) => { tokens.push(token); };
        this.lexer.emitToken = (lexeme) => { this.next(lexeme); };
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        this.lexer.lex(source, incomplete);
        if (!incomplete)
            this.end();
        return tokens;
    }`;

/** The rewritten source of yaml's `parse/lexer.js` or `parse/parser.js`; throws on anything unexpected. */
export function rewriteYamlGenerators(source, file) {
  const fail = (what) => {
    throw new Error(`yaml-eager-parser: ${file}: ${what}. yaml's parser no longer looks as this build expects; see scripts/yaml-eager-parser.mjs`);
  };
  const generators = new Set([...source.matchAll(/^[ \t]*\*([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]));
  if (generators.size === 0) fail('no generator methods found');
  if (/\bfunction\s*\*/.test(codeOnly(source))) fail('a generator function outside the classes');

  let out = '';
  let i = 0;
  let methods = 0;
  const generatorCallAt = (at) => {
    const m = /^this\.([A-Za-z_$][\w$]*)\(/.exec(source.slice(at, at + 80));
    return m && generators.has(m[1]) ? m : null;
  };
  while (i < source.length) {
    const c = source[i];
    const atWordStart = !/[\w$.]/.test(source[i - 1] ?? '');
    if (source.startsWith('//', i) || source.startsWith('/*', i)) {
      const end = source.startsWith('//', i) ? lineEnd(source, i) : source.indexOf('*/', i) + 2;
      out += source.slice(i, end);
      i = end;
    } else if (c === "'" || c === '"' || c === '`') {
      const end = stringEnd(source, i);
      out += source.slice(i, end);
      i = end;
    } else if (c === '*' && /(^|\n)[ \t]*$/.test(source.slice(Math.max(0, i - 40), i)) && /^\*[A-Za-z_$][\w$]*\(/.test(source.slice(i, i + 80))) {
      i += 1; // the method keeps its name and body
      methods++;
    } else if (atWordStart && source.startsWith('yield*', i)) {
      let j = i + 6;
      while (source[j] === ' ') j++;
      const call = generatorCallAt(j);
      if (!call) fail(`"yield*" of something other than this class's generator methods at offset ${i}`);
      out += call[0];
      i = j + call[0].length;
    } else if (atWordStart && source.startsWith('yield ', i)) {
      const start = i + 6;
      const end = expressionEnd(source, start);
      const before = source.slice(source.lastIndexOf('\n', i) + 1, i).trim();
      const statement = (before === '' || before.endsWith(')') || before === 'else') && (source[end] === ';' || source[end] === '\n');
      if (!statement) fail(`a "yield" used as an expression at offset ${i}`);
      out += `this.emitToken(${source.slice(start, end).trimEnd()})`;
      i = end;
    } else if (atWordStart && /^yield\b/.test(source.slice(i, i + 6))) {
      fail(`an unexpected "yield" at offset ${i}`);
    } else if (atWordStart && source.startsWith('this.', i) && generatorCallAt(i)) {
      // A generator method called without yield*: upstream this only creates a generator object.
      const statement = source.slice(i, lineEnd(source, i)).trim();
      const lineStart = source.lastIndexOf('\n', i) + 1;
      if (!IDLE_CALLS.has(statement) || source.slice(lineStart, i).trim() !== '') fail(`a generator method called without "yield*" at offset ${i}: ${statement}`);
      out += `/* ${statement} (a generator that is never run upstream) */`;
      i += statement.length;
    } else {
      out += c;
      i++;
    }
  }
  if (methods !== generators.size) fail(`rewrote ${methods} of ${generators.size} generator methods`);
  if (/\byield\b/.test(codeOnly(out))) fail('a "yield" is left');
  if (file.endsWith('parser.js')) {
    if (!out.includes(ORIGINAL_PARSE)) fail('Parser#parse is not the expected loop over the lexer');
    out = out.replace(ORIGINAL_PARSE, EAGER_PARSE);
  }
  return out;
}

/**
 * The esbuild plugin: rewrites yaml's lexer and parser wherever a bundle includes them. Both or
 * neither: a rewritten lexer cannot feed yaml's own parser.
 */
export function yamlEagerParser() {
  return {
    name: 'yaml-eager-parser',
    setup(build) {
      const cwd = build.initialOptions.absWorkingDir ?? process.cwd();
      const dir = path.join(path.dirname(createRequire(path.join(cwd, 'package.json')).resolve('yaml/package.json')), 'browser', 'dist', 'parse');
      const rewritten = rewriteOnce(dir);
      if (!rewritten) return;
      build.onLoad({ filter: YAML_PARSER_FILES }, (args) => {
        const code = path.dirname(args.path) === dir ? rewritten.get(path.basename(args.path)) : undefined;
        return code === undefined ? undefined : { contents: code, loader: 'js' };
      });
    },
  };
}

const rewrites = new Map();

/** Both files rewritten (once per build script, however many bundles), or undefined with a warning. */
function rewriteOnce(dir) {
  if (!rewrites.has(dir)) {
    try {
      rewrites.set(dir, new Map(['lexer.js', 'parser.js'].map((file) => [file, rewriteYamlGenerators(fs.readFileSync(path.join(dir, file), 'utf8'), path.join(dir, file))])));
    } catch (error) {
      console.warn(`warning: ${error.message}; bundling yaml's parser unchanged`);
      rewrites.set(dir, undefined);
    }
  }
  return rewrites.get(dir);
}

/** The source with its comments and string literals blanked out. */
function codeOnly(source) {
  let out = '';
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    let end = i + 1;
    if (source.startsWith('//', i)) end = lineEnd(source, i);
    else if (source.startsWith('/*', i)) end = source.indexOf('*/', i) + 2;
    else if (c === "'" || c === '"' || c === '`') end = stringEnd(source, i);
    out += end === i + 1 ? c : ' ';
    i = end;
  }
  return out;
}

function lineEnd(source, i) {
  const end = source.indexOf('\n', i);
  return end === -1 ? source.length : end;
}

function stringEnd(source, i) {
  const quote = source[i++];
  while (i < source.length && source[i] !== quote) {
    if (source[i] === '\\') i += 2;
    else if (quote === '`' && source.startsWith('${', i)) i = closerEnd(source, i + 1);
    else i++;
  }
  return i + 1;
}

/** `source[i]` opens a bracket; the offset after the bracket that closes it. */
function closerEnd(source, i) {
  let depth = 0;
  for (; i < source.length; i++) {
    const c = source[i];
    if (c === "'" || c === '"' || c === '`') i = stringEnd(source, i) - 1;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && --depth === 0) return i + 1;
  }
  throw new Error('yaml-eager-parser: unbalanced brackets');
}

/** The end of the expression after `yield `: the `;` or line end outside brackets and strings. */
function expressionEnd(source, i) {
  for (; i < source.length; i++) {
    const c = source[i];
    if (c === "'" || c === '"' || c === '`') i = stringEnd(source, i) - 1;
    else if (c === '(' || c === '[' || c === '{') i = closerEnd(source, i) - 1;
    else if (c === ';' || c === '\n' || c === ')' || c === ',') return i;
  }
  return i;
}
