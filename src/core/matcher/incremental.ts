/**
 * Keeping a document's matches current while it is edited, without scanning it again: matches after a change are
 * shifted, matches the change touched are dropped, and only the lines around each change (one more line either
 * side, since a phrase may run over a line break) are scanned again, which finds exactly what a full scan would
 * find there. The result equals `matcher.find(textAfter)` (a property test checks it).
 *
 * Per keystroke this costs a block search and a block's worth of moves in the MatchIndex, and a scan of a few
 * lines read as an excerpt (TextSource), however long the document and however many terms the codebook has
 * (bench/typing.bench.ts): neither the match list nor the text is ever copied whole.
 */
import type { Matcher, TermMatch } from './matcher';
import type { MatchIndex } from './matchIndex';
import { lineEndAfter, lineStartBefore, stringSource, type TextSource } from './textSource';

/** One content change, relative to the text after the changes before it (as VS Code reports them). */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** Context read on either side of a window before the excerpt grows (fourfold each time it is too short). */
const FIRST_CONTEXT = 2048;

/**
 * Exactly matcher.findInRange(whole text, from, to), reading only an excerpt around [from, to) and growing it
 * until the matcher is sure (a match can reach back several words, or a chain of overlapping candidates further).
 */
export function findAround(
  matcher: Matcher,
  source: TextSource,
  from: number,
  to: number,
  context = FIRST_CONTEXT,
): TermMatch[] {
  for (let pad = Math.max(1, context); ; pad *= 4) {
    const lo = Math.max(0, from - pad);
    const hi = Math.min(source.length, to + pad);
    const found = matcher.findInExcerpt(source.slice(lo, hi), from - lo, to - lo, lo > 0, hi < source.length);
    if (found !== undefined)
      return lo === 0 ? found : found.map((m) => ({ ...m, start: m.start + lo, end: m.end + lo }));
  }
}

export interface UpdateOptions {
  /** First excerpt margin for the re-scan (tests make it tiny to exercise the growing). */
  context?: number;
}

/** Brings `index` (the matches before `changes`) to the matches of `textAfter`. */
export function updateMatches(
  index: MatchIndex,
  changes: readonly TextChange[],
  textAfter: TextSource | string,
  matcher: Matcher,
  options: UpdateOptions = {},
): void {
  const source = typeof textAfter === 'string' ? stringSource(textAfter) : textAfter;
  let dirty: { from: number; to: number }[] = [];
  for (const c of changes) {
    const oldEnd = c.rangeOffset + c.rangeLength;
    const delta = c.text.length - c.rangeLength;
    const shift = (at: number): number => (at >= oldEnd ? at + delta : at);
    index.applyChange(c.rangeOffset, c.rangeLength, c.text.length);
    dirty = dirty.map((d) => ({
      from: Math.min(shift(d.from), c.rangeOffset),
      to: Math.max(shift(d.to), c.rangeOffset),
    }));
    dirty.push({ from: c.rangeOffset, to: c.rangeOffset + c.text.length });
  }
  for (const d of dirty) {
    const from = lineStartBefore(source, lineStartBefore(source, d.from) - 1);
    const to = lineEndAfter(source, lineEndAfter(source, d.to) + 1);
    const found = findAround(matcher, source, from, to, options.context);
    const lo = Math.min(from, found[0]?.start ?? from);
    const hi = Math.max(to, found[found.length - 1]?.end ?? to);
    index.replace(lo, hi, found);
  }
}
