/**
 * The jobs worker's copies of large open documents (core/offThread/mirrors.ts): filled once in excerpts of the
 * canonical text (a few milliseconds each), then kept current with every edit, so that re-anchoring a sidecar
 * or indexing the document never reads the whole 10 MB text on the extension host (25 ms) nor clones it to
 * the worker (20 ms more) again. Only documents of LARGE_CHARS or more get a copy; smaller ones are cheaper
 * to send whole.
 */
import * as vscode from 'vscode';
import type { OffThread, TextInput, TextRef } from '../core/offThread';
import { documentText, editsFromChanges } from './convert';
import { canonicalSource, documentLength } from './documentExcerpts';

/** A document this long (UTF-16 units) is worth a copy in the worker. */
export const LARGE_CHARS = 1_000_000;
/** Canonical characters read and sent per excerpt. */
const EXCERPT_CHARS = 1_000_000;

interface Mirror {
  /** The version the copy is at once filled; undefined while the fill runs. */
  version: number | undefined;
  filling: Promise<TextRef | undefined> | undefined;
}

export class TextMirrors implements vscode.Disposable {
  private readonly mirrors = new Map<string, Mirror>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly jobs: OffThread) {
    this.disposables = [
      vscode.workspace.onDidChangeTextDocument((e) => this.follow(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.drop(doc.uri.toString())),
    ];
  }

  /** True when a document is large enough to be sent as a copy rather than whole. */
  static isLarge(doc: vscode.TextDocument): boolean {
    return documentLength(doc) >= LARGE_CHARS;
  }

  /** The document's canonical text for a job: a reference to the worker's copy when large, else the text. */
  async textOf(doc: vscode.TextDocument): Promise<TextInput> {
    if (!TextMirrors.isLarge(doc)) return documentText(doc);
    return (await this.refFor(doc)) ?? documentText(doc);
  }

  /** A reference to the copy at the document's current version (filling it first); undefined: no copy to be had. */
  private refFor(doc: vscode.TextDocument): Promise<TextRef | undefined> {
    const key = doc.uri.toString();
    const mirror = this.mirrors.get(key);
    if (mirror?.version === doc.version) return Promise.resolve({ mirror: key, version: doc.version });
    if (mirror?.filling) return mirror.filling.then((ref) => (ref?.version === doc.version ? ref : this.refill(doc)));
    return this.refill(doc);
  }

  private refill(doc: vscode.TextDocument): Promise<TextRef | undefined> {
    const key = doc.uri.toString();
    const version = doc.version;
    const mirror: Mirror = { version: undefined, filling: undefined };
    this.mirrors.set(key, mirror);
    const source = canonicalSource(doc);
    function* excerpts(): Iterable<string> {
      for (let from = 0; from < source.length; from += EXCERPT_CHARS) yield source.slice(from, from + EXCERPT_CHARS);
    }
    const stillAt = (): boolean => this.mirrors.get(key) === mirror && !doc.isClosed && doc.version === version;
    mirror.filling = this.jobs.mirror(key, version, excerpts(), stillAt).then((ref) => {
      mirror.filling = undefined;
      if (ref && stillAt()) mirror.version = version;
      else if (this.mirrors.get(key) === mirror) this.mirrors.delete(key);
      return ref && stillAt() ? ref : undefined;
    });
    return mirror.filling;
  }

  /** An edit to a document with a complete copy goes to the copy too (in canonical offsets). */
  private follow(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const mirror = this.mirrors.get(key);
    if (mirror?.version === undefined || e.contentChanges.length === 0) return;
    mirror.version = e.document.version;
    this.jobs.editMirror(key, e.document.version, editsFromChanges(e.document, e.contentChanges));
  }

  private drop(key: string): void {
    if (!this.mirrors.delete(key)) return;
    this.jobs.dropMirror(key);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const key of this.mirrors.keys()) this.jobs.dropMirror(key);
    this.mirrors.clear();
  }
}
