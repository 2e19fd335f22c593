/**
 * Keeping a document's matches current while it is edited, without scanning it again: matches after a change are
 * shifted, matches the change touched are dropped, and only the lines around each change (one more line either
 * side, since a phrase may run over a line break) are scanned again with findInRange, which returns exactly
 * what a full scan would find there. The result equals `matcher.find(textAfter)` (a property test checks it).
 * Per keystroke this costs a binary search, one shift of the later matches and a scan of a few lines, however
 * long the document and however many terms the codebook has (bench/typing.bench.ts).
 */
import type { Matcher, TermMatch } from './matcher';

/** One content change, relative to the text after the changes before it (as VS Code reports them). */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
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

function lineStartBefore(text: string, offset: number): number {
  return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
}

function lineEndAfter(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

/** Applies one change to sorted matches: those it touches go, those after it move by its length difference. */
function shiftThrough(matches: readonly TermMatch[], c: TextChange): TermMatch[] {
  const oldEnd = c.rangeOffset + c.rangeLength;
  const delta = c.text.length - c.rangeLength;
  const first = firstEndingAfter(matches, c.rangeOffset); // matches before it end at or before the change
  let after = first;
  while (after < matches.length && (matches[after]).start <= oldEnd) after++;
  const moved = delta === 0 ? matches.slice(after) : matches.slice(after).map((m) => ({ ...m, start: m.start + delta, end: m.end + delta }));
  // a match that ends exactly where the change starts may grow or end with it: drop it, the re-scan finds it
  const keep = first > 0 && (matches[first - 1]).end === c.rangeOffset ? first - 1 : first;
  return [...matches.slice(0, keep), ...moved];
}

/** Replaces the matches intersecting the window [from, to) of `text` by a fresh scan of it. */
function rescan(matches: readonly TermMatch[], text: string, matcher: Matcher, from: number, to: number): TermMatch[] {
  const found = matcher.findInRange(text, from, to);
  const lo = Math.min(from, found[0]?.start ?? from);
  const hi = Math.max(to, found[found.length - 1]?.end ?? to);
  const a = firstEndingAfter(matches, lo);
  let b = a;
  while (b < matches.length && (matches[b]).start < hi) b++;
  return [...matches.slice(0, a), ...found, ...matches.slice(b)];
}

/** The matches of `textAfter`, from the matches before `changes` were applied to it. */
export function updateMatches(before: readonly TermMatch[], changes: readonly TextChange[], textAfter: string, matcher: Matcher): TermMatch[] {
  if (changes.length === 0) return [...before];
  // shiftThrough and rescan each build a new array and never change the one they are given: no copy up front
  let matches: readonly TermMatch[] = before;
  let dirty: { from: number; to: number }[] = [];
  for (const c of changes) {
    const oldEnd = c.rangeOffset + c.rangeLength;
    const delta = c.text.length - c.rangeLength;
    const shift = (at: number): number => (at >= oldEnd ? at + delta : at);
    matches = shiftThrough(matches, c);
    dirty = dirty.map((d) => ({ from: Math.min(shift(d.from), c.rangeOffset), to: Math.max(shift(d.to), c.rangeOffset) }));
    dirty.push({ from: c.rangeOffset, to: c.rangeOffset + c.text.length });
  }
  let result: TermMatch[] = [];
  for (const d of dirty) {
    const from = lineStartBefore(textAfter, lineStartBefore(textAfter, d.from) - 1);
    const to = lineEndAfter(textAfter, lineEndAfter(textAfter, d.to) + 1);
    matches = result = rescan(matches, textAfter, matcher, from, to);
  }
  return result; // every change adds a window to `dirty`, so this is the last rescan's new array
}
