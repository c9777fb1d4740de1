// Reading and writing charter files: UTF-8 only, the BOM stripped for linting and kept on write,
// writes atomic (temp file + rename) and refused when the file changed since it was read.
import fs from 'node:fs';
import path from 'node:path';
import { errorCode } from './discover';

const BOM = '\uFEFF';

export interface CharterFile {
  /** The text as linted: without the BOM, line breaks untouched. */
  text: string;
  hadBom: boolean;
  /** The bytes read, to detect a change on disk before writing. */
  bytes: Buffer;
}

/** A file that cannot be read, decoded or written: a one-line message naming it. */
export class FileError extends Error {}

export function readCharter(file: string, shownAs: string): CharterFile {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    // A FIFO or device would block or never end; a folder cannot be read as text.
    if (stat.isDirectory()) throw new FileError(`${shownAs}: is a folder, not a charter file`);
    if (!stat.isFile()) throw new FileError(`${shownAs}: not a regular file`);
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(`${shownAs}: cannot read (${describeReadError(e)})`);
  }
  return { ...decodeCharter(bytes, shownAs), bytes };
}

/** Strict UTF-8 (a FileError otherwise); a leading BOM is taken off and remembered. */
export function decodeCharter(bytes: Uint8Array, shownAs: string): { text: string; hadBom: boolean } {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new FileError(`${shownAs}: not UTF-8 text`);
  }
  const hadBom = decoded.startsWith(BOM);
  return { text: hadBom ? decoded.slice(1) : decoded, hadBom };
}

/**
 * Replaces the file's content with `text` (plus the BOM when it had one) atomically, keeping its
 * mode (and owner, when allowed). Symlinks are written through, so the link survives.
 * Throws FileError, leaving the file alone, when its bytes are no longer those read.
 */
export function writeCharter(file: string, shownAs: string, original: CharterFile, text: string): void {
  let target: string;
  let stat: fs.Stats;
  try {
    target = fs.realpathSync(file);
    stat = fs.statSync(target);
  } catch (e) {
    throw new FileError(`${shownAs}: cannot write fixes (${describeReadError(e)})`);
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(temp, (original.hadBom ? BOM : '') + text, { encoding: 'utf8', mode: stat.mode & 0o7777, flag: 'wx' });
    fs.chmodSync(temp, stat.mode & 0o7777); // the umask may have narrowed it
    try {
      fs.chownSync(temp, stat.uid, stat.gid);
    } catch {
      // only root may give a file away; the file then belongs to whoever ran the fix
    }
    let current: Buffer | undefined;
    try {
      current = fs.readFileSync(target);
    } catch {
      current = undefined;
    }
    if (!current || !current.equals(original.bytes)) {
      throw new FileError(`${shownAs}: changed on disk while it was being fixed; fixes not written`);
    }
    fs.renameSync(temp, target);
  } catch (e) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // already renamed or never created
    }
    if (e instanceof FileError) throw e;
    throw new FileError(`${shownAs}: cannot write fixes (${errorCode(e)})`);
  }
}

function describeReadError(e: unknown): string {
  const code = errorCode(e);
  if (code === 'ENOENT') return 'no such file, or a broken symbolic link';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ERR_FS_FILE_TOO_LARGE') return 'file too large';
  return code;
}
