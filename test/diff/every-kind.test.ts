// Every kind of change `diff` reports, in one charter pair (test/diff/fixtures/every-kind), against
// golden files in text, markdown and json: each change is in all three formats.
import assert from 'node:assert/strict';
import path from 'node:path';
import { escapeMarkdownText } from '../../server/src/cli/formats/escape-markdown';
import { CATEGORIES, CHANGE_KINDS } from '../../server/src/diff';
import { DIFF_FIXTURES, TODAY, golden, runCli } from './helpers';

const DIR = path.join(DIFF_FIXTURES, 'every-kind');
const ARGS = ['diff', '--today', TODAY, 'base/team-charter.yaml', 'head/team-charter.yaml'];

/** Every `kind` a change can have, with what it is about in this fixture. */
const KINDS: Record<string, string> = {
  'team-renamed': 'team "Payments" → "Payouts"',
  'team-id-changed': 'team id payments → payouts',
  'parent-moved': 'team parent commerce → finance-platform',
  'text-changed': 'mission, vision, description, intent, scope, purpose, mitigation reworded / added / removed',
  'entry-added': 'priority, member, role, stakeholder, decision, check-in, risk added',
  'entry-removed': 'the same removed',
  'entry-renamed': 'stakeholder support → merchant-support',
  'priority-moved': 'payouts rank 1 → 3',
  'priority-retitled': 'latency "250 ms" → "300 ms"',
  'role-changed': "ben's role",
  'experience-changed': "chloe's experience",
  'stakeholder-kind-changed': 'finance team → group',
  'list-changed': 'consult, inform, agreed_with, covers, risk decisions',
  'owner-changed': 'owner, approver, risk owner, escalate_to, updates owner',
  'boundary-changed': 'payout-batching team → consult',
  'cadence-changed': 'check-ins and updates',
  'participants-changed': 'weekly-sync',
  'date-changed': 'revisit, until',
  'minutes-changed': 'set and removed',
  'value-changed': 'updates channel',
  'done-changed': 'intent and milestone',
  'due-changed': 'pilot',
};

describe('diff: every change kind, in text, markdown and json (golden files)', () => {
  const run = (...extra: string[]) => runCli([...ARGS, ...extra], { cwd: DIR });

  it('json: every kind and every category occurs, and nothing introduces an error', async () => {
    const r = await run('-f', 'json');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    const changes: Array<{ kind: string; category: string; message: string }> = report.charters[0].changes;
    assert.deepEqual([...new Set(changes.map((c) => c.kind))].sort(), Object.keys(KINDS).sort());
    assert.deepEqual(Object.keys(KINDS).sort(), [...CHANGE_KINDS].sort(), 'the fixture covers every kind there is');
    for (const category of CATEGORIES) assert.ok(report.summary.changes[category] > 0, `no change in category ${category}`);
    const byMessage = (m: string) => changes.find((c) => c.message === m);
    assert.ok(byMessage('mission changed from "Merchants get paid within one day of every sale." to "Merchants get paid within one hour of every sale."'));
    assert.ok(byMessage('priority "payouts": reordered, rank 1 → 3'));
    assert.ok(byMessage('priority "latency": retitled from "Payout API p95 under 250 ms" to "Payout API p95 under 300 ms"'));
    assert.ok(byMessage('risk "vendor-lock-in": mitigation removed (was "Keep the provider behind our own payout interface.")'));
    assert.deepEqual(
      report.charters[0].decisionRights.map((d: { decision: string; status: string }) => [d.decision, d.status]),
      [['payout-batching', 'changed'], ['fee-changes', 'changed'], ['bank-choice', 'added'], ['refund-policy', 'removed']],
    );
    golden('every-kind.json', r.stdout);
  });

  it('text and markdown list every change of the json, each exactly once', async () => {
    const [charter] = JSON.parse((await run('-f', 'json')).stdout).charters;
    const changes: Array<{ message: string }> = charter.changes;
    const text = (await run()).stdout;
    const markdown = (await run('-f', 'markdown')).stdout;
    const textItems = text.split('\n').filter((l) => /^ {4}[-+~] /.test(l)).map((l) => l.slice(6));
    const markdownItems = markdown.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
    const findings = charter.findings.introduced.length + charter.findings.resolved.length;
    assert.deepEqual(textItems.slice(findings), changes.map((c) => c.message));
    assert.deepEqual(markdownItems.slice(findings), changes.map((c) => escapeMarkdownText(c.message)));
    golden('every-kind.txt', text);
    golden('every-kind.md', markdown);
  });

  it('markdown: one picture with the four decisions whose parties changed, and a column per category', async () => {
    const markdown = (await run('-f', 'markdown')).stdout;
    const block = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
    assert.deepEqual(block.match(/^ {2}d\d+\[.*$/gm), ['  d1["payout-batching"]', '  d2["fee-changes"]', '  d3["bank-choice (new)"]', '  d4["refund-policy (removed)"]']);
    // fee-changes: approver finance → cfo, risk owner ana → finance, escalate_to finance → legal, chloe consulted.
    const node = (label: string) => new RegExp(`^ {2}(p\\d+)\\(\\["${label}"\\]\\)$`, 'm').exec(block)?.[1];
    const [finance, cfo, ana, legal, chloe] = ['finance', 'cfo', 'ana', 'legal', 'chloe'].map(node);
    for (const edge of [`${finance} -.->|AE| d2`, `${cfo} ==>|A| d2`, `${ana} -.->|R| d2`, `${finance} ==>|R| d2`, `${legal} ==>|E| d2`, `${chloe} ==>|C| d2`, `${ana} -->|O| d2`]) {
      assert.ok(block.includes(`  ${edge}\n`), `missing edge ${edge}`);
    }
    const header = markdown.split('\n').find((l) => l.startsWith('| Charter'));
    assert.equal(header, '| Charter | Findings introduced | Resolved | Team | Priorities | People | Decisions | Ownership | Boundaries | Check-ins | Updates | Done | Milestones | Risks |');
  });
});
