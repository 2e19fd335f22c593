/**
 * *Import REFI-QDA Project (.qdpx) or Codebook (.qdc)…*: the same core import as `sovcode import`
 * (src/core/interchange), with the files written through `vscode.workspace.fs` into a folder the user picks (or
 * the one given, for tests and other extensions). Nothing is overwritten: when a file to be written exists, the
 * import stops before writing and names it. Texts get their dates back where the folder is on this machine. What
 * could not be placed is in the log and in refi-qda-import-report.txt.
 */
import { utimesSync } from 'node:fs';
import * as vscode from 'vscode';
import { importRefiQda, isInterchangeError, reportText, type ImportResult } from '../core/interchange';
import { InterchangeCommandId } from './commandIds';
import { exists } from './exportTarget';
import type { Services } from './services';

const REPORT = 'refi-qda-import-report.txt';

export interface ImportSummary {
  folder: vscode.Uri;
  codebook: string;
  frames: number;
  texts: number;
  placed: number;
  reported: number;
}

async function pick(
  title: string,
  folders: boolean,
  filters?: Record<string, string[]>,
): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title,
    canSelectFiles: !folders,
    canSelectFolders: folders,
    canSelectMany: false,
    filters,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return picked?.[0];
}

async function writeAll(result: ImportResult, folder: vscode.Uri): Promise<string[]> {
  const files = [...result.files, ...(result.report.length > 0 ? [{ path: REPORT, text: reportText(result) }] : [])];
  const targets = files.map((f) => ({ ...f, uri: vscode.Uri.joinPath(folder, ...f.path.split('/')) }));
  const existing: string[] = [];
  for (const t of targets) if (await exists(t.uri)) existing.push(vscode.workspace.asRelativePath(t.uri));
  if (existing.length > 0) return existing;
  const encoder = new TextEncoder();
  for (const t of targets) {
    await vscode.workspace.fs.writeFile(t.uri, encoder.encode(t.text));
    const when = t.date === undefined ? undefined : new Date(t.date);
    // the text's date, as its file's; workspace.fs cannot set it, so only on a folder of this machine
    if (when !== undefined && !Number.isNaN(when.getTime()) && t.uri.scheme === 'file')
      utimesSync(t.uri.fsPath, when, when);
  }
  return [];
}

export async function importRefiQdaCommand(
  services: Services,
  file?: vscode.Uri,
  into?: vscode.Uri,
): Promise<ImportSummary | undefined> {
  const interactive = file === undefined;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      'Sovereignty Coder: nothing is imported in Restricted Mode (nothing is written until you trust the workspace).',
    );
    return undefined;
  }
  const source = file ?? (await pick('Import a REFI-QDA project or codebook', false, { 'REFI-QDA': ['qdpx', 'qdc'] }));
  if (!source) return undefined;
  const folder = into ?? (await pick('Folder to import into (an empty one)', true));
  if (!folder) return undefined;
  let result: ImportResult;
  try {
    result = importRefiQda(
      await vscode.workspace.fs.readFile(source),
      source.path,
      new Date().toISOString().slice(0, 10),
    );
  } catch (e) {
    if (!isInterchangeError(e)) throw e;
    services.log.error(`import refused: ${e.message}`);
    void vscode.window.showErrorMessage(`Sovereignty Coder: nothing imported. ${e.message}`, { modal: interactive });
    return undefined;
  }
  const existing = await writeAll(result, folder);
  if (existing.length > 0) {
    const message = `Nothing imported: these files exist and would be overwritten: ${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ` and ${existing.length - 5} more` : ''}. Import into an empty folder.`;
    services.log.error(message);
    void vscode.window.showErrorMessage(`Sovereignty Coder: ${message}`, { modal: interactive });
    return undefined;
  }
  for (const r of result.report) services.log.warn(`${r.where}: ${r.message}`);
  const reported =
    result.report.length > 0 ? ` ${result.report.length} item(s) could not be placed: see ${REPORT}.` : '';
  const text = `Imported codebook '${result.codebook.id}' (${result.codebook.frames.length} frames), ${result.texts} text(s) and ${result.placed} coding(s) into ${vscode.workspace.asRelativePath(folder)}.${reported}`;
  services.log.info(text);
  if (interactive) void vscode.window.showInformationMessage(text);
  return {
    folder,
    codebook: result.codebook.id,
    frames: result.codebook.frames.length,
    texts: result.texts,
    placed: result.placed,
    reported: result.report.length,
  };
}

export function registerImportRefiQda(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(InterchangeCommandId.importRefiQda, (file?: vscode.Uri, into?: vscode.Uri) =>
    importRefiQdaCommand(services, file, into),
  );
}
