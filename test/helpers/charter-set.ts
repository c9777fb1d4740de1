// Reads a folder as the root of one charter set (charters, the nearest `.charterrc.*` of each, the
// root config's `ignores` as folder prefixes) and checks it with the organisation rules.
import fs from 'node:fs';
import path from 'node:path';
import { parseConfigText } from '../../server/src/engine/config';
import type { CharterConfig, Finding } from '../../server/src/engine/model';
import { checkSet } from '../../server/src/org/check-set';

const CHARTER = /^(team-charter|.+\.charter)\.ya?ml$/;

function configIn(dir: string): CharterConfig | undefined {
  const file = ['.charterrc.yaml', '.charterrc.yml', '.charterrc.json'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  return file ? parseConfigText(fs.readFileSync(file, 'utf8'), file) : undefined;
}

export function checkCharterSet(root: string, today: string): Array<{ file: string; text: string; findings: Finding[] }> {
  const rootConfig = configIn(root);
  const ignores = ((rootConfig as { ignores?: string[] } | undefined)?.ignores ?? []).map((g) => g.replace(/\/$/, ''));
  const files = fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => CHARTER.test(path.posix.basename(f)) && !ignores.some((g) => f === g || f.startsWith(g + '/')))
    .sort();
  const configOf = (file: string): CharterConfig | undefined => {
    for (let dir = path.dirname(path.join(root, file)); dir.startsWith(root); dir = path.dirname(dir)) {
      const c = configIn(dir);
      if (c) return c;
      if (dir === root) break;
    }
    return undefined;
  };
  const members = files.map((file) => ({ file, text: fs.readFileSync(path.join(root, file), 'utf8'), config: configOf(file) }));
  const texts = new Map(members.map((m) => [m.file, m.text]));
  return checkSet(members, { rootConfig, today }).map((c) => ({ file: c.file, text: texts.get(c.file)!, findings: c.analysis.findings }));
}
