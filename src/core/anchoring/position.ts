/**
 * The cheap checks made before any search: is the annotation still where its offsets say (quote and both
 * sides of context unchanged), or exactly `delta` characters away, as when text was inserted or deleted
 * before it (the shift that textShift.ts follows through a text). Whitespace-blind for the quote, so that a
 * quote placed on a rewrapped passage is found at its offsets again on the next load.
 */
import { CONTEXT_LENGTH, type Annotation } from '../annotations';
import { sameUpToWhitespace } from './whitespace';

/** True when the text holds the annotation's stored prefix, quote and suffix at its offsets moved by `delta`. */
export function pieceHolds(text: string, a: Annotation, delta: number): boolean {
  const start = a.start + delta;
  const end = a.end + delta;
  if (start < a.prefix.length || end > text.length - a.suffix.length || end <= start) return false;
  if (!text.startsWith(a.prefix, start - a.prefix.length) || !text.startsWith(a.suffix, end)) return false;
  const span = text.slice(start, end);
  return span === a.quote || sameUpToWhitespace(span, a.quote);
}

/**
 * How far from the expected place the intact piece is looked for. A piece (quote and up to CONTEXT_LENGTH on
 * each side) can recur this close to itself only in text that repeats with a shorter period, where no
 * reading of the edit is better than the smallest shift.
 */
const PROBE = 2 * CONTEXT_LENGTH;

/**
 * The start of the quote in the nearest exact occurrence of the whole stored piece within PROBE of `hint`,
 * or undefined when there is none, or two are equally near. This is the smallest shift that explains the
 * text around the annotation, what a diff of old and new text would report.
 */
export function nearestIntactPiece(text: string, a: Annotation, hint: number): number | undefined {
  const piece = a.prefix + a.quote + a.suffix;
  let best: number | undefined;
  let tie = false;
  for (
    let i = text.indexOf(piece, Math.max(0, hint - a.prefix.length - PROBE));
    i >= 0;
    i = text.indexOf(piece, i + 1)
  ) {
    const start = i + a.prefix.length;
    if (start > hint + PROBE) break;
    const d = Math.abs(start - hint);
    if (d > PROBE) continue;
    if (best === undefined || d < Math.abs(best - hint)) {
      best = start;
      tie = false;
    } else if (d === Math.abs(best - hint)) tie = true;
  }
  return tie ? undefined : best;
}
