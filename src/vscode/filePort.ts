/**
 * The core's FilePort over vscode.workspace.fs, so sidecars work in remote and virtual workspaces too. One
 * exception: vscode.workspace.fs has no notion of file modes, so on the `file` scheme (where the extension host
 * runs beside the files) the temp file is created and its mode read through node's fs, so that a save keeps the
 * sidecar's permissions (a 600 interview coding stays 600).
 */
import * as vscode from 'vscode';
import { nodeFilePort, SIDECAR_MAX_BYTES, type FilePort } from '../core/sidecar';
import { assertReadable } from './workspaceReads';

function isNotFound(e: unknown): boolean {
  return e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
}

/**
 * Paths are the URI paths (posix) of `base`'s scheme and authority. readText refuses what workspaceReads.ts
 * refuses (throwing RefusedRead); `maxBytes` is the cap of what is read (a sidecar's by default).
 */
export function workspaceFilePort(base: vscode.Uri, maxBytes: number = SIDECAR_MAX_BYTES): FilePort {
  const at = (path: string): vscode.Uri => base.with({ path });
  const fs = vscode.workspace.fs;
  return {
    async readText(path) {
      await assertReadable(at(path), maxBytes); // a link out of the workspace, a FIFO, an oversized file: RefusedRead
      try {
        return new TextDecoder('utf-8').decode(await fs.readFile(at(path)));
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
    ...(base.scheme === 'file' ? { permissions: (path: string) => nodeFilePort.permissions?.(at(path).fsPath) ?? Promise.resolve(undefined) } : {}),
  };
}
