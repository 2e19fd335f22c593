/**
 * The cue-term matches of each open document, kept up to date while the coder types by the core's
 * updateMatches (only the lines around each change are scanned again). Offsets are the document's own.
 */
import * as vscode from 'vscode';
import { firstEndingAfter, updateMatches, type Matcher, type TermMatch } from '../core/matcher';

interface Entry {
  version: number;
  matches: TermMatch[];
}

export class CueIndex {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly matcher: () => Matcher | undefined) {}

  /** All matches of the document, computing them on first use. */
  matches(doc: vscode.TextDocument): readonly TermMatch[] {
    const key = doc.uri.toString();
    const entry = this.entries.get(key);
    if (entry && entry.version === doc.version) return entry.matches;
    const matcher = this.matcher();
    const fresh: Entry = { version: doc.version, matches: matcher ? matcher.find(doc.getText()) : [] };
    this.entries.set(key, fresh);
    return fresh.matches;
  }

  /** Matches that intersect [from, to) (document offsets). */
  matchesIn(doc: vscode.TextDocument, from: number, to: number): TermMatch[] {
    const all = this.matches(doc);
    const out: TermMatch[] = [];
    for (let i = firstEndingAfter(all, from); i < all.length && (all[i]).start < to; i++) out.push(all[i]);
    return out;
  }

  /** Follows an edit: shift the matches, then re-scan only the lines around each change. */
  update(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    const matcher = this.matcher();
    if (!entry || !matcher || e.contentChanges.length === 0) return;
    entry.matches = updateMatches(entry.matches, e.contentChanges, e.document.getText(), matcher);
    entry.version = e.document.version;
  }

  invalidate(doc?: vscode.TextDocument): void {
    if (doc) this.entries.delete(doc.uri.toString());
    else this.entries.clear();
  }
}
