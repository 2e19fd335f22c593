/**
 * An annotation's stored prefix, quote and suffix in folded form (whitespace.ts), as re-anchoring compares
 * them. They are folded together, so a whitespace run at a boundary is folded exactly as it is in the text,
 * and the quote is trimmed to its core: whitespace at its ends is given to the context around it, so that a
 * quote is never found or lost by a space at its edge.
 */
import type { Annotation } from '../annotations';
import { fold } from './whitespace';

export interface StoredPieces {
  prefix: string;
  /** Folded, without whitespace at either end; empty when the quote is only whitespace. */
  quote: string;
  suffix: string;
}

/** Index of the first folded character that comes from original offset `offset` or later. */
function firstFrom(from: Int32Array, offset: number): number {
  let i = 0;
  while (i < from.length && (from[i] ?? 0) < offset) i++;
  return i;
}

export function storedPieces(a: Annotation): StoredPieces {
  const f = fold(a.prefix + a.quote + a.suffix);
  let qs = firstFrom(f.from, a.prefix.length);
  let qe = firstFrom(f.from, a.prefix.length + a.quote.length);
  if (qs < qe && f.text[qs] === ' ') qs++;
  if (qe > qs && f.text[qe - 1] === ' ') qe--;
  // Whitespace at the outer ends is dropped: whether it folds away depends on characters that were not stored.
  return { prefix: f.text.slice(0, qs).trimStart(), quote: f.text.slice(qs, qe), suffix: f.text.slice(qe).trimEnd() };
}

/**
 * True when the quote repeats right beside itself in the stored context ("data, data"): if one of the two is
 * deleted, the text left is the same whichever it was, so only the intact piece can place it silently.
 */
export function repeatsBesideItself(p: StoredPieces): boolean {
  return p.quote !== '' && (p.suffix.trimStart().startsWith(p.quote) || p.prefix.trimEnd().endsWith(p.quote));
}
