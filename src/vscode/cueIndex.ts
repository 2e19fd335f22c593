/**
 * The cue-term matches of each open document, kept up to date while the coder types by the core's
 * updateMatches: only the lines around each change are scanned again, read from the document as excerpts
 * (getText of a range), because getText() of a whole 10 MB document costs 35–70 ms per keystroke. The matches
 * sit in a MatchIndex, so an edit never copies the whole list. Offsets are the document's own.
 *
 * Opening never scans a whole document in one go (half a second at 10 MB with 5,000 terms, during which the
 * extension host serves nothing): the first scan runs in slices of about SLICE_MS, yielding between them, while
 * edits keep the part already scanned current. Until it is done, the matches asked for (the visible lines) are
 * found directly in the document, which costs what those lines cost.
 */
import * as vscode from 'vscode';
import { findAround, MatchIndex, updateMatches, type Matcher, type TermMatch } from '../core/matcher';
import { documentSource } from './documentExcerpts';

/**
 * Each slice of the first scan aims at SLICE_MS of work, so typing is served between slices: the slice's length
 * follows the time the last one took, from FIRST_SLICE_CHARS (the first scans run before the JIT has warmed up,
 * at a tenth of the later speed) up to MAX_SLICE_CHARS.
 */
const SLICE_MS = 5;
const FIRST_SLICE_CHARS = 16_384;
const MIN_SLICE_CHARS = 4_096;
const MAX_SLICE_CHARS = 262_144;

interface Entry {
  version: number;
  index: MatchIndex;
  /** Offset up to which the first scan has gone; Infinity once it is complete. */
  scannedTo: number;
  /** Characters for the first scan's next slice. */
  sliceChars: number;
}

export class CueIndex {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly matcher: () => Matcher | undefined) {}

  /** The document's entry, starting its first scan (in slices) on first use. */
  private entryOf(doc: vscode.TextDocument): Entry {
    const key = doc.uri.toString();
    const entry = this.entries.get(key);
    if (entry && entry.version === doc.version) return entry;
    const fresh: Entry = {
      version: doc.version,
      index: new MatchIndex([]),
      scannedTo: 0,
      sliceChars: FIRST_SLICE_CHARS,
    };
    this.entries.set(key, fresh);
    this.scanInSlices(key, doc, fresh);
    return fresh;
  }

  /** All matches of the document (fresh objects); finishes the first scan at once if it is still running. */
  matches(doc: vscode.TextDocument): readonly TermMatch[] {
    const entry = this.entryOf(doc);
    const matcher = this.matcher();
    if (entry.scannedTo !== Infinity && matcher) {
      entry.index = new MatchIndex(matcher.find(doc.getText()));
      entry.scannedTo = Infinity;
    }
    return entry.index.all();
  }

  /** Matches that intersect [from, to) (document offsets). */
  matchesIn(doc: vscode.TextDocument, from: number, to: number): TermMatch[] {
    const entry = this.entryOf(doc);
    const matcher = this.matcher();
    if (entry.scannedTo >= to || !matcher) return entry.index.inRange(from, to);
    return findAround(matcher, documentSource(doc), from, to).filter((m) => m.end > from && m.start < to);
  }

  /** Follows an edit: shift the matches, then re-scan only the lines around each change. */
  update(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    const matcher = this.matcher();
    if (!entry || !matcher || e.contentChanges.length === 0) return;
    updateMatches(entry.index, e.contentChanges, documentSource(e.document), matcher);
    for (const c of e.contentChanges) {
      // While the first scan runs, the part it has passed moves with an edit before its end; an edit across
      // its end sends it back to the edit's start. (Edits after it touch text it has yet to scan.)
      if (entry.scannedTo === Infinity || c.rangeOffset >= entry.scannedTo) continue;
      const oldEnd = c.rangeOffset + c.rangeLength;
      entry.scannedTo = oldEnd <= entry.scannedTo ? entry.scannedTo + c.text.length - c.rangeLength : c.rangeOffset;
    }
    entry.version = e.document.version;
  }

  invalidate(doc?: vscode.TextDocument): void {
    if (doc) this.entries.delete(doc.uri.toString());
    else this.entries.clear();
  }

  /**
   * The first scan, one slice per task (the first after a yield too: the caller is serving a paint or a code
   * action, which matches its own lines directly), until the document is scanned or the entry is replaced.
   */
  private scanInSlices(key: string, doc: vscode.TextDocument, entry: Entry): void {
    const step = (): void => {
      const matcher = this.matcher();
      if (this.entries.get(key) !== entry || entry.scannedTo === Infinity) return;
      if (!matcher || doc.isClosed) {
        entry.scannedTo = Infinity;
        return;
      }
      const started = performance.now();
      const source = documentSource(doc);
      const from = entry.scannedTo;
      const to = Math.min(source.length, from + entry.sliceChars);
      const found = findAround(matcher, source, from, to);
      entry.index.replace(
        Math.min(from, found[0]?.start ?? from),
        Math.max(to, found[found.length - 1]?.end ?? to),
        found,
      );
      entry.scannedTo = to >= source.length ? Infinity : to;
      const took = Math.max(0.1, performance.now() - started);
      entry.sliceChars = Math.round(
        Math.min(MAX_SLICE_CHARS, Math.max(MIN_SLICE_CHARS, entry.sliceChars * Math.min(2, SLICE_MS / took))),
      );
      if (entry.scannedTo !== Infinity) setTimeout(step, 0);
    };
    setTimeout(step, 0);
  }
}
