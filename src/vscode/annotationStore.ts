/**
 * Annotations of each open coded document: the in-memory truth while a document is open, and what is known
 * about its sidecar file (the text last read or written, unsaved changes, problems, deleted on disk). Only the
 * state and its transitions live here, each a named method, and the entries are read-only to everyone else;
 * reading and writing the files, and asking the user when they conflict, is sidecarFiles.ts's work.
 */
import * as vscode from 'vscode';
import { reanchor, type Alternative } from '../core/anchoring';
import { shiftAnnotations, sortAnnotations, type Annotation } from '../core/annotations';
import { documentText, editsFromChanges } from './convert';
import { canonicalSource } from './documentExcerpts';

export interface DocumentAnnotations {
  readonly uri: vscode.Uri;
  readonly sidecarUri: vscode.Uri;
  readonly annotations: readonly Annotation[];
  /** Coders who marked the text done (the sidecar's `done:`), written back with the annotations. */
  readonly done: readonly string[] | undefined;
  /** The sidecar text last read or written: null when there is no file, undefined before the first read. */
  readonly onDisk: string | null | undefined;
  /** In-memory annotations differ from the file (offsets moved by typing, or a write was refused). */
  readonly unsaved: boolean;
  /** The file had problems: it is shown but never written until fixed. */
  readonly readOnly: boolean;
  /** The file was deleted on disk while loaded: not recreated until the user decides. */
  readonly deletedOnDisk: boolean;
  /**
   * Other places of flagged annotations (by id) as re-anchoring found them on load; dropped at the first edit,
   * as their offsets are of the text then (reviewCandidates.ts finds them again from the text as it is).
   */
  readonly alternatives: ReadonlyMap<string, readonly Alternative[]>;
}

type Entry = { -readonly [K in keyof DocumentAnnotations]: DocumentAnnotations[K] };

/** What a read of the sidecar found, already checked against the document's text. */
export interface DiskState {
  /** The file's text, or null when there is no file. */
  text: string | null;
  annotations: readonly Annotation[];
  done?: readonly string[];
  readOnly: boolean;
  /** Re-anchoring on load moved or flagged annotations: the file is behind the memory. */
  unsaved: boolean;
  /** The other places re-anchoring found for flagged annotations, by id. */
  alternatives?: ReadonlyMap<string, readonly Alternative[]>;
}

export class AnnotationStore implements vscode.Disposable {
  private readonly docs = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's annotations (or whether they can be written) changed. */
  readonly onDidChange = this.changed.event;

  get(uri: vscode.Uri): DocumentAnnotations | undefined {
    return this.docs.get(uri.toString());
  }

  all(): DocumentAnnotations[] {
    return [...this.docs.values()];
  }

  /** The entry whose sidecar is `sidecarUri`, if its document is tracked. */
  bySidecar(sidecarUri: vscode.Uri): DocumentAnnotations | undefined {
    const key = sidecarUri.toString();
    return this.all().find((e) => e.sidecarUri.toString() === key);
  }

  /** The entry of a document, created empty (nothing read yet) the first time. */
  track(uri: vscode.Uri, sidecarUri: vscode.Uri): DocumentAnnotations {
    const existing = this.docs.get(uri.toString());
    if (existing) return existing;
    const entry: Entry = {
      uri,
      sidecarUri,
      annotations: [],
      done: undefined,
      onDisk: undefined,
      unsaved: false,
      readOnly: false,
      deletedOnDisk: false,
      alternatives: new Map(),
    };
    this.docs.set(uri.toString(), entry);
    return entry;
  }

  forget(uri: vscode.Uri): void {
    this.docs.delete(uri.toString());
  }

  /** The sidecar as read from disk becomes the truth (on open, on "reload from disk", on "forget"). */
  replaceFromDisk(uri: vscode.Uri, disk: DiskState): void {
    this.transition(uri, (entry) => {
      entry.onDisk = disk.text;
      entry.annotations = disk.annotations;
      entry.done = disk.done;
      entry.readOnly = disk.readOnly;
      entry.unsaved = disk.unsaved;
      entry.deletedOnDisk = false;
      entry.alternatives = disk.alternatives ?? new Map();
      this.changed.fire(entry.uri);
    });
  }

  /** The sidecar must not be read (a link out of the workspace, a FIFO): nothing loaded, and never written. */
  markUnreadable(uri: vscode.Uri): void {
    this.transition(uri, (entry) => {
      entry.annotations = [];
      entry.readOnly = true;
      this.changed.fire(entry.uri);
    });
  }

  /** Moves annotations with their text as the document is edited (VS Code does not, microsoft/vscode#48364). */
  applyEdits(doc: vscode.TextDocument, changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    const entry = this.docs.get(doc.uri.toString());
    if (!entry || entry.annotations.length === 0 || changes.length === 0) return;
    // excerpts, not getText(): a keystroke must not copy a 10 MB document; the whole text only for a new orphan
    const shifted = shiftAnnotations(entry.annotations, editsFromChanges(doc, changes), canonicalSource(doc));
    entry.annotations = recoverOrphans(entry.annotations, shifted, () => documentText(doc));
    entry.alternatives = new Map();
    entry.unsaved = true;
    this.changed.fire(entry.uri);
  }

  /** A coding decision: the list becomes `change(list)` and is due to be written. */
  decide(uri: vscode.Uri, change: (list: readonly Annotation[]) => Annotation[]): void {
    this.transition(uri, (entry) => {
      entry.annotations = change(entry.annotations);
      entry.unsaved = true;
      this.changed.fire(entry.uri);
    });
  }

  /** The text's done marks become `done` (a coder marked it coded, or took the mark back), due to be written. */
  setDone(uri: vscode.Uri, done: readonly string[] | undefined): void {
    this.transition(uri, (entry) => {
      entry.done = done;
      entry.unsaved = true;
      this.changed.fire(entry.uri);
    });
  }

  /** `yaml` is now the file on disk, and the memory is in step with it. */
  markWritten(uri: vscode.Uri, yaml: string): void {
    this.transition(uri, (entry) => {
      entry.onDisk = yaml;
      entry.unsaved = false;
    });
  }

  /** The memory turned out to serialize to the file as it is: nothing to write. */
  markInStep(uri: vscode.Uri): void {
    this.transition(uri, (entry) => {
      entry.unsaved = false;
    });
  }

  /** The file is gone from disk; with annotations loaded it stays gone until the user decides. */
  markDeletedOnDisk(uri: vscode.Uri): void {
    this.transition(uri, (entry) => {
      entry.onDisk = null;
      entry.deletedOnDisk = entry.annotations.length > 0;
    });
  }

  /** The user chose to write the in-memory annotations back to a file deleted on disk. */
  restore(uri: vscode.Uri): void {
    this.transition(uri, (entry) => {
      entry.deletedOnDisk = false;
      entry.unsaved = true;
    });
  }

  /** The user chose to overwrite the file as it now is: the next write is checked against this text. */
  acceptDiskVersion(uri: vscode.Uri, text: string | null): void {
    this.transition(uri, (entry) => {
      entry.onDisk = text;
    });
  }

  dispose(): void {
    this.changed.dispose();
  }

  /**
   * Applies a transition to a tracked document. A document closed while a read, a write or a question to the
   * user was pending is no longer tracked, and has no state left to change.
   */
  private transition(uri: vscode.Uri, apply: (entry: Entry) => void): void {
    const entry = this.docs.get(uri.toString());
    if (entry) apply(entry);
  }
}

/**
 * An edit that replaced a whole span (a formatter rewriting the document, a paste over a paragraph) leaves
 * orphans; when the quote is still there with its context, re-anchor it, exactly as on load.
 */
function recoverOrphans(before: readonly Annotation[], after: Annotation[], readText: () => string): Annotation[] {
  if (!after.some((a) => a.status === 'orphaned')) return after;
  const wasOrphan = new Set(before.filter((a) => a.status === 'orphaned').map((a) => a.id));
  const original = new Map(before.map((a) => [a.id, a]));
  let text: string | undefined;
  return sortAnnotations(
    after.map((a) => {
      const old = original.get(a.id);
      if (a.status !== 'orphaned' || wasOrphan.has(a.id) || !old) return a;
      text ??= readText();
      const r = reanchor(old, text);
      return r.outcome === 'moved' || r.outcome === 'exact' ? r.annotation : a;
    }),
  );
}
