/**
 * The one way the CLI reads a user's file (sidecar, codebook, source text): only a regular file, only inside
 * the root (the folder named on the command line, or the current one), never through a link that leaves it,
 * and never more than a cap, enforced while reading (a sidecar linked to /dev/zero or a FIFO named like a
 * sidecar is refused at once, not read forever). A refusal is a value that names the path and says why, so a
 * command reports it and goes on; the content of a refused file is never read, so it can never be echoed.
 * Returns bytes: decodeText (files/decode.ts) decodes source texts, the strict UTF-8 decoder (input/utf8.ts)
 * sidecars and codebooks.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { errorCode } from '../sidecar/write';
import { nodeFiles, type FilesPort } from './port';

/** Source texts are read whole; this bounds the memory a single text may take. */
export const TEXT_MAX_BYTES = 256 * 1024 * 1024;

export type RefusalReason =
  'missing' | 'folder' | 'not-regular' | 'outside' | 'dangling' | 'loop' | 'too-big' | 'denied' | 'duplicate' | 'io';

export interface Refusal {
  path: string;
  reason: RefusalReason;
  /** Why, without the path: for a Problem whose `file` is the path. */
  why: string;
  /** `path: why`, ready to print. */
  message: string;
}

export function refusal(path: string, reason: RefusalReason, why: string): Refusal {
  return { path, reason, why, message: `${path}: ${why}` };
}

export type SafeRead = { ok: true; bytes: Uint8Array; realPath: string } | { ok: false; refusal: Refusal };

export interface ReadLimits {
  /** The folder the file must stay inside once every link is resolved. */
  root: string;
  maxBytes: number;
}

/** True when `path` (resolved) is `folder` or inside it. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const refuse = (path: string, reason: RefusalReason, why: string): SafeRead => ({
  ok: false,
  refusal: refusal(path, reason, why),
});

/** Why a path that lstat or realpath could not follow is refused (a dangling link, a loop, no permission). */
export function unreachable(path: string, e: unknown, port: FilesPort = nodeFiles): Refusal {
  const code = errorCode(e);
  let linked: string | undefined;
  try {
    linked = port.lstat(path).kind === 'symlink' ? port.readlink(path) : undefined;
  } catch {
    linked = undefined; // the entry itself is gone: reported as missing below
  }
  const r = (reason: RefusalReason, why: string): Refusal => refusal(path, reason, why);
  if (code === 'ELOOP') return r('loop', 'is a symbolic link in a loop: skipped');
  if (code === 'ENOENT' && linked !== undefined)
    return r('dangling', `is a symbolic link to ${linked}, which does not exist: skipped`);
  if (code === 'ENOENT' || code === 'ENOTDIR') return r('missing', 'no such file');
  if (code === 'EACCES' || code === 'EPERM') return r('denied', 'permission denied');
  return r('io', `cannot be read (${code ?? String(e)})`);
}

/** Reads a file by the rules above. */
export function readFileSafely(path: string, limits: ReadLimits, port: FilesPort = nodeFiles): SafeRead {
  let realPath: string;
  let realRoot: string;
  let linked: boolean;
  try {
    linked = port.lstat(path).kind === 'symlink';
    realPath = port.realpath(path);
    realRoot = port.realpath(limits.root);
  } catch (e) {
    return { ok: false, refusal: unreachable(path, e, port) };
  }
  if (!isInside(realRoot, realPath)) {
    const how = linked
      ? `is a symbolic link to ${port.readlink(path)}`
      : `leads through a symbolic link to ${realPath}`;
    return refuse(
      path,
      'outside',
      `${how}, outside ${resolve(limits.root)}: not read (links may only point inside the folder)`,
    );
  }
  try {
    const kind = port.stat(realPath).kind;
    if (kind === 'folder') return refuse(path, 'folder', 'is a folder');
    if (kind !== 'file') return refuse(path, 'not-regular', `is a ${kind}, not a regular file: not read`);
    const read = port.readBounded(realPath, limits.maxBytes);
    if ('tooBig' in read) return refuse(path, 'too-big', `is over the limit of ${limits.maxBytes} bytes: not read`);
    if ('notRegular' in read)
      return refuse(path, 'not-regular', `is a ${read.notRegular}, not a regular file: not read`);
    return { ok: true, bytes: read.bytes, realPath };
  } catch (e) {
    return { ok: false, refusal: unreachable(path, e, port) };
  }
}
