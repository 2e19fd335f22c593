/**
 * What the export commands learn about the workspace's documents beside their coding, as `sovcode export` does
 * (src/cli/exportFacts.ts): each text's date (its file's modification time, for REFI-QDA) and each annotation
 * file's Git commit (the CSV's `sidecar_commit`, on a local folder in a Git repository only).
 */
import * as vscode from 'vscode';
import type { CodedDocument } from '../core/documents';
import { xsdDateTime } from '../core/export/refiQda';
import { GitError, nodeGitPort, repositoryTop, sidecarCommits } from '../core/git';
import { sidecarPathFor } from '../core/sidecar';

/** The file of a document path as workspaceDocuments.ts gives it (prefixed by its folder's name in a multi-root workspace). */
function uriOf(path: string): { folder: vscode.WorkspaceFolder; uri: vscode.Uri; rest: string } | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1 && folders[0])
    return { folder: folders[0], uri: vscode.Uri.joinPath(folders[0].uri, path), rest: path };
  const folder = folders.find((f) => path.startsWith(`${f.name}/`));
  const rest = folder && path.slice(folder.name.length + 1);
  return folder && rest !== undefined ? { folder, uri: vscode.Uri.joinPath(folder.uri, rest), rest } : undefined;
}

/** Each text's modification time as xsd:dateTime, keyed by document path. */
export async function textDates(documents: readonly CodedDocument[]): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  for (const d of documents) {
    const at = d.text === undefined ? undefined : uriOf(d.path);
    if (!at) continue;
    try {
      dates.set(d.path, xsdDateTime(new Date((await vscode.workspace.fs.stat(at.uri)).mtime)));
    } catch (e) {
      // an open text not (or no longer) on disk has no file date: the export dates it by its first annotation
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) throw e;
    }
  }
  return dates;
}

/** Each annotation file's commit, keyed by document path; empty for a folder that is not a local Git repository. */
export function sidecarCommitsOf(documents: readonly CodedDocument[]): Map<string, string> {
  const byTop = new Map<string, Map<string, string>>();
  for (const d of documents) {
    const at = uriOf(d.path);
    if (at?.folder.uri.scheme !== 'file') continue;
    let top: string;
    try {
      top = repositoryTop(at.folder.uri.fsPath);
    } catch (e) {
      if (e instanceof GitError) continue; // not a repository (or no git): the column stays empty
      throw e;
    }
    const inRepo = vscode.Uri.joinPath(at.folder.uri, sidecarPathFor(at.rest)).fsPath;
    if (!inRepo.startsWith(`${top}/`)) continue;
    const files = byTop.get(top) ?? new Map<string, string>();
    files.set(
      d.path,
      inRepo
        .slice(top.length + 1)
        .split('\\')
        .join('/'),
    );
    byTop.set(top, files);
  }
  return new Map([...byTop].flatMap(([top, files]) => [...sidecarCommits(nodeGitPort(top), files)]));
}
