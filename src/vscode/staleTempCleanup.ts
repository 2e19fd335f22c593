/**
 * Temporary copies of a sidecar left by saves that were killed before their rename (core/files/staleTemps.ts):
 * when a sidecar is loaded, those older than a few minutes are announced with a button to delete them, and one
 * to show them. Never deleted without the user's word: each is a copy of a coder's data. Local files only
 * (the check reads the folder through node's fs, as the mode-keeping write does).
 */
import * as vscode from 'vscode';
import { staleTempsOf, type StaleTemp } from '../core/files';
import { errorMessage } from '../core/input';
import { ask } from './prompts';

/** Folders already announced in this session, so that opening each text of a folder does not repeat it. */
const announced = new Set<string>();

/**
 * Deletes each copy the coder chose to delete: to the trash where the file system has one; where it has none
 * (a remote or web workbench such as code-server), for good, as the coder asked, and the log says which.
 */
async function remove(temps: readonly StaleTemp[], log: vscode.LogOutputChannel): Promise<void> {
  for (const t of temps) {
    const uri = vscode.Uri.file(t.path);
    try {
      await vscode.workspace.fs.delete(uri, { useTrash: true });
      log.info(`deleted the stale temporary copy ${t.path} (to the trash)`);
    } catch (e) {
      log.info(`no trash for ${t.path} (${errorMessage(e)}): deleting it for good, as chosen`);
      await vscode.workspace.fs.delete(uri, { useTrash: false });
      log.info(`deleted the stale temporary copy ${t.path}`);
    }
  }
}

/** The stale temp files of a sidecar (local files only), announced once per sidecar and session. */
export function offerStaleTempCleanup(sidecar: vscode.Uri, log: vscode.LogOutputChannel): void {
  if (sidecar.scheme !== 'file' || announced.has(sidecar.fsPath)) return;
  let temps: StaleTemp[];
  try {
    temps = staleTempsOf(sidecar.fsPath, Date.now());
  } catch (e) {
    log.warn(`could not look for stale temporary copies beside ${sidecar.fsPath}: ${errorMessage(e)}`);
    return;
  }
  if (temps.length === 0) return;
  announced.add(sidecar.fsPath);
  const name = vscode.workspace.asRelativePath(sidecar);
  const message = `${temps.length} temporary cop${temps.length === 1 ? 'y' : 'ies'} of ${name} left by interrupted saves (${temps.map((t) => t.path.slice(t.path.lastIndexOf('/') + 1)).join(', ')}). ${name} itself is intact.`;
  log.warn(`${message} ${temps.map((t) => t.path).join(', ')}`);
  const del = 'Delete Them';
  const show = 'Show Them';
  void ask({ severity: 'warning', message, modal: false, items: [del, show] })
    .then(async (choice) => {
      if (choice === del) await remove(temps, log);
      else if (choice === show)
        for (const t of temps) await vscode.window.showTextDocument(vscode.Uri.file(t.path), { preview: false });
    })
    .then(undefined, (e: unknown) => {
      const failed = `Stale temporary copies of ${name}: ${errorMessage(e)}`;
      log.error(failed);
      void vscode.window.showErrorMessage(failed);
    });
}
