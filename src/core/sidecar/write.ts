/**
 * Safe writing of sidecars through a small file port, so that the same logic runs on node's fs (CLI, tests)
 * and on vscode.workspace.fs (the adapter). The write is atomic: a temp file in the same folder, flushed, then
 * renamed over the target, so a crash leaves either the old file or the new one, never half of one.
 * Unlike write-file-atomic it refuses symlinks (a symlinked sidecar could overwrite a file outside the
 * workspace), and like VS Code's own file service it refuses to overwrite a file that changed on disk since it
 * was read: the caller keeps its unsaved state and offers a reload or compare.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { decodeUtf8Lenient } from '../input/utf8'; // not the index: the crash test's writer starts faster without the YAML parser
import { errorMessage } from '../input';
import { sourcePathFor } from './path';
import { SIDECAR_MAX_BYTES } from './types';

/** The file operations a sidecar write needs. Paths are whatever the implementation understands. */
export interface FilePort {
  /** The file's bytes, or undefined when it does not exist. Callers decode them with the core's UTF-8 decoder. */
  readBytes(p: string): Promise<Uint8Array | undefined>;
  /**
   * Writes a new file (used for the temp file only) and flushes it to disk where the platform allows. With
   * `keep`, the file has that mode (and owner, where the process may) from its creation on, never wider.
   */
  writeText(p: string, data: string, keep?: Permissions): Promise<void>;
  /** Renames over an existing target. Errors carry a node-style `code` (EPERM, EBUSY, EACCES, …). */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; a missing file is not an error. */
  remove(p: string): Promise<void>;
  /** True when the path itself is a symbolic link (not followed). A missing path is not a link. */
  isSymlink(p: string): Promise<boolean>;
  /** The mode and owner of a file; undefined when it does not exist. Absent where files have no modes. */
  permissions?(p: string): Promise<Permissions | undefined>;
}

/** What a replacement keeps of the file it replaces. */
export interface Permissions {
  /** Permission bits (0o600, 0o644, …). */
  mode: number;
  uid?: number;
  gid?: number;
}

/** The error code of a node (or port) error, if any. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') return e.code;
  return undefined;
}

/** Flushes a folder's entry table after a rename; some platforms (Windows) cannot open a folder for that. */
async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch (e) {
    // The rename itself has succeeded; a folder that cannot be flushed only weakens durability on power loss.
    if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP'].includes(errorCode(e) ?? '')) throw e;
  } finally {
    await handle?.close();
  }
}

/** FilePort over node's fs. writeText creates exclusively (O_EXCL), so it never follows a link planted at the temp path. */
export const nodeFilePort: FilePort = {
  async readBytes(p) {
    try {
      return await fs.readFile(p);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return undefined;
      throw e;
    }
  },
  async writeText(p, data, keep) {
    // Without `keep` the file gets what the umask gives a new file; with it, it starts private and is given the
    // kept mode before any data is written, so a 600 sidecar's copy is never readable by others.
    const handle = await fs.open(p, 'wx', keep === undefined ? 0o666 : 0o600);
    try {
      if (keep !== undefined) await keepPermissions(handle, keep);
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async rename(from, to) {
    await fs.rename(from, to);
    await syncFolder(dirname(to));
  },
  async remove(p) {
    await fs.rm(p, { force: true });
  },
  async isSymlink(p) {
    try {
      return (await fs.lstat(p)).isSymbolicLink();
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return false;
      throw e;
    }
  },
  async permissions(p) {
    try {
      const s = await fs.stat(p);
      return { mode: s.mode & 0o7777, uid: s.uid, gid: s.gid };
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return undefined;
      throw e;
    }
  },
};

/**
 * Gives an open file the kept mode, and the kept owner and group where the process may: only root may give a
 * file to another user, and a user only to a group they are in, so EPERM there leaves the writer as owner
 * (the mode is kept all the same).
 */
async function keepPermissions(handle: fs.FileHandle, keep: Permissions): Promise<void> {
  await handle.chmod(keep.mode);
  if (keep.uid === undefined || keep.gid === undefined) return;
  const current = await handle.stat();
  if (current.uid === keep.uid && current.gid === keep.gid) return;
  try {
    await handle.chown(keep.uid, keep.gid);
  } catch (e) {
    if (errorCode(e) !== 'EPERM') throw e;
  }
}

export type WriteResult =
  { ok: true } | { ok: false; reason: 'symlink' | 'changed-on-disk' | 'too-big' | 'io'; message: string };

export interface WriteOptions {
  /** Rename attempts after the first one fails with EPERM/EBUSY/EACCES (antivirus, indexers, editors on Windows). */
  retries?: number;
  /** Delay before the first retry; doubled each time. */
  retryDelayMs?: number;
}

const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

/**
 * A transient lock on the target. Node errors carry the code; vscode.workspace.fs wraps them in a
 * FileSystemError ('NoPermissions', 'Unavailable', or 'Unknown' with the node code in its message).
 */
function isRetryable(e: unknown): boolean {
  const code = errorCode(e) ?? '';
  return (
    RETRYABLE.has(code) ||
    code === 'NoPermissions' ||
    code === 'Unavailable' ||
    /\b(EPERM|EBUSY|EACCES)\b/.test(errorMessage(e))
  );
}

/** `.<name>.<random>.tmp` next to the target, so the rename stays within one file system. */
export function tempPathFor(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
  return `${path.slice(0, cut)}.${path.slice(cut)}.${randomBytes(6).toString('hex')}.tmp`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function renameWithRetries(port: FilePort, from: string, to: string, options: WriteOptions): Promise<void> {
  const retries = options.retries ?? 5;
  let delay = options.retryDelayMs ?? 50;
  for (let attempt = 0; ; attempt++) {
    try {
      await port.rename(from, to);
      return;
    } catch (e) {
      if (attempt >= retries || !isRetryable(e)) throw e;
    }
    await sleep(delay);
    delay *= 2;
  }
}

/** Removes the temp file after a failure; a failure to remove it is added to the message, not hidden. */
async function cleanUp(port: FilePort, temp: string, message: string): Promise<WriteResult> {
  try {
    await port.remove(temp);
    return { ok: false, reason: 'io', message };
  } catch (e) {
    return {
      ok: false,
      reason: 'io',
      message: `${message}; the temp file ${temp} could not be removed either (${errorMessage(e)})`,
    };
  }
}

/** The replaced file's mode and owner; for a new sidecar, its source text's mode; else none (the umask decides). */
async function permissionsToKeep(port: FilePort, path: string): Promise<Permissions | undefined> {
  if (port.permissions === undefined) return undefined;
  const replaced = await port.permissions(path);
  if (replaced !== undefined) return replaced;
  const source = sourcePathFor(path);
  const ofSource = source === undefined ? undefined : await port.permissions(source);
  return ofSource === undefined ? undefined : { mode: ofSource.mode & 0o666 }; // a sidecar is never executable
}

/**
 * Atomic: temp file `.<name>.<random>.tmp` in the same folder, (fsync on node), rename over the target; bounded
 * retries on EPERM/EBUSY/EACCES then a clear error; the temp file is removed on failure. The new file keeps the
 * mode and owner of the one it replaces (permissionsToKeep). A text over SIDECAR_MAX_BYTES is refused before
 * anything is written, so nothing is written that the reader would refuse. Refuses when the target
 * (or the temp path) is a symlink. When `expectedOnDisk` is given (the text last read, or null = "did not exist")
 * and the file on disk differs, nothing is written and the result says 'changed-on-disk'.
 */
export async function writeSidecarSafely(
  port: FilePort,
  path: string,
  text: string,
  expectedOnDisk?: string | null,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > SIDECAR_MAX_BYTES) {
    return {
      ok: false,
      reason: 'too-big',
      message: `${path} would be ${bytes} bytes, over the limit of ${SIDECAR_MAX_BYTES} bytes (${SIDECAR_MAX_BYTES / 1024 / 1024} MiB) that every reader accepts; nothing was written (split the text into several files)`,
    };
  }
  let temp: string;
  let keep: Permissions | undefined;
  try {
    if (await port.isSymlink(path)) {
      return {
        ok: false,
        reason: 'symlink',
        message: `${path} is a symbolic link; sidecars are never written through links`,
      };
    }
    if (expectedOnDisk !== undefined) {
      // Decoded leniently, only to compare: bytes that are no longer UTF-8 show as U+FFFD, unlike the strict text read before.
      const bytes = await port.readBytes(path);
      const onDisk = bytes === undefined ? undefined : decodeUtf8Lenient(bytes);
      if ((onDisk ?? null) !== expectedOnDisk) {
        const what = onDisk === undefined ? 'was deleted' : expectedOnDisk === null ? 'was created' : 'was changed';
        return {
          ok: false,
          reason: 'changed-on-disk',
          message: `${path} ${what} on disk since it was read; nothing was written`,
        };
      }
    }
    keep = await permissionsToKeep(port, path);
    temp = tempPathFor(path);
    if (await port.isSymlink(temp)) {
      return { ok: false, reason: 'symlink', message: `the temp path ${temp} is a symbolic link; nothing was written` };
    }
  } catch (e) {
    return { ok: false, reason: 'io', message: `could not check ${path} before writing: ${errorMessage(e)}` };
  }
  try {
    await port.writeText(temp, text, keep);
  } catch (e) {
    return cleanUp(port, temp, `could not write ${temp}: ${errorMessage(e)}; ${path} is unchanged`);
  }
  try {
    await renameWithRetries(port, temp, path, options);
    return { ok: true };
  } catch (e) {
    return cleanUp(
      port,
      temp,
      `could not replace ${path} (${errorCode(e) ?? 'error'}: ${errorMessage(e)}); the file on disk is unchanged`,
    );
  }
}
