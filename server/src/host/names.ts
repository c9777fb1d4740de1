// File names the host looks for (from the contract), and the order charters are listed in. Pure.
export { isCharterFileName } from '../contract/files';

/** Orders `/`-separated paths segment by segment (code points), so a folder's files stay together. */
export function comparePaths(a: string, b: string): number {
  const [pa, pb] = [a.split('/'), b.split('/')];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  return pa.length - pb.length;
}
