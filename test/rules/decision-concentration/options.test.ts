// decision-concentration's `min` and `ratio` options, as a user configuring .charterrc sees them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lint } from '../../../server/src/lint';
import type { CharterConfig } from '../../../server/src/lint';
import { FIXTURES } from '../../helpers/fixtures';

// Three members, five decisions, ana owns three.
const text = fs.readFileSync(path.join(FIXTURES, 'decision-concentration/bad.yaml'), 'utf8');
const config = (options: Record<string, unknown>): CharterConfig => ({ rules: { 'decision-concentration': ['info', options] } });
const concentrated = (cfg?: CharterConfig) => lint(text, { config: cfg, today: '2026-11-25' }).filter((f) => f.rule === 'decision-concentration');

describe('decision-concentration options', () => {
  it('by default 3 of 5 decisions owned by one person is reported, with each as related information', () => {
    const [finding] = concentrated();
    assert.equal(finding.message, '"ana" owns 3 of 5 decisions: the rest of the team waits for one person to make most calls');
    assert.equal(finding.related?.length, 3);
  });

  it('min is the number of decisions the charter needs before it is judged; ratio the share', () => {
    assert.equal(concentrated(config({ min: 6 })).length, 0);
    assert.equal(concentrated(config({ min: 5 })).length, 1);
    assert.equal(concentrated(config({ ratio: 0.61 })).length, 0);
    assert.equal(concentrated(config({ ratio: 0.4 })).length, 1);
  });
});
