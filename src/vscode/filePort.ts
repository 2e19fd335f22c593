/**
 * The core's FilePort over vscode.workspace.fs, so sidecars work in remote and virtual workspaces too. One
 * exception: vscode.workspace.fs has no notion of file modes and its rename is not atomic, so on the `file`
 * scheme (where the extension host runs beside the files) the temp file is created, its mode read and it is
 * renamed over the sidecar through node's fs, so that a save keeps the sidecar's permissions (a 600 interview
 * coding stays 600) and the sidecar is never missing for a moment.
 */
import * as vscode from 'vscode';
import { nodeFilePort, SIDECAR_MAX_BYTES, type FilePort } from '../core/sidecar';
import { decodeUtf8File, decodeUtf8Lenient, formatProblem } from '../core/input';
import { assertReadable, RefusedRead } from './workspaceReads';

function isNotFound(e: unknown): boolean {
  return e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
}

/**
 * Paths are the URI paths (posix) of `base`'s scheme and authority. readBytes refuses what workspaceReads.ts
 * refuses (throwing RefusedRead); `maxBytes` is the cap of what is read (a sidecar's by default).
 */
export function workspaceFilePort(base: vscode.Uri, maxBytes: number = SIDECAR_MAX_BYTES): FilePort {
  const at = (path: string): vscode.Uri => base.with({ path });
  const fs = vscode.workspace.fs;
  return {
    async readBytes(path) {
      await assertReadable(at(path), maxBytes); // a link out of the workspace, a FIFO, an oversized file: RefusedRead
      try {
        return await fs.readFile(at(path));
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    async writeText(path, data, keep) {
      if (base.scheme === 'file') return nodeFilePort.writeText(at(path).fsPath, data, keep);
      await fs.writeFile(at(path), new TextEncoder().encode(data));
    },
    async rename(from, to) {
      // workspace.fs deletes an existing target before it moves (not atomic): a watcher read in that gap saw the
      // sidecar "deleted on disk" after two quick saves (undo, redo); node's rename replaces it in one step
      if (base.scheme === 'file') return nodeFilePort.rename(at(from).fsPath, at(to).fsPath);
      await fs.rename(at(from), at(to), { overwrite: true });
    },
    async remove(path) {
      try {
        await fs.delete(at(path), { useTrash: false });
      } catch (e) {
        if (!isNotFound(e)) throw e; // already gone is what we wanted
      }
    },
    async isSymlink(path) {
      try {
        return ((await fs.stat(at(path))).type & vscode.FileType.SymbolicLink) !== 0;
      } catch (e) {
        if (isNotFound(e)) return false;
        throw e;
      }
    },
    ...(base.scheme === 'file'
      ? { permissions: (path: string) => nodeFilePort.permissions?.(at(path).fsPath) ?? Promise.resolve(undefined) }
      : {}),
  };
}

/**
 * A sidecar or codebook read through a port and decoded strictly: invalid UTF-8 or a NUL byte is refused
 * (RefusedRead, the message at file:line:column), never read as U+FFFD and later saved over.
 */
export async function readStrictText(
  port: FilePort,
  path: string,
  file: string,
  what: string,
): Promise<string | undefined> {
  const bytes = await port.readBytes(path);
  if (bytes === undefined) return undefined;
  const decoded = decodeUtf8File(bytes, file, what);
  if (!decoded.ok) throw new RefusedRead(formatProblem(decoded.problem));
  return decoded.text;
}

/** A source text read through a port, decoded as VS Code decodes it (so offsets agree with the editor's). */
export async function readSourceText(port: FilePort, path: string): Promise<string | undefined> {
  const bytes = await port.readBytes(path);
  return bytes === undefined ? undefined : decodeUtf8Lenient(bytes);
}
