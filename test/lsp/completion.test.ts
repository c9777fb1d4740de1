import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, lint } from '../../server/src/lint';
import { parseCharter } from '../../server/src/engine/parse';
import { snippetDefaults } from '../../server/src/service/skeletons';
import { BASE_CHARTER, MINIMAL_CAPABILITIES, TODAY, TestClient, positionOf, tempDir, uriOf } from './client';

const CURSOR = '¦';

describe('language server: completion', function () {
  let client: TestClient;
  let plain: TestClient;
  let dir: string;
  let n = 0;
  before(async () => {
    dir = tempDir();
    client = await TestClient.start({ folders: [dir] });
    plain = await TestClient.start({ folders: [dir], capabilities: MINIMAL_CAPABILITIES });
  });
  after(async () => {
    await client.stop();
    await plain.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Opens `text` (with ¦ marking the cursor) and asks for completions there. */
  async function complete(textWithCursor: string, on = client): Promise<{ items: CompletionItem[]; text: string; uri: string }> {
    const position = positionOf(textWithCursor, CURSOR);
    const text = textWithCursor.replace(CURSOR, '');
    const uri = uriOf(path.join(dir, `c${++n}.charter.yaml`));
    await on.open(uri, text);
    const result = await on.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    await on.close(uri);
    return { items: Array.isArray(result) ? result : result.items, text, uri };
  }
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);
  const apply = (text: string, item: CompletionItem) => applyEdits(text, [item.textEdit as TextEdit]);

  it('offers the keys a decision can still have, with schema descriptions, and not those present', async () => {
    const { items, text } = await complete(BASE_CHARTER.replace('    owner: ben\n    boundary: team\n', `    boundary: team\n    ${CURSOR}\n`));
    assert.deepEqual(labels(items).sort(), ['approver', 'consult', 'escalate_to', 'inform', 'owner', 'revisit'].sort());
    const owner = items.find((i) => i.label === 'owner')!;
    assert.equal(owner.detail, 'party reference');
    assert.match(JSON.stringify(owner.documentation), /Exactly one party who makes the call/);
    assert.match(apply(text, owner), /\n {4}boundary: team\n {4}owner: \n/);
  });

  it('completes a half-typed key on a line that does not parse yet', async () => {
    const { items, text } = await complete(BASE_CHARTER.replace('    owner: ben\n    boundary: team\n', `    boundary: team\n    ow${CURSOR}\n`));
    const owner = items.find((i) => i.label === 'owner');
    assert.ok(owner);
    assert.match(apply(text, owner), /\n {4}owner: \n {4}risk_owner: ben\n/);
  });

  it('offers top-level sections that are missing, not the ones present', async () => {
    const { items } = await complete(BASE_CHARTER.replace('\nmilestones:', `\n${CURSOR}\nmilestones:`));
    const keys = labels(items.filter((i) => i.kind === 10));
    assert.ok(keys.includes('vision'));
    for (const present of ['charter', 'team', 'members', 'decisions', 'milestones']) assert.ok(!keys.includes(present), present);
  });

  it('offers party ids in an owner field, with name and role as detail', async () => {
    const { items } = await complete(BASE_CHARTER.replace('    owner: ben\n    boundary: team', `    owner: ${CURSOR}\n    boundary: team`));
    assert.deepEqual(labels(items), ['ana', 'ben', 'lead', 'engineer', 'finance']);
    assert.equal(items[0].detail, 'Ana Silva · lead');
    assert.match(items[4].detail!, /stakeholder/);
  });

  it('counts a lone CR as a line break, as LSP does', async () => {
    const { items } = await complete(BASE_CHARTER.replace('    owner: ben\n    boundary: team', `    owner: ${CURSOR}\n    boundary: team`).replace(/\n/g, '\r'));
    assert.deepEqual(labels(items), ['ana', 'ben', 'lead', 'engineer', 'finance']);
  });

  it('right after the colon (the ":" trigger), inserts a space before the value', async () => {
    const { items, text } = await complete(BASE_CHARTER.replace('    owner: ben\n    boundary: team', `    owner:${CURSOR}\n    boundary: team`));
    const ben = items.find((i) => i.label === 'ben')!;
    assert.match(apply(text, ben), /\n {4}owner: ben\n {4}boundary: team/);
  });

  it('leaves out parties already in a flow list, and the owner from approver', async () => {
    const consult = await complete(BASE_CHARTER.replace('consult: [ben]', `consult: [ben, ${CURSOR}]`));
    assert.ok(!labels(consult.items).includes('ben'));
    assert.ok(labels(consult.items).includes('finance'));
    const approver = await complete(BASE_CHARTER.replace('approver: finance', `approver: ${CURSOR}`));
    assert.ok(!labels(approver.items).includes('ana'), 'ana owns fee-changes');
  });

  it('offers enum values for boundary, experience, status, cadence and covers', async () => {
    const at = async (from: string, to: string) => labels((await complete(BASE_CHARTER.replace(from, to))).items);
    assert.deepEqual(await at('boundary: escalate', `boundary: ${CURSOR}`), ['team', 'consult', 'escalate']);
    assert.deepEqual(await at('experience: expert', `experience: ${CURSOR}`), ['new', 'developing', 'proficient', 'expert']);
    assert.deepEqual(await at('status: in-progress', `status: ${CURSOR}`), ['planned', 'in-progress', 'done', 'dropped']);
    assert.deepEqual(await at('covers: [progress, changes, issues]', `covers: [progress, changes, issues, ${CURSOR}]`), ['risks', 'decisions']);
    const cadence = await at('    cadence: weekly\n    owner: ana', `    cadence: ${CURSOR}\n    owner: ana`);
    for (const c of ['daily', 'weekly', 'biweekly', 'on-milestone']) assert.ok(cadence.includes(c), c);
  });

  it('replaces the partly typed value, inside quotes too', async () => {
    const { items, text } = await complete(BASE_CHARTER.replace('boundary: escalate', `boundary: "esc${CURSOR}"`));
    const escalate = items.find((i) => i.label === 'escalate')!;
    assert.match(apply(text, escalate), /boundary: "escalate"\n/);
  });

  it('offers milestone ids in checkin.milestones and decision ids in risk.decisions', async () => {
    const milestones = await complete(BASE_CHARTER.replace('    purpose: Progress', `    milestones: [${CURSOR}]\n    purpose: Progress`));
    assert.deepEqual(labels(milestones.items), ['pilot']);
    assert.match(milestones.items[0].detail!, /Next-day payouts for pilot merchants/);
    const decisions = await complete(BASE_CHARTER.replace('decisions: [payout-batching]', `decisions: [payout-batching, ${CURSOR}]`));
    assert.deepEqual(labels(decisions.items), ['fee-changes']);
  });

  it('offers party ids as block list items too', async () => {
    const { items } = await complete(BASE_CHARTER.replace('    participants: [ana, ben]\n', `    participants:\n      - ana\n      - ${CURSOR}\n`));
    assert.ok(labels(items).includes('ben'));
    assert.ok(!labels(items).includes('ana'));
  });

  describe('inside a one-line flow map', () => {
    const FLOW = '  - { id: payout-batching, scope: How payouts are batched, owner: ben, boundary: team, risk_owner: ben }';
    const withFlow = (entry: string) => {
      const text = BASE_CHARTER.replace('  - id: payout-batching\n    scope: How payouts are batched and scheduled\n    owner: ben\n    boundary: team\n    risk_owner: ben', entry);
      assert.notEqual(text, BASE_CHARTER);
      return text;
    };

    it('offers the keys the entry does not have yet, each with ": "', async () => {
      const { items, text } = await complete(withFlow(FLOW.replace(', risk_owner', `, ${CURSOR}, risk_owner`)));
      const keys = labels(items);
      assert.ok(keys.includes('approver') && keys.includes('consult'), JSON.stringify(keys));
      for (const present of ['id', 'scope', 'owner', 'boundary', 'risk_owner']) assert.ok(!keys.includes(present), present);
      const consult = items.find((i) => i.label === 'consult')!;
      const after = apply(text, consult);
      assert.ok(after.includes('boundary: team, consult: , risk_owner: ben }'), after);
    });

    it('completes a half-typed key after a comma with a space between', async () => {
      const { items, text } = await complete(withFlow(FLOW.replace(' }', `,appr${CURSOR} }`)));
      const approver = items.find((i) => i.label === 'approver');
      assert.ok(approver, JSON.stringify(labels(items)));
      assert.ok(apply(text, approver).includes('risk_owner: ben, approver:  }'));
    });

    it('offers party ids and enum values for its fields', async () => {
      const owner = await complete(withFlow(FLOW.replace('owner: ben,', `owner: ${CURSOR},`)));
      assert.deepEqual(labels(owner.items), ['ana', 'ben', 'lead', 'engineer', 'finance']);
      assert.ok(apply(owner.text, owner.items[0]).includes('owner: ana, boundary: team'));
      const boundary = await complete(withFlow(FLOW.replace('boundary: team', `boundary: c${CURSOR}`)));
      const consult = boundary.items.find((i) => i.label === 'consult')!;
      assert.ok(apply(boundary.text, consult).includes('boundary: consult, risk_owner'), apply(boundary.text, consult));
    });

    it('offers party ids in a flow list inside it, leaving out those present', async () => {
      const { items } = await complete(withFlow(FLOW.replace(' }', `, consult: [ana, ${CURSOR}] }`)));
      assert.ok(labels(items).includes('finance'));
      assert.ok(!labels(items).includes('ana'));
    });

    it('works for a map value written in flow style too', async () => {
      const { items } = await complete(BASE_CHARTER.replace(/\nupdates:\n(?: {2}.*\n)+/, `\nupdates: { cadence: weekly, owner: ana, ${CURSOR} }\n`));
      const keys = labels(items);
      assert.ok(keys.includes('channel') && keys.includes('covers'), JSON.stringify(keys));
      assert.ok(!keys.includes('cadence') && !keys.includes('owner'));
    });

    it('offers nothing after the closing brace', async () => {
      assert.deepEqual((await complete(withFlow(`${FLOW} ${CURSOR}`))).items, []);
    });
  });

  it('offers a "New decision" snippet in the decisions list', async () => {
    const { items } = await complete(BASE_CHARTER.replace('\ncheckins:', `  - ${CURSOR}\n\ncheckins:`));
    const snippet = items.find((i) => i.label === 'New decision');
    assert.ok(snippet, JSON.stringify(labels(items)));
    assert.equal(snippet.insertTextFormat, 2);
    assert.match((snippet.textEdit as TextEdit).newText, /^id: \$\{1:new-decision\}\n {4}scope: /);
    assert.match((snippet.textEdit as TextEdit).newText, /owner: \$\{3\|ana,/);
  });

  it('the snippets for a new decision, check-in and milestone insert entries that parse, with TODO placeholders the rules flag', async () => {
    for (const [section, label] of [
      ['decisions', 'New decision'],
      ['checkins', 'New check-in'],
      ['milestones', 'New milestone'],
    ]) {
      const marker = { decisions: '\ncheckins:', checkins: '\nmilestones:', milestones: '\nupdates:' }[section]!;
      const { items, text } = await complete(BASE_CHARTER.replace(marker, `  ${CURSOR}\n${marker}`));
      const item = items.find((i) => i.label === label);
      assert.ok(item, `${label} in ${JSON.stringify(labels(items))}`);
      assert.equal(item.insertTextFormat, 2);
      const edit = item.textEdit as TextEdit;
      const after = applyEdits(text, [{ ...edit, newText: snippetDefaults(edit.newText) }]);
      const model = parseCharter(after);
      assert.deepEqual(model.syntaxErrors, [], after);
      const entries = model.lists[section as 'decisions'];
      assert.equal(entries[entries.length - 1].id?.startsWith('new-'), true);
      assert.ok(lint(after, { today: TODAY }).some((f) => f.rule === 'placeholder-text'), 'placeholders are visible');
    }
  });

  it('offers no multi-line skeletons to a client without snippet support (Vim would insert them as one line)', async () => {
    const { items } = await complete(BASE_CHARTER.replace('\ncheckins:', `  - ${CURSOR}\n\ncheckins:`), plain);
    assert.ok(!items.some((i) => i.kind === 15), JSON.stringify(labels(items)));
  });

  it('offers a whole section snippet at the top level when the section is missing', async () => {
    const noMilestones = BASE_CHARTER.replace(/\nmilestones:[\s\S]*?\n\nupdates:/, '\nupdates:');
    const { items, text } = await complete(noMilestones.replace('\nupdates:', `\n${CURSOR}\nupdates:`));
    const item = items.find((i) => i.label.startsWith('milestones (with'));
    assert.ok(item, JSON.stringify(labels(items)));
    const edit = item.textEdit as TextEdit;
    const after = applyEdits(text, [{ ...edit, newText: snippetDefaults(edit.newText) }]);
    assert.equal(parseCharter(after).lists.milestones.length, 1);
  });

  it('returns nothing inside comments and multi-line text, and for unknown documents', async () => {
    assert.deepEqual((await complete(BASE_CHARTER.replace('# A small charter', `# A ${CURSOR}small charter`))).items, []);
    const block = BASE_CHARTER.replace('mission: Merchants get paid within one day of every sale.', `mission: |\n  Merchants get paid\n  wi${CURSOR}`);
    assert.deepEqual((await complete(block)).items, []);
    const unknown = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uriOf(path.join(dir, 'never-opened.charter.yaml')) }, position: { line: 0, character: 0 } });
    assert.deepEqual(unknown, []);
  });
});
