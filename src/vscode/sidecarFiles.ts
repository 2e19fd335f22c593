/**
 * The disk side of the annotations: reading a document's sidecar (and re-anchoring what it holds against the
 * document), writing it atomically with the core's writer after every coding decision and when the source is
 * saved, and following changes made to it outside (git checkout, merge, another editor). It never writes over
 * a sidecar that changed on disk since it was read or that could not be read: the user decides, and nothing is
 * dropped silently. The state itself lives in the AnnotationStore; this room changes it only through the
 * store's named transitions.
 */
import * as vscode from 'vscode';
import { reanchorAll } from '../core/anchoring';
import type { Annotation } from '../core/annotations';
import { parseSidecar, serializeSidecar, sidecarForSource, sidecarPathFor, writeSidecarSafely } from '../core/sidecar';
import { canonicalText } from '../core/text';
import type { AnnotationStore, DocumentAnnotations } from './annotationStore';
import { documentText, openDocument } from './convert';
import { readStrictText, workspaceFilePort } from './filePort';
import { SidecarMessage } from './sidecarMessages';
import type { SidecarProblems } from './sidecarProblems';
import { offerStaleTempCleanup } from './staleTempCleanup';
import { RefusedRead } from './workspaceReads';

export type SaveOutcome = 'saved' | 'unchanged' | 'refused';

export class SidecarFiles {
  /** Reads in flight, by document: a decision waits for its document's read, which would otherwise replace it. */
  private readonly loading = new Map<string, Promise<DocumentAnnotations>>();

  constructor(
    private readonly store: AnnotationStore,
    private readonly problems: SidecarProblems,
    private readonly log: vscode.LogOutputChannel,
    private readonly codebookId: () => string,
  ) {}

  /** Reads the sidecar of a document (again). Problems are shown; nothing is written. */
  load(doc: vscode.TextDocument): Promise<DocumentAnnotations> {
    const key = doc.uri.toString();
    const read = this.readInto(doc).finally(() => {
      if (this.loading.get(key) === read) this.loading.delete(key);
    });
    this.loading.set(key, read);
    return read;
  }

  private async readInto(doc: vscode.TextDocument): Promise<DocumentAnnotations> {
    const entry = this.store.track(doc.uri, doc.uri.with({ path: sidecarPathFor(doc.uri.path) }));
    let text: string | null;
    try {
      text = await this.read(entry);
    } catch (e) {
      if (!(e instanceof RefusedRead)) throw e;
      // a sidecar that must not be read (a link out of the workspace, a FIFO, bytes that are not UTF-8): nothing
      // loaded, nothing written
      this.problems.show(
        entry.sidecarUri,
        [{ file: entry.sidecarUri.fsPath, line: 1, column: 1, severity: 'error', message: e.message }],
        true,
      );
      this.store.markUnreadable(entry.uri);
      return entry;
    }
    // a decision taken while this first read was in flight (a tag right after opening) is newer than what the
    // read found: keep it; its write was checked against the disk, so nothing on disk was overwritten unseen
    if (entry.onDisk === undefined && !entry.unsaved) this.takeDiskText(entry, text);
    offerStaleTempCleanup(entry.sidecarUri, this.log);
    return entry;
  }

  /** Applies a coding decision and writes the sidecar. Resolves to false when nothing could be written. */
  async applyDecision(
    doc: vscode.TextDocument,
    change: (list: readonly Annotation[]) => Annotation[],
  ): Promise<boolean> {
    // a read in flight (the document just opened) ends first, so that it cannot replace the decision
    await this.loading.get(doc.uri.toString());
    const tracked = this.store.get(doc.uri);
    // not read yet (a decision right after opening): read first, so the decision lands on what the file holds
    const entry = tracked && tracked.onDisk !== undefined ? tracked : await this.load(doc);
    if (entry.readOnly) {
      void vscode.window.showErrorMessage(SidecarMessage.fixBeforeCoding(entry.sidecarUri));
      return false;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(SidecarMessage.RESTRICTED_MODE);
      return false;
    }
    this.store.decide(doc.uri, change);
    return (await this.save(doc)) !== 'refused';
  }

  /** Writes the sidecar when the in-memory annotations differ from it. */
  async save(doc: vscode.TextDocument): Promise<SaveOutcome> {
    const entry = this.store.get(doc.uri);
    if (!entry || !entry.unsaved) return 'unchanged';
    if (entry.readOnly || !vscode.workspace.isTrusted) return 'refused';
    if (entry.deletedOnDisk) {
      void vscode.window.showWarningMessage(SidecarMessage.deletedKeptInMemory(entry.sidecarUri));
      return 'refused';
    }
    if (entry.onDisk === null && entry.annotations.length === 0) return 'unchanged';
    const yaml = this.yamlOf(entry, doc);
    if (yaml === entry.onDisk) {
      this.store.markInStep(entry.uri);
      return 'unchanged';
    }
    const result = await writeSidecarSafely(
      workspaceFilePort(entry.sidecarUri),
      entry.sidecarUri.path,
      yaml,
      entry.onDisk ?? null,
    );
    if (result.ok) {
      this.store.markWritten(entry.uri, yaml);
      this.log.info(`wrote ${entry.annotations.length} annotation(s) to ${entry.sidecarUri.toString()}`);
      return 'saved';
    }
    this.log.error(`not written: ${entry.sidecarUri.toString()}: ${result.message}`);
    if (result.reason === 'changed-on-disk') await this.offerConflictChoice(entry);
    else void vscode.window.showErrorMessage(SidecarMessage.notWritten(entry.sidecarUri, result.message));
    return 'refused';
  }

  /** The watcher saw the sidecar change, appear or go: follow the disk, asking when memory has more. */
  async followDisk(entry: DocumentAnnotations): Promise<void> {
    const text = await this.read(entry);
    if (text === entry.onDisk) return; // our own write, or no real change
    const name = vscode.workspace.asRelativePath(entry.sidecarUri);
    if (text === null) {
      this.store.markDeletedOnDisk(entry.uri);
      if (!entry.deletedOnDisk) return; // nothing was loaded, so nothing can be lost
      await this.offerDeletedChoice(entry);
      return;
    }
    if (entry.unsaved) {
      await this.offerConflictChoice(entry);
      return;
    }
    this.log.info(`${name} changed on disk: reloading`);
    this.takeDiskText(entry, text);
  }

  /** The sidecar changed on disk while we had unsaved annotations: the user decides, nothing is dropped silently. */
  private async offerConflictChoice(entry: DocumentAnnotations): Promise<void> {
    const { reload, compare, overwrite } = SidecarMessage.CONFLICT_CHOICES;
    const choice = await vscode.window.showWarningMessage(
      SidecarMessage.changedOnDisk(entry.sidecarUri),
      reload,
      compare,
      overwrite,
    );
    if (choice === reload) this.takeDiskText(entry, await this.read(entry));
    else if (choice === overwrite) {
      this.store.acceptDiskVersion(entry.uri, await this.read(entry));
      const doc = openDocument(entry.uri);
      if (doc) await this.save(doc);
    } else if (choice === compare) {
      const mine = await vscode.workspace.openTextDocument({
        language: 'sovereignty-annotations',
        content: this.yamlOf(entry, openDocument(entry.uri)),
      });
      await vscode.commands.executeCommand(
        'vscode.diff',
        entry.sidecarUri,
        mine.uri,
        'On disk ↔ in memory (annotations)',
      );
    }
  }

  /** The sidecar was deleted while its annotations were loaded: write them back, or let them go. */
  private async offerDeletedChoice(entry: DocumentAnnotations): Promise<void> {
    this.log.warn(
      `${vscode.workspace.asRelativePath(entry.sidecarUri)} was deleted on disk while ${entry.annotations.length} annotation(s) were loaded`,
    );
    const { restore, forget } = SidecarMessage.DELETED_CHOICES;
    const choice = await vscode.window.showWarningMessage(
      SidecarMessage.deletedOnDisk(entry.sidecarUri, entry.annotations.length),
      restore,
      forget,
    );
    const doc = openDocument(entry.uri);
    if (choice === restore && doc) {
      this.store.restore(entry.uri);
      await this.save(doc);
    } else if (choice === forget) this.takeDiskText(entry, null);
  }

  /** Takes the sidecar text found on disk as the new truth (null: there is no file). */
  private takeDiskText(entry: DocumentAnnotations, text: string | null): void {
    if (text === null) {
      this.problems.clear(entry.sidecarUri);
      this.store.replaceFromDisk(entry.uri, { text, annotations: [], readOnly: false, unsaved: false });
      return;
    }
    const parsed = parseSidecar(text, entry.sidecarUri.fsPath);
    const { annotations, moved } = this.reanchored(entry, parsed.sidecar?.annotations ?? []);
    this.problems.show(entry.sidecarUri, parsed.problems, parsed.readOnly);
    this.log.info(
      `loaded ${annotations.length} annotation(s) from ${entry.sidecarUri.toString()}${parsed.readOnly ? ' (read-only: problems)' : ''}`,
    );
    this.store.replaceFromDisk(entry.uri, { text, annotations, readOnly: parsed.readOnly, unsaved: moved });
  }

  /** Checks loaded offsets against the document's text; moved or lost quotes are flagged, never dropped. */
  private reanchored(entry: DocumentAnnotations, list: Annotation[]): { annotations: Annotation[]; moved: boolean } {
    const doc = openDocument(entry.uri);
    if (!doc || list.length === 0) return { annotations: list, moved: false };
    const { annotations, counts, results } = reanchorAll(list, documentText(doc));
    for (const r of results) {
      if (r.alternatives === undefined || r.alternatives.length === 0) continue;
      const others = r.alternatives.map((c) => `${c.start}–${c.end}`).join(', ');
      const where =
        r.outcome === 'orphaned'
          ? 'is orphaned (its text was deleted); look-alikes, not taken, are'
          : `needs review at ${r.annotation.start}–${r.annotation.end}; it could also be`;
      this.log.warn(`${r.annotation.id} ${where} at ${others}`);
    }
    const moved = counts.moved + counts.ambiguous + counts.fuzzy + counts.orphaned > 0;
    if (moved) {
      const message = SidecarMessage.reanchoredOnLoad(entry.uri, counts);
      this.log.warn(message);
      void vscode.window.showWarningMessage(message);
    }
    return { annotations, moved };
  }

  /** The sidecar's text on disk, or null when there is none. */
  private async read(entry: DocumentAnnotations): Promise<string | null> {
    return (
      (await readStrictText(
        workspaceFilePort(entry.sidecarUri),
        entry.sidecarUri.path,
        entry.sidecarUri.fsPath,
        'annotation file',
      )) ?? null
    );
  }

  /** The in-memory annotations as the sidecar would hold them, over the document's text when it is open. */
  private yamlOf(entry: DocumentAnnotations, doc: vscode.TextDocument | undefined): string {
    const canonical = doc ? canonicalText(doc.getText()) : undefined;
    return serializeSidecar(
      sidecarForSource(entry.uri.path, this.codebookId(), entry.annotations, canonical),
      canonical,
    );
  }
}
