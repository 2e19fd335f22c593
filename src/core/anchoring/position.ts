/**
 * The cheap checks made before any search: is the annotation still where its offsets say (quote and both
 * sides of context unchanged), or exactly `delta` characters away, as when text was inserted or deleted
 * before it (the shift that textShift.ts follows through a text). Whitespace-blind for the quote, so that a
 * quote placed on a rewrapped passage is found at its offsets again on the next load.
 */
import type { Annotation } from '../annotations';
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
