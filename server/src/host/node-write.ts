// Writing fixed text back (the CLI's --fix; node only: the editor writes through workspace edits).
// rules.md "Writing": a link is never written; a file with no write bit, one we may not write or one
// on a read-only file system is not written; a file with one link is replaced atomically (temp +
// rename, so a failed write leaves the original intact); a file with several hard links is written
// in place after re-reading it, so its links stay one file. Nothing is written when the file
// changed since it was read.
import fs from 'node:fs';
import path from 'node:path';
import type { CharterText } from './host';
import { describeError, errorCode } from './node-files';

const BOM = '\uFEFF';

/** Why a file was not (or not fully) written: one line naming it. `partial`: the file may be incomplete. */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly partial = false,
  ) {
    super(message);
  }
}

/** A link the fixes were computed for but not written through (a notice, not a failure). */
export const NOT_FIXED_LINK = 'not fixed: symbolic link';

export function writeCharterFile(original: CharterText, text: string, shownAs: string): void {
  const file = original.path;
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (e) {
    throw new WriteError(`${shownAs}: cannot write fixes (${describeError(e)})`);
  }
  if (stat.isSymbolicLink() || original.link) throw new WriteError(`${shownAs}: ${NOT_FIXED_LINK}`);
  if (!stat.isFile()) throw new WriteError(`${shownAs}: cannot write fixes (not a regular file)`);
  if ((stat.mode & 0o222) === 0) throw new WriteError(`${shownAs}: not fixed: the file is read-only (mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')})`);
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'EROFS') throw new WriteError(`${shownAs}: not fixed: read-only file system`);
    throw new WriteError(`${shownAs}: not fixed: ${code === 'EACCES' || code === 'EPERM' ? 'no permission to write it' : describeError(e)}`);
  }
  const bytes = Buffer.from((original.hadBom ? BOM : '') + text, 'utf8');
  if (stat.nlink > 1) writeInPlace(file, shownAs, original.bytes, bytes);
  else replaceAtomically(file, shownAs, original.bytes, bytes, stat);
}

function changedOnDisk(shownAs: string): WriteError {
  return new WriteError(`${shownAs}: changed on disk while it was being fixed; fixes not written`);
}

/** Temp file beside it (same mode and owner), compared again, renamed over it. */
function replaceAtomically(file: string, shownAs: string, before: Uint8Array, bytes: Buffer, stat: fs.Stats): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(temp, bytes, { mode: stat.mode & 0o7777, flag: 'wx' });
    fs.chmodSync(temp, stat.mode & 0o7777); // the umask may have narrowed it
    try {
      fs.chownSync(temp, stat.uid, stat.gid);
    } catch {
      // only root may give a file away; the file then belongs to whoever ran the fix
    }
    if (!sameBytes(file, before)) throw changedOnDisk(shownAs);
    fs.renameSync(temp, file);
  } catch (e) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // already renamed or never created
    }
    if (e instanceof WriteError) throw e;
    const code = errorCode(e);
    if (code === 'EROFS') throw new WriteError(`${shownAs}: not fixed: read-only file system`);
    if (code === 'EACCES' || code === 'EPERM') {
      throw new WriteError(`${shownAs}: not fixed: its folder is not writable (fixes are written to a new file beside it, then renamed over it)`);
    }
    throw new WriteError(`${shownAs}: cannot write fixes (${describeError(e)})`);
  }
}

/** Hard links: the same inode rewritten, after checking its bytes are still those read. */
function writeInPlace(file: string, shownAs: string, before: Uint8Array, bytes: Buffer): void {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (e) {
    throw new WriteError(`${shownAs}: cannot write fixes (${describeError(e)})`);
  }
  let started = false;
  try {
    if (!fs.fstatSync(fd).isFile()) throw new WriteError(`${shownAs}: cannot write fixes (not a regular file)`);
    if (!Buffer.from(fs.readFileSync(fd)).equals(Buffer.from(before))) throw changedOnDisk(shownAs);
    started = true;
    let offset = 0;
    while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset, offset);
    fs.ftruncateSync(fd, bytes.length);
    fs.fsyncSync(fd);
  } catch (e) {
    if (e instanceof WriteError) throw e;
    throw new WriteError(
      started
        ? `${shownAs}: writing fixes in place (it has several hard links) failed part-way (${describeError(e)}); the file may be incomplete`
        : `${shownAs}: cannot write fixes (${describeError(e)})`,
      started,
    );
  } finally {
    fs.closeSync(fd);
  }
}

function sameBytes(file: string, before: Uint8Array): boolean {
  try {
    return fs.readFileSync(file).equals(Buffer.from(before));
  } catch {
    return false;
  }
}
