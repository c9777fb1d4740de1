// Short YAML texts that reach every state of yaml's lexer and parser and every token they emit,
// and the ways each can go wrong: edge cases for tests that compare our own checks (repeated keys)
// with yaml's.
export const YAML_EDGE_CASES = [
  '', ' ', '\n', '\n\n  \n', '#', '# only a comment', '---', '...', '--- # c\n...\n', '---\n---\n', 'a\n---\nb\n...\n--- c\n',
  '%YAML 1.2\n---\na: 1\n', '%YAML 1.1 # c\n%TAG ! tag:example.com,2000:\n--- !foo\nx\n', '%YAML 1.2\n', '%FOO bar\n---\n', '% \n---\n',
  '\uFEFFa: 1\n', '\uFEFF', 'a: 1\r\nb:\r\n  - x\r\n', 'a: 1\rb: 2\r', '\ta: 1\n', 'a:\n\t- x\n', 'a: \t1\t# c\t\n',
  'a: [1, 2, {b: c, d: [e]}]\n', 'a: [1, 2\n', 'a: {b: 1, c\n', 'a: [b: c, ? d : e]\n', '[a, b]: c\n', '{a: 1}\n', '{ ? a : b, [c]: d }\n',
  'a: [\n  1,\n  2,\n]\n', 'a: ]\n', 'a: }\n', '[a,,b]\n', '{,}\n', ']\n', '--- }\n', '- a\n]\n', 'a: 1\n...\n]\n', '- [a\n- b]\n', 'a: [b\n c]\n', '[\n- a\n]\n',
  'a: "x\\ny\\u263A\\x41"\n', "a: 'it''s'\n", 'a: "multi\n  line"\n', "a: 'unterminated\n", 'a: "unterminated\n', 'a: "x" y\n', '"a": 1\n', "'a' : 1\n",
  'a: |\n  one\n  two\n', 'a: >-\n  folded\n  text\n\n  more\n', 'a: |+2\n    kept\n\n', 'a: |-\n', 'a: |x\n  bad\n', 'a: >\n\n  lead\n', '- |\n  x\n- >\n  y\n', 'a: |\n  x\n b\n', 'a: |\nb: 1\n', '- |\n- x\n', 'a:\n  b: >-\n  c: 1\n', '? |\n: x\n',
  '? a\n: b\n', '? - a\n  - b\n: c\n', '?\n', ': x\n', 'a:\n  ? b\n  : c\n',
  'a: &x 1\nb: *x\n', 'a: &x [1, *x]\n', '&a\n', '*a\n', 'a: !!str 1\nb: !local x\nc: !<tag:x> y\n', 'a: ! x\n', '!!map\na: 1\n', '&a !!str\n  b\n',
  'a:\n- b\n- c\n', 'a:\n  - b\n  -\n  - - c\n    - d\n', '- a: 1\n  b: 2\n- c\n', '-\n-\n', '- - - x\n', 'a: - b\n', '-a\n', '- a\n b\n',
  'a: b: c\n', 'a: 1\na: 2\n', 'a:\n  b: 1\n c: 2\n', 'a: 1\n  b: 2\n', 'a\nb: c\n', 'a: b\nc\n', 'key with spaces: value with: colon\n', 'a:b\n', 'a :b\n',
  'a: 1 # c\n# between\n\nb: 2 #c2\n', 'a: # c\n  b\n', '- # c\n  x\n', 'a:\n  # c\n  b: 1\n', 'a: "x" # c\nb: [1, # c\n  2]\n',
  'a: @x\n', 'a: `x`\n', 'a: %x\n', '@\n', '\u0000', 'a: \u0000\n', 'a: 1\n\u0085b: 2\n', '\u2028a: 1', '- \uFEFF\n',
  'a: 2026-12-03\nb: 0x1F\nc: .inf\nd: ~\ne: null\nf: true\ng: 1e3\n', 'a: <<\n<<: {b: 1}\n', 'very-long: ' + 'x'.repeat(2000) + '\n',
  '- ' + '['.repeat(50) + ']'.repeat(50) + '\n', 'a:\n' + '  '.repeat(30) + 'b: 1\n', 'a: "' + '\\'.repeat(9) + '"\n',
];
