// The charters of a workspace folder, for the decision map's organisation view: found on disk
// (as the CLI finds them; the list is kept 5 s), an open document's text winning over the disk,
// each disk file analysed once per content. The workspace index of the organisation layer will
// replace this module.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../lint';
import type { AnalyzeOptions, Analysis } from '../lint';
import { NodeHost } from '../host/node-host';

const LIST_TTL_MS = 5000;

export interface WorkspaceCharter {
  /** File-system path. */
  file: string;
  uri: string;
  /** Relative to the workspace folder, `/`-separated. */
  shown: string;
}

export class WorkspaceCharters {
  private readonly lists = new Map<string, { at: number; charters: WorkspaceCharter[] }>();
  private readonly analyses = new Map<string, { stamp: string; text: string; analysis: Analysis }>();

  /** Charters under `folder` (skipping node_modules and .git), sorted by path. */
  list(folder: string): WorkspaceCharter[] {
    const cached = this.lists.get(folder);
    if (cached && Date.now() - cached.at < LIST_TTL_MS) return cached.charters;
    let files: string[] = [];
    try {
      const host = new NodeHost({ workspaceFolders: [folder] });
      files = host.listChartersSync({ dir: folder, by: 'workspace' }).charters.map((c) => c.path);
    } catch {
      files = []; // the folder cannot be searched
    }
    const charters = files.map((file) => ({ file, uri: pathToFileURL(file).toString(), shown: path.relative(folder, file).split(path.sep).join('/') }));
    this.lists.set(folder, { at: Date.now(), charters });
    return charters;
  }

  /** The analysis of a charter that is not open, from disk; undefined when it cannot be read. */
  fromDisk(file: string, options: AnalyzeOptions, optionsKey: string): { text: string; analysis: Analysis } | undefined {
    let stamp: string;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) return undefined;
      stamp = `${stat.mtimeMs}:${stat.size}:${optionsKey}`;
    } catch {
      return undefined;
    }
    const hit = this.analyses.get(file);
    if (hit?.stamp === stamp) return hit;
    try {
      const read = new NodeHost({}).readCharterSync(file, { dir: path.dirname(file), by: 'folder' });
      if (read.skipped) return undefined;
      const text = read.file.text;
      const entry = { stamp, text, analysis: analyze(text, options) };
      this.analyses.set(file, entry);
      return entry;
    } catch {
      return undefined;
    }
  }
}
