/**
 * The VS Code side of export output safety (core/files/outputSafety.ts): an export may not write over one of
 * the files it reads, an annotation file, a codebook or a source text of the workspace, unless the user
 * confirms in a modal dialog. Called without a dialog (a target passed by a command's caller), it refuses.
 * Local paths are compared by real path; other file systems by URI and by name.
 */
import * as vscode from 'vscode';
import { outputConflict } from '../core/files';
import { isSidecarPath, sidecarPathFor } from '../core/sidecar';
import { ask } from './prompts';

/** True when `uri` names a file or folder; false when there is none (any other error is thrown). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return false;
    throw e;
  }
}

/** Why writing to `target` would overwrite something the extension reads, or undefined. */
export async function targetConflict(target: vscode.Uri, inputs: readonly vscode.Uri[]): Promise<string | undefined> {
  if (target.scheme === 'file')
    return outputConflict(
      target.fsPath,
      inputs.filter((u) => u.scheme === 'file').map((u) => u.fsPath),
    );
  if (inputs.some((u) => u.toString() === target.toString())) return 'is one of the files this export reads';
  if (isSidecarPath(target.path)) return 'is an annotation file';
  if (target.path.endsWith('/codebook.yaml')) return 'is a codebook';
  if (await exists(target.with({ path: sidecarPathFor(target.path) })))
    return 'is a source text (it has an annotation file)';
  return undefined;
}

/** True when the export may write to `target`: no conflict, or the user confirmed overwriting it. */
export async function mayWrite(
  target: vscode.Uri,
  inputs: readonly vscode.Uri[],
  interactive: boolean,
  log: vscode.LogOutputChannel,
): Promise<boolean> {
  const conflict = await targetConflict(target, inputs);
  if (conflict === undefined) return true;
  const name = vscode.workspace.asRelativePath(target);
  const message = `${name} ${conflict}: exporting there would overwrite it.`;
  if (!interactive) {
    log.error(`export refused: ${message}`);
    void ask({
      severity: 'error',
      message: `Nothing exported: ${message} Choose another file.`,
      modal: false,
      items: [],
    });
    return false;
  }
  const overwrite = 'Overwrite It';
  const choice = await ask({
    severity: 'warning',
    message,
    modal: true,
    detail: 'Choose another file unless you mean to replace it with the export.',
    items: [overwrite],
  });
  if (choice !== overwrite) log.info(`export not written: ${message}`);
  return choice === overwrite;
}
