// Adversarial charters for the linearity checks: a long run of one thing (spaces, separators, tabs,
// a repeated word, map keys) placed where a rule or the parser reads it, at a given size in bytes.
// Shared by `npm run bench` (time against a normal charter of the same size) and the regression
// ceilings in test/engine/adversarial.test.ts.
import fs from 'node:fs';
import path from 'node:path';

const BASE = fs.readFileSync(path.resolve(__dirname, '../../../test/helpers/base-charter.yaml'), 'utf8');

export interface AdversarialInput {
  name: string;
  /** What the run is and where it stands. */
  what: string;
  /** A 1 MB single line rather than a 100 KB file. */
  singleLine?: boolean;
  build(bytes: number): string;
}

/** `unit` repeated until `bytes` characters. */
const run = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.ceil(bytes / unit.length))).slice(0, Math.max(unit.length, bytes));

/** The base charter with one exact replacement (the text must occur once). */
function replaceOnce(from: string, to: string): string {
  if (BASE.split(from).length !== 2) throw new Error(`"${from}" must occur once in the base charter`);
  return BASE.replace(from, () => to);
}

const FIRST_OWNER = '    owner: ben\n    boundary: team';
const INTENT_DONE = '  done: 95% of payouts arrive within 24 hours for 30 days in a row.';
const MISSION = 'mission: Merchants get paid within one day of every sale.';

/** `lines` lines of `line(i)` until `bytes`. */
function lines(bytes: number, line: (i: number) => string): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const l = line(i);
    out.push(l);
    size += l.length + 1;
  }
  return out.join('\n');
}

export const ADVERSARIAL_INPUTS: AdversarialInput[] = [
  {
    name: 'owner-spaces',
    what: 'an owner value with a long run of spaces between two names',
    build: (n) => replaceOnce(FIRST_OWNER, `    owner: ana${run(' ', n)}ben\n    boundary: team`),
  },
  {
    name: 'owner-spaces-quoted',
    what: 'the same run inside a quoted owner, ending in spaces',
    build: (n) => replaceOnce(FIRST_OWNER, `    owner: "ana${run(' ', n)}ben${run(' ', 50)}"\n    boundary: team`),
  },
  {
    name: 'owner-separators',
    what: 'an owner joined by a long run of separators (spaces, &, /, comma, +, and)',
    build: (n) => replaceOnce(FIRST_OWNER, `    owner: ana${run('  & / , + and ', n)}ben\n    boundary: team`),
  },
  {
    name: 'party-list-separators',
    what: 'a consult list whose item is a long run of separators and spaces',
    build: (n) => replaceOnce('    consult: [ben]', `    consult: ["ben${run(' ,  /  ', n)}x"]`),
  },
  {
    name: 'done-trailing-separators',
    what: 'a vague done text with a long run of spaces and . ; , inside and at its end',
    build: (n) => replaceOnce(INTENT_DONE, `  done: "good${run(' . ; ,', n / 2)}x${run(' .;, ', n / 2)}"`),
  },
  {
    name: 'tab-indentation',
    what: 'a charter indented with tabs throughout, lines padded with spaces',
    build: (n) => BASE.replace(/^( +)/gm, (s) => '\t'.repeat(s.length / 2)) + lines(n, (i) => `x-tab${i}:\n\t\tkey: value${run(' ', 40)}# note`),
  },
  {
    name: 'tab-error-lines',
    what: 'tab-indented lines under keys followed by long runs of spaces, a colon and a comment',
    build: (n) =>
      replaceOnce('  name: Payments', `  name: Payments\n  x-open:${run(' ', n / 4)}# c${run(' ', n / 4)}\n\tx-a: 1\n  x-plain: a${run(' ', n / 4)}b:${run(' :', n / 4)}\n\tx-b: 2`),
  },
  {
    name: 'tab-runs',
    what: 'lines of tabs and spaces only, and a value holding a long run of tabs',
    build: (n) => replaceOnce(MISSION, `mission: "a${run('\t ', n / 2)}b"\nx-blank:\n${lines(n / 2, () => '\t \t')}`),
  },
  {
    name: 'repeated-words',
    what: 'done, mission and scope texts of one word repeated (weak words, placeholders, lorem)',
    build: (n) =>
      replaceOnce(INTENT_DONE, `  done: ${run('good ', n / 4)}`)
        .replace(MISSION, `mission: ${run('todo lorem ', n / 4)}`)
        .replace('    scope: How payouts are batched and scheduled', `    scope: ${run('payouts ', n / 4)}`)
        .replace('    scope: Any change to merchant fees', `    scope: ${run('payouts as   soon ', n / 4)}`),
  },
  {
    name: 'wide-map',
    what: 'a map with ten thousand keys',
    build: (n) => `${BASE}x-wide:\n${lines(n, (i) => `  k${i}: 1`)}\n`,
  },
  {
    name: 'wide-map-duplicates',
    what: 'a map repeating the same 50 keys thousands of times',
    build: (n) => `${BASE}x-wide:\n${lines(n, (i) => `  k${i % 50}: 1`)}\n`,
  },
  {
    name: 'wide-flow-map',
    what: 'a one-line flow map with thousands of keys',
    build: (n) => replaceOnce(MISSION, `${MISSION}\nx-flow: {${lines(n, (i) => `k${i}: v,`).replace(/\n/g, ' ')} end: 1}`),
  },
  {
    name: 'deep-one-line',
    what: 'lines opening thousands of nested collections (- - -, a: b: c:, ? ? ?)',
    build: (n) => replaceOnce('  name: Payments', `  name: Payments\n  x-seq:\n    ${run('- ', n / 3)}x\n  x-map: a${run(' b:', n / 3)}\n  ${run('? ', n / 3)}x`),
  },
  {
    name: 'line-words',
    what: 'a mission line of words',
    singleLine: true,
    build: (n) => replaceOnce(MISSION, `mission: ${run('merchants get paid ', n)}`),
  },
  {
    name: 'line-spaces',
    what: 'an owner line that is a run of spaces between two names',
    singleLine: true,
    build: (n) => replaceOnce(FIRST_OWNER, `    owner: ana${run(' ', n)}ben\n    boundary: team`),
  },
  {
    name: 'line-flow-list',
    what: 'a consult flow list',
    singleLine: true,
    build: (n) => replaceOnce('    consult: [ben]', `    consult: [${run('ben, ', n)}ben]`),
  },
  {
    name: 'line-comment',
    what: 'a comment line full of # and spaces',
    singleLine: true,
    build: (n) => replaceOnce(MISSION, `${MISSION} # charter-disable-line ${run(' # -- x', n)}`),
  },
  {
    name: 'line-quoted-escapes',
    what: 'a double-quoted done text of escapes and separators',
    singleLine: true,
    build: (n) => replaceOnce(INTENT_DONE, `  done: "good${run('\\t .;,\\"', n)}"`),
  },
];
