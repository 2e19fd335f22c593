/**
 * The few file-system questions the safe reader and the folder walker ask, as a small port: the CLI and the
 * unit tests use node's fs (nodeFiles, over real temp folders with real links, FIFOs and modes); another host
 * can answer the same questions its own way. Errors carry node's `code` (ENOENT, ELOOP, EACCES, …), which the
 * reader and walker turn into messages that name the path.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import type { Stats } from 'node:fs';

export type EntryKind = 'file' | 'folder' | 'symlink' | 'fifo' | 'device' | 'socket';

export interface EntryInfo {
  kind: EntryKind;
  size: number;
  mtimeMs: number;
}

/** A bounded read: the bytes, or why there are none. `maxBytes` is enforced while reading, never after. */
export type BoundedRead = { bytes: Uint8Array } | { tooBig: true } | { notRegular: EntryKind };

export interface FilesPort {
  /** The entry itself (a link is not followed). */
  lstat(path: string): EntryInfo;
  /** What the path leads to (links followed). */
  stat(path: string): EntryInfo;
  /** The path with every link resolved. */
  realpath(path: string): string;
  /** Where a link points, as written in the link. */
  readlink(path: string): string;
  /** Entry names of a folder, sorted. */
  readdir(path: string): string[];
  /** Opens without blocking (a FIFO never hangs), checks the opened entry is a regular file, reads at most maxBytes. */
  readBounded(path: string, maxBytes: number): BoundedRead;
}

function kindOf(s: Stats): EntryKind {
  if (s.isSymbolicLink()) return 'symlink';
  if (s.isDirectory()) return 'folder';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isFile()) return 'file';
  return 'device';
}

const info = (s: Stats): EntryInfo => ({ kind: kindOf(s), size: s.size, mtimeMs: s.mtimeMs });

const CHUNK = 1024 * 1024;

/** Reads an open regular file chunk by chunk and stops one byte past the cap. */
function readCapped(fd: number, expected: number, maxBytes: number): BoundedRead {
  let buffer = Buffer.allocUnsafe(Math.min(Math.max(expected, 0), maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return { tooBig: true };
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, Math.min(CHUNK, buffer.length - length), null);
    if (n === 0) break;
    length += n;
  }
  return length > maxBytes ? { tooBig: true } : { bytes: buffer.subarray(0, length) };
}

/** The port over node's synchronous fs (the CLI is synchronous). */
export const nodeFiles: FilesPort = {
  lstat: (p) => info(lstatSync(p)),
  stat: (p) => info(statSync(p)),
  realpath: (p) => realpathSync.native(p),
  readlink: (p) => readlinkSync(p),
  readdir: (p) => readdirSync(p).sort(),
  readBounded(p, maxBytes) {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting; O_NOFOLLOW: a link swapped in
    // after the checks is refused rather than followed.
    const fd = openSync(p, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    try {
      const opened = info(fstatSync(fd));
      if (opened.kind !== 'file') return { notRegular: opened.kind };
      return readCapped(fd, opened.size, maxBytes);
    } finally {
      closeSync(fd);
    }
  },
};
