/**
 * The disk side of the annotations: reading a document's sidecar (and re-anchoring what it holds against the
 * document), writing it atomically with the core's writer after every coding decision and when the source is
 * saved, and following changes made to it outside (git checkout, merge, another editor). It never writes over
 * a sidecar that changed on disk since it was read or that could not be read: the user decides, and nothing is
 * dropped silently. The state itself lives in the AnnotationStore; this room changes it only through the
 * store's named transitions.
 */
import * as vscode from 'vscode';
import type { Alternative } from '../core/anchoring';
import { dirname } from 'node:path';
import { sameDecisions, type Annotation } from '../core/annotations';
import { checkedOutAt } from '../core/git';
import { errorMessage } from '../core/input';
import {
  parseSidecar,
  serializeSidecar,
  sidecarForSource,
  sidecarPathFor,
  withDone,
  writeSidecarSafely,
} from '../core/sidecar';
import { canonicalText } from '../core/text';
import { MirrorMissing, readSidecarAgainst, type OffThread, type SidecarRead } from '../core/offThread';
import type { TextMirrors } from './textMirrors';
import type { AnnotationStore, DocumentAnnotations } from './annotationStore';
import { documentText, openDocument } from './convert';
import { readStrictText, workspaceFilePort } from './filePort';
import { SidecarMessage } from './sidecarMessages';
import type { SidecarProblems } from './sidecarProblems';
import { offerStaleTempCleanup } from './staleTempCleanup';
import { RefusedRead } from './workspaceReads';

export type SaveOutcome = 'saved' | 'unchanged' | 'refused';

/** Asks the coder one question about an annotation file; resolves to the chosen button, undefined if dismissed. */
export type SidecarQuestion = (message: string, choices: string[]) => Thenable<string | undefined>;

const askInNotification: SidecarQuestion = (message, choices) => vscode.window.showWarningMessage(message, ...choices);

export class SidecarFiles {
  private ask: SidecarQuestion = askInNotification;
  /** Reads in flight, by document: a decision waits for its document's read, which would otherwise replace it. */
  private readonly loading = new Map<string, Promise<DocumentAnnotations>>();

  constructor(
    private readonly store: AnnotationStore,
    private readonly problems: SidecarProblems,
    private readonly log: vscode.LogOutputChannel,
    private readonly codebookId: () => string,
    private readonly jobs: OffThread,
    private readonly mirrors: TextMirrors,
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
    if (entry.onDisk === undefined && !entry.unsaved) await this.takeDiskText(entry, text);
    offerStaleTempCleanup(entry.sidecarUri, this.log);
    return entry;
  }

  /** Applies a coding decision and writes the sidecar. Resolves to false when nothing could be written. */
  async applyDecision(
    doc: vscode.TextDocument,
    change: (list: readonly Annotation[]) => Annotation[],
  ): Promise<boolean> {
    if (!(await this.mayDecide(doc))) return false;
    this.store.decide(doc.uri, change);
    return (await this.save(doc)) !== 'refused';
  }

  /**
   * A decision that needs an answer first (who is coding): `ask` runs only once the file may be written, so
   * that nobody is asked for their name in Restricted Mode or over a file with problems; undefined stops.
   */
  async applyAskedDecision<T>(
    doc: vscode.TextDocument,
    ask: () => Promise<T | undefined>,
    change: (list: readonly Annotation[], answer: T) => Annotation[],
  ): Promise<boolean> {
    if (!(await this.mayDecide(doc))) return false;
    const answer = await ask();
    return answer !== undefined && this.applyDecision(doc, (list) => change(list, answer));
  }

  /** Marks the text done for `coder` (or takes the mark back) and writes the sidecar; false when not written. */
  async applyDone(doc: vscode.TextDocument, coder: string, marked: boolean): Promise<boolean> {
    if (!(await this.mayDecide(doc))) return false;
    this.store.setDone(doc.uri, withDone(this.store.get(doc.uri)?.done, coder, marked));
    return (await this.save(doc)) !== 'refused';
  }

  /** True when a decision on `doc` may be written; otherwise the coder is told why not. */
  private async mayDecide(doc: vscode.TextDocument): Promise<boolean> {
    // a read in flight (the document just opened) ends first, so that it cannot replace the decision
    await this.loading.get(doc.uri.toString());
    const tracked = this.store.get(doc.uri);
    // a document opened just now may have its first read still pending: decide over what the file holds
    const entry = tracked === undefined || tracked.onDisk === undefined ? await this.load(doc) : tracked;
    if (entry.readOnly) {
      void vscode.window.showErrorMessage(SidecarMessage.fixBeforeCoding(entry.sidecarUri));
      return false;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(SidecarMessage.RESTRICTED_MODE);
      return false;
    }
    return true;
  }

  /** Writes the sidecar when the in-memory annotations differ from it. */
  async save(doc: vscode.TextDocument): Promise<SaveOutcome> {
    const entry = this.store.get(doc.uri);
    if (!entry || !entry.unsaved) return 'unchanged';
    if (entry.readOnly || !vscode.workspace.isTrusted) return 'refused';
    if (entry.deletedOnDisk) {
      void vscode.window.showWarningMessage(SidecarMessage.deletedKeptInMemory(entry.sidecarUri, this.where(entry)));
      return 'refused';
    }
    if (entry.onDisk === null && entry.annotations.length === 0 && entry.done === undefined) return 'unchanged';
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

  /**
   * The watcher saw the sidecar change, appear or go (a checkout, a merge, another editor): the disk's state is
   * taken silently, as VS Code takes a checked-out text, unless memory holds coding that neither the file last
   * read or written nor the new one has; only then the coder is asked, with the branch named.
   */
  async followDisk(entry: DocumentAnnotations): Promise<void> {
    const text = await this.read(entry);
    if (text === entry.onDisk) return; // our own write, or no real change
    const name = vscode.workspace.asRelativePath(entry.sidecarUri);
    if (!this.holdsUnsavedCoding(entry, text)) {
      this.log.info(`${name} ${text === null ? 'is gone' : 'changed'} on disk (${this.where(entry)}): following it`);
      await this.takeDiskText(entry, text);
      return;
    }
    if (text === null) {
      this.store.markDeletedOnDisk(entry.uri);
      await this.offerDeletedChoice(entry);
    } else await this.offerConflictChoice(entry);
  }

  /** Answers the questions about a changed annotation file instead of a notification (integration tests). */
  useQuestions(ask: SidecarQuestion | undefined): void {
    this.ask = ask ?? askInNotification;
  }

  /** Memory has coding decisions that neither the file last read or written nor the disk's `text` has. */
  private holdsUnsavedCoding(entry: DocumentAnnotations, text: string | null): boolean {
    if (!entry.unsaved && !entry.deletedOnDisk) return false;
    const decisionsOf = (yaml: string | null | undefined): readonly Annotation[] =>
      yaml ? (parseSidecar(yaml, entry.sidecarUri.fsPath).sidecar?.annotations ?? []) : [];
    return (
      !sameDecisions(entry.annotations, decisionsOf(entry.onDisk)) &&
      !sameDecisions(entry.annotations, decisionsOf(text))
    );
  }

  /** "on branch 'x'" (read from .git/HEAD) where the sidecar is, for the questions; "in this folder" outside Git. */
  private where(entry: DocumentAnnotations): string {
    if (entry.sidecarUri.scheme !== 'file') return 'in this folder';
    try {
      const head = checkedOutAt(dirname(entry.sidecarUri.fsPath));
      return head === undefined ? 'in this folder (not in Git)' : `on ${head}`;
    } catch (e) {
      this.log.warn(`reading the checked-out branch for ${entry.sidecarUri.fsPath}: ${errorMessage(e)}`);
      return 'in this folder';
    }
  }

  /** The sidecar changed on disk while memory had unsaved coding: the coder decides, nothing is dropped silently. */
  private async offerConflictChoice(entry: DocumentAnnotations): Promise<void> {
    const where = this.where(entry);
    const { reload, compare, overwrite } = SidecarMessage.conflictChoices(where);
    const choice = await this.ask(SidecarMessage.changedOnDisk(entry.sidecarUri, where), [reload, compare, overwrite]);
    if (choice === reload) await this.takeDiskText(entry, await this.read(entry));
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

  /**
   * The sidecar went from disk (a checkout of a branch without it) while memory had unsaved coding: it is kept
   * in memory and written nowhere, unless the coder says to write it here, on the branch named.
   */
  private async offerDeletedChoice(entry: DocumentAnnotations): Promise<void> {
    const where = this.where(entry);
    this.log.warn(
      `${vscode.workspace.asRelativePath(entry.sidecarUri)} is gone on disk (${where}) while ${entry.annotations.length} annotation(s) held unsaved coding`,
    );
    const { writeHere, discard } = SidecarMessage.deletedChoices(where);
    const choice = await this.ask(SidecarMessage.deletedOnDisk(entry.sidecarUri, entry.annotations.length, where), [
      writeHere,
      discard,
    ]);
    const doc = openDocument(entry.uri);
    if (choice === writeHere && doc) {
      this.store.restore(entry.uri);
      await this.save(doc);
    } else if (choice === discard) await this.takeDiskText(entry, await this.read(entry));
  }

  /**
   * Takes the sidecar text found on disk as the new truth (null: there is no file). The parse and the
   * re-anchoring run in the jobs worker (a tenth of a second and more for 10,000 annotations).
   */
  private async takeDiskText(entry: DocumentAnnotations, text: string | null): Promise<void> {
    if (text === null) {
      this.problems.clear(entry.sidecarUri);
      this.store.replaceFromDisk(entry.uri, { text, annotations: [], readOnly: false, unsaved: false });
      return;
    }
    const { parsed, anchored } = await this.readAgainstDocument(entry, text);
    const { annotations, moved, alternatives } = this.reanchored(entry, parsed.sidecar?.annotations ?? [], anchored);
    this.problems.show(entry.sidecarUri, parsed.problems, parsed.readOnly);
    this.log.info(
      `loaded ${annotations.length} annotation(s) from ${entry.sidecarUri.toString()}${parsed.readOnly ? ' (read-only: problems)' : ''}`,
    );
    const done = parsed.sidecar?.done;
    this.store.replaceFromDisk(entry.uri, {
      text,
      annotations,
      done,
      readOnly: parsed.readOnly,
      unsaved: moved,
      alternatives,
    });
  }

  /**
   * The sidecar parsed and re-anchored against the open document's text, off the extension host's thread. An
   * edit while the worker ran would leave the result behind the text (the store shifts only what it holds), so
   * then it is done again against the text as it is now; the last try runs in place, where nothing can interleave.
   */
  private async readAgainstDocument(entry: DocumentAnnotations, yaml: string): Promise<SidecarRead> {
    for (let attempt = 0; ; attempt++) {
      const doc = openDocument(entry.uri);
      if (attempt === 2)
        return readSidecarAgainst({ yaml, file: entry.sidecarUri.fsPath, text: doc ? documentText(doc) : undefined });
      const version = doc?.version;
      // a large document's text goes as the worker's copy of it (textMirrors.ts), never whole
      const text = doc ? await this.mirrors.textOf(doc) : undefined;
      if (openDocument(entry.uri)?.version !== version) continue;
      try {
        const result = await this.jobs.run('readSidecarAgainst', { yaml, file: entry.sidecarUri.fsPath, text });
        if (openDocument(entry.uri)?.version === version) return result;
      } catch (e) {
        if (!(e instanceof MirrorMissing)) throw e; // the copy went (the worker restarted): try again
      }
    }
  }

  /** Loaded offsets as checked against the document's text; moved or lost quotes are flagged, never dropped. */
  private reanchored(
    entry: DocumentAnnotations,
    list: Annotation[],
    anchored: SidecarRead['anchored'],
  ): { annotations: Annotation[]; moved: boolean; alternatives: Map<string, readonly Alternative[]> } {
    const alternatives = new Map<string, readonly Alternative[]>();
    if (!anchored) return { annotations: list, moved: false, alternatives };
    const { annotations, counts, results } = anchored;
    for (const r of results) {
      if (r.alternatives === undefined || r.alternatives.length === 0) continue;
      alternatives.set(r.annotation.id, r.alternatives);
      const others = r.alternatives.map((c) => `${c.start}–${c.end} (score ${c.score})`).join(', ');
      const where =
        r.outcome === 'orphaned'
          ? 'is orphaned (its text was deleted); look-alikes, not taken, are'
          : `needs review at ${r.annotation.start}–${r.annotation.end}; it could also be`;
      this.log.warn(`${r.annotation.id} ${where} at ${others} (hover it to choose)`);
    }
    const moved = counts.moved + counts.ambiguous + counts.fuzzy + counts.orphaned > 0;
    if (moved) {
      const message = SidecarMessage.reanchoredOnLoad(entry.uri, counts);
      this.log.warn(message);
      void vscode.window.showWarningMessage(message);
    }
    return { annotations, moved, alternatives };
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
      sidecarForSource(entry.uri.path, this.codebookId(), entry.annotations, canonical, entry.done),
      canonical,
    );
  }
}
