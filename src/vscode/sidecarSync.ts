/**
 * Keeps the store and the disk in step by wiring VS Code's events to them: load a document's sidecar when it
 * opens, move annotations while it is edited, write when the source is saved, and hand every change the file
 * watcher sees in a sidecar to SidecarFiles, which follows the disk without dropping unsaved coding decisions.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../core/input';
import type { AnnotationStore } from './annotationStore';
import type { SidecarFiles } from './sidecarFiles';
import { isCodedDocument } from './settings';

export function registerSidecarSync(
  store: AnnotationStore,
  sidecars: SidecarFiles,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  const load = (doc: vscode.TextDocument): void => {
    if (isCodedDocument(doc))
      sidecars
        .load(doc)
        .catch((e: unknown) => log.error(`loading annotations of ${doc.uri.toString()}: ${errorMessage(e)}`));
  };
  vscode.workspace.textDocuments.forEach(load);

  const watcher = vscode.workspace.createFileSystemWatcher('**/*.annotations.yaml');
  const onDisk = (uri: vscode.Uri): void => {
    const entry = store.bySidecar(uri);
    // a sidecar replaced by a link out of the workspace (RefusedRead) or unreadable: said, and memory kept as it is
    if (entry)
      sidecars.followDisk(entry).catch((e: unknown) => {
        const message = `Sovereignty Coder: ${errorMessage(e)}; the annotations in memory are kept.`;
        log.error(message);
        void vscode.window.showErrorMessage(message);
      });
  };
  return [
    watcher,
    watcher.onDidChange(onDisk),
    watcher.onDidCreate(onDisk),
    watcher.onDidDelete(onDisk),
    vscode.workspace.onDidOpenTextDocument(load),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const entry = store.get(doc.uri);
      if (entry?.unsaved)
        log.warn(`closed ${doc.uri.toString()} with annotation moves not saved (the source was not saved either)`);
      store.forget(doc.uri);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => store.applyEdits(e.document, e.contentChanges)),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      sidecars
        .save(doc)
        .catch((e: unknown) => log.error(`saving annotations of ${doc.uri.toString()}: ${errorMessage(e)}`));
    }),
  ];
}
