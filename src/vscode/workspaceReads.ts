/**
 * What the extension refuses to read from a workspace, before vscode.workspace.fs reads it: a sidecar or
 * codebook that is a symbolic link leaving its workspace folder (a repository could otherwise make the tool
 * read, and echo in its messages, a file elsewhere on the machine), anything that is not a regular file (a
 * FIFO named like a sidecar would block the read), and a file over its size cap. The CLI applies the same rules
 * through core/files/readSafely.ts.
 */
import { realpathSync } from 'node:fs';
import * as vscode from 'vscode';
import { isInside } from '../core/files';
import { errorMessage } from '../core/input';

/** A read the rules above refuse; its message names the file and says why. */
export class RefusedRead extends Error {}

function isNotFound(e: unknown): boolean {
  return e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
}

/** Where a link on the local disk leads, and whether that stays inside the workspace folder holding the link. */
function linkLeavesFolder(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (uri.scheme !== 'file') return 'is a symbolic link on a file system where its target cannot be checked: not read';
  if (!folder) return undefined; // outside every workspace folder (the shipped codebook, an explicit setting): not the workspace's to check
  const target = realpathSync.native(uri.fsPath);
  return isInside(realpathSync.native(folder.uri.fsPath), target)
    ? undefined
    : `is a symbolic link to ${target}, outside the workspace folder: not read (links may only point inside it)`;
}

/** Why `uri` must not be read, or undefined when it may be (a file that does not exist may: the reader says so). */
export async function readRefusal(uri: vscode.Uri, maxBytes: number): Promise<string | undefined> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
  if ((stat.type & vscode.FileType.SymbolicLink) !== 0) {
    let why: string | undefined;
    try {
      why = linkLeavesFolder(uri);
    } catch (e) {
      why = `is a symbolic link that cannot be followed (${errorMessage(e)}): not read`;
    }
    if (why !== undefined) return why;
  }
  if ((stat.type & vscode.FileType.File) === 0) return 'is not a regular file: not read';
  if (stat.size > maxBytes) return `is ${stat.size} bytes, over the limit of ${maxBytes} bytes: not read`;
  return undefined;
}

/** Throws RefusedRead (naming the file) when `uri` must not be read. */
export async function assertReadable(uri: vscode.Uri, maxBytes: number): Promise<void> {
  const why = await readRefusal(uri, maxBytes);
  if (why !== undefined) throw new RefusedRead(`${vscode.workspace.asRelativePath(uri)} ${why}`);
}
