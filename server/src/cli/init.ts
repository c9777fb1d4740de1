// `team-charter init [PATH]`: writes the starter charter, never over an existing file.
import fs from 'node:fs';
import path from 'node:path';
import { INIT_USAGE, commandOptions, parseInitArgs } from './args';
import { isCharterFileName } from '../host/names';
import { errorCode } from '../host/node-files';
import { displayPath } from './lint';
import { FIRST_DUE_IN_DAYS, starterCharter } from '../contract/starter-charter';
import type { CliIO } from './io';
import { escapeTerminal } from './formats/escape-terminal';

export const DEFAULT_CHARTER_NAME = 'team-charter.yaml';

export async function runInit(args: string[], io: CliIO): Promise<number> {
  const opts = commandOptions('init', INIT_USAGE, parseInitArgs, args, io);
  if (typeof opts === 'number') return opts;
  const arg = opts.path ?? '.';
  if (!fs.existsSync(path.resolve(io.cwd, arg)) && /[^.]\.\w+$/.test(path.basename(arg)) && !/\.ya?ml$/i.test(arg)) {
    // `init notes.txt` meant a file, and a charter file is YAML: not a folder called notes.txt.
    io.stderr(`team-charter init: ${arg} is not a YAML file name; a charter is team-charter.yaml or NAME.charter.yaml\n`);
    return 2;
  }
  const target = targetFile(arg, io.cwd);
  const shown = displayPath(target, io.cwd);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // 'wx' fails when the file exists, even when it appears between a check and the write.
    fs.writeFileSync(target, starterCharter(addDays(io.today(), FIRST_DUE_IN_DAYS)), { encoding: 'utf8', flag: 'wx' });
  } catch (e) {
    const code = errorCode(e);
    io.stderr(
      code === 'EEXIST'
        ? `team-charter: ${shown} already exists; not overwritten (remove it or choose another PATH)\n`
        : `team-charter: cannot write ${shown} (${code})\n`,
    );
    return 2;
  }
  io.stdout(`wrote ${escapeTerminal(shown)}: a starter charter with every section; replace each TODO and the example ids\n`);
  if (!isCharterFileName(path.basename(target))) {
    io.stdout(`note: "lint" finds a charter in a folder only when it is named team-charter.yaml or NAME.charter.yaml; pass this file by name\n`);
  }
  const sameAsDefault = path.resolve(io.cwd, DEFAULT_CHARTER_NAME) === target;
  io.stdout(`next: team-charter lint${sameAsDefault ? '' : ' ' + escapeTerminal(quoteArg(shown))}\n`);
  return 0;
}

/** A folder (existing, or written with a trailing slash, or without a YAML extension) gets team-charter.yaml inside. */
function targetFile(arg: string, cwd: string): string {
  const abs = path.resolve(cwd, arg);
  let isFolder: boolean;
  try {
    isFolder = fs.statSync(abs).isDirectory();
  } catch {
    isFolder = /[\\/]$/.test(arg) || !/\.ya?ml$/i.test(arg);
  }
  return isFolder ? path.join(abs, DEFAULT_CHARTER_NAME) : abs;
}

function addDays(date: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const base = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Date.now();
  return new Date(base + days * 86_400_000).toISOString().slice(0, 10);
}

function quoteArg(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
