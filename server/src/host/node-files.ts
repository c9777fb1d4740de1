// File-system primitives of the Node host: what kind of entry a path is (checked with lstat/stat
// before anything is opened, so a FIFO or device is never opened), whether a link stays inside the
// root, and reading a regular file's bytes (opened non-blocking and checked again through the fd).
import fs from 'node:fs';
import path from 'node:path';

export type EntryKind = 'file' | 'folder' | 'link' | 'fifo' | 'device' | 'socket' | 'missing';

export function kindOf(stat: fs.Stats | undefined): EntryKind {
  if (!stat) return 'missing';
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'folder';
  if (stat.isSymbolicLink()) return 'link';
  if (stat.isFIFO()) return 'fifo';
  if (stat.isSocket()) return 'socket';
  return 'device';
}

/** What a path is without following a link in its last component. */
export function lstatOf(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}

export function statOf(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

export function realPathOf(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

/** `child` is `parent` or below it (both absolute, normalised). */
export function isInside(child: string, parent: string): boolean {
  if (child === parent) return true;
  return child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

/** The words a message uses for an entry that is not a regular file. */
export function describeKind(kind: EntryKind, what: string): string {
  switch (kind) {
    case 'folder':
      return `is a folder, not a ${what}`;
    case 'fifo':
      return `is a FIFO (named pipe), not a ${what}; not opened`;
    case 'device':
      return `is a device, not a ${what}; not opened`;
    case 'socket':
      return `is a socket, not a ${what}; not opened`;
    default:
      return `not a regular file`;
  }
}

export function errorCode(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ?? String(err?.message ?? e).split('\n')[0];
}

/** Read and open errors as words: `permission denied`, `no such file, or a broken symbolic link`. */
export function describeError(e: unknown): string {
  const code = errorCode(e);
  if (code === 'ENOENT') return 'no such file, or a broken symbolic link';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ERR_FS_FILE_TOO_LARGE') return 'file too large';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return code;
}

export class NotRegularFile extends Error {
  constructor(readonly kind: EntryKind) {
    super(kind);
  }
}

/**
 * The bytes of a regular file. The caller has checked the type; the file is opened non-blocking and
 * without following a final link, and checked again through the descriptor, so a FIFO swapped in
 * meanwhile is never read (throws NotRegularFile).
 */
export function readRegularFile(p: string): Buffer {
  const fd = fs.openSync(p, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
  try {
    const kind = kindOf(fs.fstatSync(fd));
    if (kind !== 'file') throw new NotRegularFile(kind);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Strict UTF-8 (undefined otherwise); a leading BOM is taken off and remembered. */
export function decodeUtf8(bytes: Uint8Array): { text: string; hadBom: boolean } | undefined {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const hadBom = decoded.startsWith('\uFEFF');
  return { text: hadBom ? decoded.slice(1) : decoded, hadBom };
}
