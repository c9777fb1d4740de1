// The organisation view at the size of a real repository (the generated 300-charter set): what the
// charter set costs the CLI (with vs --no-org), the editor's first publish that includes a
// charter's organisation findings (vs the CLI linting the whole set), and typing in one charter of
// the set (keystroke p95 and peak memory vs the same charter in a folder of its own).
import fs from 'node:fs';
import path from 'node:path';
import { rules as RULES } from '../../server/src/rules/registry.generated';
import { writeRepository } from './org-repo';
import { cliLintArgs, timeProcess } from './cli-bench';
import { firstCheck, serverSpecs, singleCharterWorkspace, typingSession } from './server-measure';
import { judge } from './section';
import type { BenchContext, Section, SectionResult } from './section';
import { median, mib, ms, pairedRatio, ratio, round, spread, table, withIqr } from './stats';

// The organisation rules are the registry's set rules.
const ORG_RULES = new Set(RULES.filter((r) => r.checkSet).map((r) => r.id));
const KEYSTROKES = 50;

export const orgSection: Section = {
  name: 'org',
  summary: 'the organisation view on the generated repository: CLI with vs --no-org, first publish, typing in one charter of the set',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const dir = path.join(ctx.workDir, 'org-repository');
    const repo = writeRepository(dir, { charters: ctx.args.charters, seed: ctx.args.seed });
    const runs = ctx.args.quick ? 3 : 5;
    const cli = path.join(ctx.root, 'bin/team-charter.js');
    ctx.log(`  ${repo.charters.length} charters, ${repo.lines.toLocaleString('en-US')} lines`);

    // CLI, alternating which goes first.
    const withOrg: number[] = [];
    const noOrg: number[] = [];
    let report: { files: Array<{ path: string; findings: Array<{ rule: string }> }> } | undefined;
    for (let i = 0; i < runs; i++) {
      const pair = i % 2 === 0 ? [false, true] : [true, false];
      for (const alone of pair) {
        const r = await timeProcess(cliLintArgs(cli, '.', alone ? ['--no-org'] : []), dir);
        (alone ? noOrg : withOrg).push(r.ms);
        if (!alone && !report) report = JSON.parse(r.stdout);
      }
    }
    // The charter to open: one the CLI gives organisation findings, near the middle of the set.
    const withFindings = (report?.files ?? []).filter((f) => f.findings.some((x) => ORG_RULES.has(x.rule)));
    const chosen = withFindings[Math.floor(withFindings.length / 2)]?.path ?? repo.charters[Math.floor(repo.charters.length / 2)].path;
    const file = path.join(dir, chosen);
    const text = fs.readFileSync(file, 'utf8');
    ctx.log(`  opening ${chosen}`);

    const { ours } = serverSpecs(ctx.root);
    const firstPublish: number[] = [];
    let sawOrg = false;
    for (let i = 0; i < runs; i++) {
      const c = await firstCheck(ours, { workspace: dir, file, openDelayMs: 0 });
      firstPublish.push(c.spawnToDiagnosticsMs);
      sawOrg ||= c.diagnostics.some((d) => ORG_RULES.has(String(d.code)));
    }

    const aloneDir = path.join(ctx.workDir, 'org-alone');
    const aloneFile = singleCharterWorkspace(aloneDir, text);
    const inSet = await typingSession(ours, { workspace: dir, file, keystrokes: KEYSTROKES });
    const alone = await typingSession(ours, { workspace: aloneDir, file: aloneFile, keystrokes: KEYSTROKES });
    // Not a target, but what the target's text value does not show: typing in what the
    // organisation rules read (a member's name) runs them over the whole set again.
    const at = memberNamePosition(text);
    const nameInSet = at && (await typingSession(ours, { workspace: dir, file, keystrokes: KEYSTROKES, at }));
    const nameAlone = at && (await typingSession(ours, { workspace: aloneDir, file: aloneFile, keystrokes: KEYSTROKES, at }));

    const cliOrg = median(withOrg);
    const cliAlone = median(noOrg);
    // Each pair of runs is one of each, next to each other: the ratio is taken per pair.
    const cliPairs = pairedRatio(withOrg, noOrg);
    const targets = [
      judge('org-cli', `CLI lint of ${repo.charters.length} charters with organisation rules ÷ --no-org`, 1.3, cliPairs.median, `${ms(cliOrg)} vs ${ms(cliAlone)}; per pair of runs ${withIqr(cliPairs, ratio)}`),
      judge('org-first-publish', `spawn → first publish with organisation findings, in a ${repo.charters.length}-charter workspace ÷ team-charter lint of it`, 1.5, median(firstPublish) / cliOrg, `${ms(median(firstPublish))} vs ${ms(cliOrg)}`, sawOrg ? undefined : 'the opened charter got no organisation finding'),
      judge('org-keystroke', `keystroke p95 in 1 of ${repo.charters.length} charters ÷ the same charter alone`, 1.5, inSet.p95 / alone.p95, `${ms(inSet.p95)} vs ${ms(alone.p95)}`),
      judge('org-rss', `peak RSS after indexing, opening one charter and ${KEYSTROKES} keystrokes ÷ the same alone`, 2, (inSet.peakRssMiB ?? NaN) / (alone.peakRssMiB ?? NaN), `${mib(inSet.peakRssMiB)} vs ${mib(alone.peakRssMiB)}`),
    ];
    const body = [
      `### Organisation view (${repo.charters.length} charters, ${repo.lines.toLocaleString('en-US')} lines; median, interquartile range in brackets)`,
      '',
      table(['measure', 'value'], [
        ['CLI lint, organisation rules on', withIqr(spread(withOrg))],
        ['CLI lint, --no-org', withIqr(spread(noOrg))],
        [`server: spawn → first publish of ${chosen}`, withIqr(spread(firstPublish))],
        [`keystroke p95, in the set / alone (${KEYSTROKES} keystrokes)`, `${ms(inSet.p95)} / ${ms(alone.p95)}`],
        ['peak RSS, in the set / alone', `${mib(inSet.peakRssMiB)} / ${mib(alone.peakRssMiB)}`],
        ...(nameInSet && nameAlone ? [[`keystroke p95 in a member's name (the organisation rules run again), in the set / alone`, `${ms(nameInSet.p95)} / ${ms(nameAlone.p95)}`]] : []),
      ], 'll'),
    ].join('\n');
    return {
      report: body,
      targets,
      json: { charters: repo.charters.length, cliOrgMs: withOrg.map((v) => round(v)), cliNoOrgMs: noOrg.map((v) => round(v)), firstPublishMs: firstPublish.map((v) => round(v)), keystrokeP95: [round(inSet.p95), round(alone.p95)], memberNameKeystrokeP95: nameInSet && nameAlone ? [round(nameInSet.p95), round(nameAlone.p95)] : null, peakRssMiB: [round(inSet.peakRssMiB), round(alone.peakRssMiB)] },
    };
  },
};

/** The end of the first member's `name` value, or undefined when the charter has none. */
function memberNamePosition(text: string): { line: number; character: number } | undefined {
  const lines = text.split('\n');
  const members = lines.findIndex((l) => /^members:\s*$/.test(l));
  if (members < 0) return undefined;
  for (let i = members + 1; i < lines.length && !/^\S/.test(lines[i]); i++) {
    if (/^\s+(?:- )?name: \S/.test(lines[i])) return { line: i, character: lines[i].length };
  }
  return undefined;
}
