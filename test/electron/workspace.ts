// The workspace the extension tests open: the e2e fixture charter twice (one copy per test
// group that edits it), copied to a temporary folder so the repository's files never change. The
// second copy has a team id of its own: the two are one charter set, where a shared id is a finding.
import fs from 'node:fs';
import path from 'node:path';

const FIXTURE = path.resolve(__dirname, '../../../test/e2e/workspace/team-charter.yaml');

/** Files the suite expects in the workspace folder. */
export const WORKSPACE_FILES = { editing: 'team-charter.yaml', fixAll: 'payments.charter.yaml' };

export function prepareWorkspace(dir: string): string {
  const text = fs.readFileSync(FIXTURE, 'utf8');
  fs.writeFileSync(path.join(dir, WORKSPACE_FILES.editing), text);
  fs.writeFileSync(path.join(dir, WORKSPACE_FILES.fixAll), text.replace(/^team:\n  id: payments$/m, 'team:\n  id: payments-copy'));
  return dir;
}
