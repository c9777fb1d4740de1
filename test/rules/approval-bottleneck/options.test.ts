// approval-bottleneck's `min` and `ratio` options, as a user configuring .charterrc sees them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lint } from '../../../server/src/lint';
import type { CharterConfig } from '../../../server/src/lint';
import { FIXTURES } from '../../helpers/fixtures';

// Finance approves or takes the escalations of 3 of 4 decisions.
const text = fs.readFileSync(path.join(FIXTURES, 'approval-bottleneck/bad.yaml'), 'utf8');
const config = (options: Record<string, unknown>): CharterConfig => ({ rules: { 'approval-bottleneck': ['warning', options] } });
const bottlenecks = (cfg?: CharterConfig) => lint(text, { config: cfg, today: '2026-11-25' }).filter((f) => f.rule === 'approval-bottleneck');

describe('approval-bottleneck options', () => {
  it('by default 3 of 4 decisions is a bottleneck, with each decision as related information', () => {
    const [finding] = bottlenecks();
    assert.equal(finding.message, '"finance" approves or takes the escalations of 3 of 4 decisions: every blocked or reserved call queues behind one person');
    assert.equal(finding.related?.length, 3);
  });

  it('min and ratio raise the bar; both must be met', () => {
    assert.equal(bottlenecks(config({ min: 4 })).length, 0);
    assert.equal(bottlenecks(config({ ratio: 0.8 })).length, 0);
    assert.equal(bottlenecks(config({ min: 3, ratio: 0.75 })).length, 1);
    assert.equal(bottlenecks(config({ min: 2, ratio: 0.25 })).length, 1);
  });

  it('an option outside its range keeps the default', () => {
    assert.equal(bottlenecks(config({ min: 0, ratio: 1.5 })).length, 1);
  });
});
