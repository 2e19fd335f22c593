/**
 * The cue-term matches of each open document, kept up to date while the coder types: only the lines around
 * each change are re-scanned (Matcher.findInRange returns exactly what a full scan would there), and matches
 * after a change are shifted rather than searched again. Offsets are the document's own.
 */
import * as vscode from 'vscode';
import type { Matcher, TermMatch } from '../core/matcher';

interface Entry {
  version: number;
  matches: TermMatch[];
}

/** The first index whose match ends after `offset` (matches are sorted and do not overlap). */
export function firstEndingAfter(matches: readonly TermMatch[], offset: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((matches[mid]).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
    let matches = entry.matches;
    let dirty: { from: number; to: number }[] = [];
    for (const c of e.contentChanges) {
      // Each change is relative to the text after the previous one: shift what we hold, then record it.
      const oldEnd = c.rangeOffset + c.rangeLength;
      const delta = c.text.length - c.rangeLength;
      const shift = (at: number): number => (at >= oldEnd ? at + delta : at);
      matches = matches.filter((m) => m.end < c.rangeOffset || m.start > oldEnd).map((m) => (m.start > oldEnd ? { ...m, start: m.start + delta, end: m.end + delta } : m));
      dirty = dirty.map((d) => ({ from: Math.min(shift(d.from), c.rangeOffset), to: Math.max(shift(d.to), c.rangeOffset) }));
      dirty.push({ from: c.rangeOffset, to: c.rangeOffset + c.text.length });
    }
    const text = e.document.getText();
    for (const d of dirty) {
      // A phrase may run over one line break, so the window is the changed lines and one line either side.
      const from = lineStartBefore(text, lineStartBefore(text, d.from) - 1);
      const to = lineEndAfter(text, lineEndAfter(text, d.to) + 1);
      const found = matcher.findInRange(text, from, to);
      const lo = Math.min(from, found[0]?.start ?? from);
      const hi = Math.max(to, found[found.length - 1]?.end ?? to);
      matches = [...matches.filter((m) => m.end <= lo || m.start >= hi), ...found];
    }
    entry.matches = dedupeSorted(matches);
    entry.version = e.document.version;
  }

  invalidate(doc?: vscode.TextDocument): void {
    if (doc) this.entries.delete(doc.uri.toString());
    else this.entries.clear();
  }
}

function lineStartBefore(text: string, offset: number): number {
  return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
}

function lineEndAfter(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

/** findInRange may return a match that also survived on either side of the window; keep one of each. */
function dedupeSorted(matches: TermMatch[]): TermMatch[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TermMatch[] = [];
  for (const m of matches) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}
