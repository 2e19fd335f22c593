/**
 * Keeps the store and the disk in step: load a document's sidecar when it opens, move annotations while it is
 * edited, write when the source is saved, and follow changes made to sidecars outside (git checkout, merge,
 * another editor) without ever dropping unsaved coding decisions.
 */
import * as vscode from 'vscode';
import type { AnnotationStore, DocumentAnnotations } from './annotationStore';
import { workspaceFilePort } from './filePort';
import { isCodedDocument } from './settings';

export function registerSidecarSync(store: AnnotationStore, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const load = (doc: vscode.TextDocument): void => {
    if (isCodedDocument(doc)) store.load(doc).catch((e: unknown) => log.error(`loading annotations of ${doc.uri.toString()}: ${String(e)}`));
  };
  vscode.workspace.textDocuments.forEach(load);

  const watcher = vscode.workspace.createFileSystemWatcher('**/*.annotations.yaml');
  const onDisk = (uri: vscode.Uri): void => {
    const entry = store.all().find((e) => e.sidecarUri.toString() === uri.toString());
    // a sidecar replaced by a link out of the workspace (RefusedRead) or unreadable: said, and memory kept as it is
    if (entry) followDisk(store, entry, log).catch((e: unknown) => {
      const message = `Sovereignty Coder: ${e instanceof Error ? e.message : String(e)}; the annotations in memory are kept.`;
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
      if (entry?.unsaved) log.warn(`closed ${doc.uri.toString()} with annotation moves not saved (the source was not saved either)`);
      store.forget(doc.uri);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => store.applyEdits(e.document, e.contentChanges)),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      store.save(doc).catch((e: unknown) => log.error(`saving annotations of ${doc.uri.toString()}: ${String(e)}`));
    }),
  ];
}

async function followDisk(store: AnnotationStore, entry: DocumentAnnotations, log: vscode.LogOutputChannel): Promise<void> {
  const text = (await workspaceFilePort(entry.sidecarUri).readText(entry.sidecarUri.path)) ?? null;
  if (text === entry.onDisk) return; // our own write, or no real change
  const name = vscode.workspace.asRelativePath(entry.sidecarUri);
  if (text === null) {
    entry.onDisk = null;
    if (entry.annotations.length === 0) return;
    entry.deletedOnDisk = true;
    log.warn(`${name} was deleted on disk while ${entry.annotations.length} annotation(s) were loaded`);
    const restore = 'Restore File';
    const forget = 'Forget Annotations';
    const choice = await vscode.window.showWarningMessage(
      `${name} was deleted on disk. Its ${entry.annotations.length} annotation(s) are still in memory and will not be written unless you say so.`,
      restore, forget,
    );
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.uri.toString());
    if (choice === restore && doc) {
      entry.deletedOnDisk = false;
      entry.unsaved = true;
      await store.save(doc);
    } else if (choice === forget) store.applyDiskText(entry, null);
    return;
  }
  if (entry.unsaved) {
    await store.offerConflictChoice(entry);
    return;
  }
  log.info(`${name} changed on disk: reloading`);
  store.applyDiskText(entry, text);
}
