/** The core's FilePort over vscode.workspace.fs, so sidecars work in remote and virtual workspaces too. */
import * as vscode from 'vscode';
import type { FilePort } from '../core/sidecar';

function isNotFound(e: unknown): boolean {
  return e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
}

/** Paths are the URI paths (posix) of `base`'s scheme and authority. */
export function workspaceFilePort(base: vscode.Uri): FilePort {
  const at = (path: string): vscode.Uri => base.with({ path });
  const fs = vscode.workspace.fs;
  return {
    async readBytes(path) {
      try {
        return await fs.readFile(at(path));
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    async writeText(path, data) {
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
  };
}
