// The workspace the extension tests open: the e2e fixture charter twice (one copy per test
// group that edits it), copied to a temporary folder so the repository's files never change.
import fs from 'node:fs';
import path from 'node:path';

const FIXTURE = path.resolve(__dirname, '../../../test/e2e/workspace/team-charter.yaml');

/** Files the suite expects in the workspace folder. */
export const WORKSPACE_FILES = { editing: 'team-charter.yaml', fixAll: 'payments.charter.yaml' };

export function prepareWorkspace(dir: string): string {
  for (const name of Object.values(WORKSPACE_FILES)) fs.copyFileSync(FIXTURE, path.join(dir, name));
  return dir;
}
