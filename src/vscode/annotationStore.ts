/**
 * Annotations of each open coded document, and their sidecar file. The in-memory list is the truth while a
 * document is open; it is written (atomically, by the core's writer) after every coding decision and when the
 * source is saved, never over a sidecar that changed on disk since it was read or that could not be read.
 */
import * as vscode from 'vscode';
import { reanchor, reanchorAll } from '../core/anchoring';
import { sortAnnotations, type Annotation } from '../core/annotations';
import { shiftAnnotations, type TextEdit } from '../core/annotations';
import { parseSidecar, serializeSidecar, sidecarPathFor, writeSidecarSafely } from '../core/sidecar';
import { canonicalText, textHash } from '../core/text';
import { documentText, editsFromChanges } from './convert';
import { workspaceFilePort } from './filePort';
import { offerStaleTempCleanup } from './staleTempCleanup';
import { RefusedRead } from './workspaceReads';
import type { SidecarProblems } from './sidecarProblems';

export interface DocumentAnnotations {
  readonly uri: vscode.Uri;
  readonly sidecarUri: vscode.Uri;
  annotations: readonly Annotation[];
  /** The sidecar text last read or written: null when there is no file, undefined before the first read. */
  onDisk: string | null | undefined;
  /** In-memory annotations differ from the file (offsets moved by typing, or a write was refused). */
  unsaved: boolean;
  /** The file had problems: it is shown but never written until fixed. */
  readOnly: boolean;
  /** The file was deleted on disk while loaded: not recreated until the user decides. */
  deletedOnDisk: boolean;
}

export type SaveOutcome = 'saved' | 'unchanged' | 'refused';

export class AnnotationStore implements vscode.Disposable {
  private readonly docs = new Map<string, DocumentAnnotations>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly problems: SidecarProblems,
    private readonly log: vscode.LogOutputChannel,
    private readonly codebookId: () => string,
  ) {}

  get(uri: vscode.Uri): DocumentAnnotations | undefined {
    return this.docs.get(uri.toString());
  }

  all(): DocumentAnnotations[] {
    return [...this.docs.values()];
  }

  /** Reads the sidecar of a document (again). Problems are shown; nothing is written. */
  async load(doc: vscode.TextDocument): Promise<DocumentAnnotations> {
    const sidecarUri = doc.uri.with({ path: sidecarPathFor(doc.uri.path) });
    const entry: DocumentAnnotations = this.get(doc.uri) ?? {
      uri: doc.uri, sidecarUri, annotations: [], onDisk: undefined, unsaved: false, readOnly: false, deletedOnDisk: false,
    };
    this.docs.set(doc.uri.toString(), entry);
    let text: string | undefined;
    try {
      text = await workspaceFilePort(sidecarUri).readText(sidecarUri.path);
    } catch (e) {
      if (!(e instanceof RefusedRead)) throw e;
      return this.refused(entry, e.message);
    }
    this.applyDiskText(entry, text ?? null);
    offerStaleTempCleanup(sidecarUri, this.log);
    return entry;
  }

  /** A sidecar that must not be read (a link out of the workspace, a FIFO): nothing loaded, nothing written. */
  private refused(entry: DocumentAnnotations, message: string): DocumentAnnotations {
    entry.annotations = [];
    entry.readOnly = true;
    this.problems.show(entry.sidecarUri, [{ file: entry.sidecarUri.fsPath, line: 1, column: 1, severity: 'error', message }], true);
    this.changed.fire(entry.uri);
    return entry;
  }

  /** Takes the sidecar text found on disk as the new truth (used on open and on "reload from disk"). */
  applyDiskText(entry: DocumentAnnotations, text: string | null): void {
    entry.onDisk = text;
    entry.unsaved = false;
    entry.deletedOnDisk = false;
    if (text === null) {
      entry.annotations = [];
      entry.readOnly = false;
      this.problems.clear(entry.sidecarUri);
    } else {
      const parsed = parseSidecar(text, entry.sidecarUri.fsPath);
      entry.annotations = this.reanchored(entry, parsed.sidecar?.annotations ?? []);
      entry.readOnly = parsed.readOnly;
      this.problems.show(entry.sidecarUri, parsed.problems, parsed.readOnly);
      this.log.info(`loaded ${entry.annotations.length} annotation(s) from ${entry.sidecarUri.toString()}${parsed.readOnly ? ' (read-only: problems)' : ''}`);
    }
    this.changed.fire(entry.uri);
  }

  /** Checks loaded offsets against the document's text; moved or lost quotes are flagged, never dropped. */
  private reanchored(entry: DocumentAnnotations, list: Annotation[]): Annotation[] {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.uri.toString());
    if (!doc || list.length === 0) return list;
    const { annotations, counts } = reanchorAll(list, documentText(doc));
    const changed = counts.moved + counts.ambiguous + counts.fuzzy + counts.orphaned;
    if (changed > 0) {
      entry.unsaved = true;
      const message = `${vscode.workspace.asRelativePath(entry.uri)} changed since it was coded: ${counts.moved} annotation(s) moved with their text, ${counts.ambiguous + counts.fuzzy} need review (${counts.fuzzy} of them edited inside), ${counts.orphaned} orphaned (kept; see "Go to Annotation"). The annotation file is updated when you save.`;
      this.log.warn(message);
      void vscode.window.showWarningMessage(message);
    }
    return annotations;
  }

  forget(uri: vscode.Uri): void {
    this.docs.delete(uri.toString());
  }

  /** Moves annotations with their text as the document is edited (VS Code does not, microsoft/vscode#48364). */
  applyEdits(doc: vscode.TextDocument, changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    const entry = this.get(doc.uri);
    if (!entry || entry.annotations.length === 0 || changes.length === 0) return;
    const edits: TextEdit[] = editsFromChanges(doc, changes);
    const text = documentText(doc);
    entry.annotations = recoverOrphans(entry.annotations, shiftAnnotations(entry.annotations, edits, text), text);
    entry.unsaved = true;
    this.changed.fire(entry.uri);
  }

  /** Applies a coding decision and writes the sidecar. Resolves to false when nothing could be written. */
  async update(doc: vscode.TextDocument, change: (list: readonly Annotation[]) => Annotation[]): Promise<boolean> {
    const entry = this.get(doc.uri) ?? (await this.load(doc));
    if (entry.readOnly) {
      void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(entry.sidecarUri)} has problems (see Problems): fix them before coding this file, so that no annotation in it is lost.`);
      return false;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Sovereignty Coder writes annotation files only in a trusted workspace (Restricted Mode is on).');
      return false;
    }
    entry.annotations = change(entry.annotations);
    entry.unsaved = true;
    this.changed.fire(entry.uri);
    return (await this.save(doc)) !== 'refused';
  }

  /** Writes the sidecar when the in-memory annotations differ from it. */
  async save(doc: vscode.TextDocument): Promise<SaveOutcome> {
    const entry = this.get(doc.uri);
    if (!entry || !entry.unsaved) return 'unchanged';
    if (entry.readOnly || !vscode.workspace.isTrusted) return 'refused';
    if (entry.deletedOnDisk) {
      void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(entry.sidecarUri)} was deleted on disk; your annotations are kept in memory. Use "Restore" in the earlier message, or reopen the document to start afresh.`);
      return 'refused';
    }
    if (entry.onDisk === null && entry.annotations.length === 0) return 'unchanged';
    const canonical = canonicalText(doc.getText());
    const yaml = serializeSidecar(
      { version: 1, source: entry.uri.path.slice(entry.uri.path.lastIndexOf('/') + 1), sourceHash: textHash(canonical), codebook: this.codebookId(), annotations: [...entry.annotations] },
      canonical,
    );
    if (yaml === entry.onDisk) {
      entry.unsaved = false;
      return 'unchanged';
    }
    const result = await writeSidecarSafely(workspaceFilePort(entry.sidecarUri), entry.sidecarUri.path, yaml, entry.onDisk ?? null);
    if (result.ok) {
      entry.onDisk = yaml;
      entry.unsaved = false;
      this.log.info(`wrote ${entry.annotations.length} annotation(s) to ${entry.sidecarUri.toString()}`);
      return 'saved';
    }
    this.log.error(`not written: ${entry.sidecarUri.toString()}: ${result.message}`);
    if (result.reason === 'changed-on-disk') await this.offerConflictChoice(entry);
    else void vscode.window.showErrorMessage(`Sovereignty Coder could not write ${vscode.workspace.asRelativePath(entry.sidecarUri)}: ${result.message}. Your annotations are kept in memory.`);
    return 'refused';
  }

  /** The sidecar changed on disk while we had unsaved annotations: the user decides, nothing is dropped silently. */
  async offerConflictChoice(entry: DocumentAnnotations): Promise<void> {
    const reload = 'Reload from Disk';
    const compare = 'Compare';
    const overwrite = 'Overwrite with Mine';
    const choice = await vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(entry.sidecarUri)} changed on disk (a checkout, a merge or another editor) while you had unsaved annotation changes.`,
      reload, compare, overwrite,
    );
    const port = workspaceFilePort(entry.sidecarUri);
    if (choice === reload) this.applyDiskText(entry, (await port.readText(entry.sidecarUri.path)) ?? null);
    else if (choice === overwrite) {
      entry.onDisk = (await port.readText(entry.sidecarUri.path)) ?? null;
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.uri.toString());
      if (doc) await this.save(doc);
    } else if (choice === compare) {
      const mine = await vscode.workspace.openTextDocument({ language: 'sovereignty-annotations', content: this.inMemoryYaml(entry) });
      await vscode.commands.executeCommand('vscode.diff', entry.sidecarUri, mine.uri, 'On disk ↔ in memory (annotations)');
    }
  }

  private inMemoryYaml(entry: DocumentAnnotations): string {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.uri.toString());
    const canonical = doc ? canonicalText(doc.getText()) : undefined;
    return serializeSidecar({ version: 1, source: entry.uri.path.slice(entry.uri.path.lastIndexOf('/') + 1), sourceHash: canonical ? textHash(canonical) : '', codebook: this.codebookId(), annotations: [...entry.annotations] }, canonical);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * An edit that replaced a whole span (a formatter rewriting the document, a paste over a paragraph) leaves
 * orphans; when the quote is still there with its context, re-anchor it, exactly as on load.
 */
function recoverOrphans(before: readonly Annotation[], after: Annotation[], text: string): Annotation[] {
  const wasOrphan = new Set(before.filter((a) => a.status === 'orphaned').map((a) => a.id));
  const original = new Map(before.map((a) => [a.id, a]));
  return sortAnnotations(after.map((a) => {
    const old = original.get(a.id);
    if (a.status !== 'orphaned' || wasOrphan.has(a.id) || !old) return a;
    const r = reanchor(old, text);
    return r.outcome === 'moved' || r.outcome === 'exact' ? r.annotation : a;
  }));
}
