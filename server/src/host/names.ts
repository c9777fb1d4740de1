// File names the host looks for, and the order charters are listed in. Pure.

const CHARTER_NAME = /^(team-charter|.+\.charter)\.ya?ml$/;

/** `team-charter.yaml|yml` and `<name>.charter.yaml|yml`. */
export function isCharterFileName(name: string): boolean {
  return CHARTER_NAME.test(name);
}

/** Orders `/`-separated paths segment by segment (code points), so a folder's files stay together. */
export function comparePaths(a: string, b: string): number {
  const [pa, pb] = [a.split('/'), b.split('/')];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  return pa.length - pb.length;
}
