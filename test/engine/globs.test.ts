// `ignores` globs that match nothing (or not what they look like they match) are named, with the
// glob to write instead; ordinary gitignore-style globs pass.
import assert from 'node:assert/strict';
import { globProblem } from '../../server/src/engine/globs';

describe('ignores glob syntax', () => {
  for (const ok of ['archive/', '/drafts', '**/*.draft.charter.yaml', 'teams/*/old/', '[abc]*.yaml', '[!x]y', 'a\\[literal\\].yaml', 'file\\ with\\ space', '*.charter.y?ml']) {
    it(`accepts ${JSON.stringify(ok)}`, () => assert.equal(globProblem(ok), undefined));
  }
  const bad: Array<[string, RegExp]> = [
    ['!keep.yaml', /negation \("!"\) is not supported/],
    ['#notes', /comment and matches nothing \(write \\# for a literal #\)/],
    ['./archive/', /"\.\/" never matches.*\(write "archive\/"\)/],
    ['../other/', /"\.\." never matches/],
    ['teams/../x', /"\.\." never matches/],
    ['archive\\', /trailing "\\" escapes nothing/],
    ['teams\\old\\', /separate folders with "\/" \("teams\/old\/"\)/],
    ['[abc.yaml', /unclosed "\["/],
    ['x[', /unclosed "\["/],
    ['[z-a].yaml', /range "z-a" in "\[…\]" is reversed, so it matches nothing \(write "a-z"\)/],
    ['*.{yaml,yml}', /braces are not expanded.*\("\*\.yaml", "\*\.yml"\)/],
  ];
  for (const [glob, message] of bad) {
    it(`names what is wrong with ${JSON.stringify(glob)}`, () => assert.match(globProblem(glob) ?? '', message));
  }
});
