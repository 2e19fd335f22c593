/**
 * The cue-term matches of each open document, kept up to date while the coder types by the core's
 * updateMatches: only the lines around each change are scanned again, read from the document as excerpts
 * (getText of a range), because getText() of a whole 10 MB document costs 35–70 ms per keystroke. The matches
 * sit in a MatchIndex, so an edit never copies the whole list. Offsets are the document's own.
 */
import * as vscode from 'vscode';
import { MatchIndex, updateMatches, type Matcher, type TermMatch } from '../core/matcher';
import { documentSource } from './documentExcerpts';

interface Entry {
  version: number;
  index: MatchIndex;
}

export class CueIndex {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly matcher: () => Matcher | undefined) {}

  /** The document's match index, scanning the document on first use. */
  private indexOf(doc: vscode.TextDocument): MatchIndex {
    const key = doc.uri.toString();
    const entry = this.entries.get(key);
    if (entry && entry.version === doc.version) return entry.index;
    const matcher = this.matcher();
    const fresh: Entry = { version: doc.version, index: new MatchIndex(matcher ? matcher.find(doc.getText()) : []) };
    this.entries.set(key, fresh);
    return fresh.index;
  }

  /** All matches of the document (fresh objects), computing them on first use. */
  matches(doc: vscode.TextDocument): readonly TermMatch[] {
    return this.indexOf(doc).all();
  }

  /** Matches that intersect [from, to) (document offsets). */
  matchesIn(doc: vscode.TextDocument, from: number, to: number): TermMatch[] {
    return this.indexOf(doc).inRange(from, to);
  }

  /** Follows an edit: shift the matches, then re-scan only the lines around each change. */
  update(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    const matcher = this.matcher();
    if (!entry || !matcher || e.contentChanges.length === 0) return;
    updateMatches(entry.index, e.contentChanges, documentSource(e.document), matcher);
    entry.version = e.document.version;
  }

  invalidate(doc?: vscode.TextDocument): void {
    if (doc) this.entries.delete(doc.uri.toString());
    else this.entries.clear();
  }
}
